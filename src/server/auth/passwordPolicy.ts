/**
 * What makes a new password too easy to guess, after NIST SP 800-63B: no composition rules, but at least
 * MIN_PASSWORD_LENGTH characters (the shared schema) and not a known common password. Checked here on the server only,
 * so the app does not carry the list: about 49,000 common passwords (the zxcvbn-ts common list), a short Norwegian
 * and service list, the same with digits or symbols added at the end, the person's own username or name, and
 * passwords of fewer than five different characters.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newAccountSchema, newPasswordSchema, ownPasswordChangeSchema } from '../../core/schemas/account';
import { bilingual } from '../../core/schemas/bilingual';

/** Words a Norwegian municipality's staff would reach for, and this service's own names. */
const LOCAL_WORDS = [
  'passord', 'passordet', 'hemmelig', 'velkommen', 'sommer', 'vinter', 'hosten', 'høsten', 'våren', 'sommerferie', 'julaften',
  'januar', 'februar', 'mars', 'april', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember',
  'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'norge', 'norway', 'oslo', 'trondheim',
  'bergen', 'kommune', 'kommunen', 'egnet', 'bolig', 'boliger', 'boveileder', 'inspektor',
  'inspektør', 'familie', 'rosenborg', 'fotball', 'elskerdeg', 'jegelskerdeg', 'kjæreste', 'mamma', 'pappa', 'heisann',
  'hallo', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertyuiopå', 'asdfghjkløæ',
];

let common: Set<string> | undefined;
/** The list, built on first use (a few megabytes, only when a password is set). */
function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary['passwords-common'], ...LOCAL_WORDS].map((w) => w.toLowerCase()));
  return common;
}

/** What to fix in a common password, in Bokmål and English. */
export const COMMON_PASSWORD_RULE = bilingual(
  'Passordet er for vanlig og lett å gjette. Bruk gjerne en setning av flere ord.',
  'The password is too common and easy to guess. A sentence of several words works well.',
);
/** What to fix when the password is one's own username or name. */
export const PERSONAL_PASSWORD_RULE = bilingual(
  'Passordet kan ikke inneholde brukernavnet eller navnet',
  'The password cannot contain the username or the name',
);

/**
 * Why this password may not be set (a message in Bokmål and English), or null. `personal` are the account's username
 * and name: a password containing either, or a word of the name of at least four letters, is refused.
 */
export function passwordRefusal(password: string, personal: readonly string[] = []): string | null {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  // The common word with digits or symbols put before or after it ("Sommer2024!", "2024bergen") is as common.
  const trimmed = [lower.replace(/[\d\W_]+$/u, ''), lower.replace(/^[\d\W_]+/u, '')];
  trimmed.push(trimmed[0]!.replace(/^[\d\W_]+/u, ''));
  if (list.has(lower) || trimmed.some((w) => list.has(w))) return COMMON_PASSWORD_RULE;
  if (new Set(lower).size < 5) return COMMON_PASSWORD_RULE;
  for (const part of personal.flatMap((p) => p.toLowerCase().split(/\s+/))) {
    if (part.length >= 4 && lower.includes(part)) return PERSONAL_PASSWORD_RULE;
  }
  return null;
}

/** Adds the refusal as an issue on the password's field, so the form shows it next to the field. */
function refuse(ctx: z.RefinementCtx, field: string, password: string, personal: readonly string[] = []): void {
  // A password of the wrong length already has its issue from the shared schema: one issue per field.
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return;
  const message = passwordRefusal(password, personal);
  if (message) ctx.addIssue({ code: 'custom', path: [field], message });
}

/** The shared account schemas with the common-password check on top, for the server's routes. */
export const newAccountServerSchema = newAccountSchema.superRefine((v, ctx) => refuse(ctx, 'password', v.password, [v.username, v.name]));
export const newPasswordServerSchema = newPasswordSchema.superRefine((v, ctx) => refuse(ctx, 'password', v.password));
export const ownPasswordChangeServerSchema = ownPasswordChangeSchema.superRefine((v, ctx) => refuse(ctx, 'newPassword', v.newPassword));
