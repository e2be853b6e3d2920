/** Completing a dwelling's checklist in the browser: sign in the confirmation, lock, and land on the dwelling report. */
import type { Page } from 'playwright-core';

/** Draws a short line on the signature pad inside `scope`, and waits until the pad says it is signed. */
export async function drawSignatureIn(page: Page, scope: string): Promise<void> {
  const pad = page.locator(`${scope} [data-testid="signature-pad"]`);
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 15, y + (i % 2 ? 15 : -15), { steps: 2 });
  await page.mouse.up();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-label')?.includes('Underskrift er tegnet'), `${scope} [data-testid="signature-pad"]`);
}

/**
 * In the open confirmation: the inspector signs, "Fullfør og lås" locks, and the report opens. With `back`, returns to
 * the now read-only checklist.
 */
export async function signAndLock(page: Page, { back = true } = {}): Promise<void> {
  await drawSignatureIn(page, '[data-testid="sign-inspector"]');
  await page.locator('[data-testid="complete-confirm"] button', { hasText: 'Fullfør og lås' }).click();
  await page.locator('[data-testid="report-just-completed"]').waitFor();
  if (back) {
    await page.locator('.report-bar a', { hasText: 'Til sjekklisten' }).click();
    await page.locator('[data-testid="read-only-notice"]').waitFor();
  }
}
