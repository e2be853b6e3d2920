// The app's entry switches zod to jitless before zod loads, through the global zod 4 reads its settings from; if a zod
// upgrade stops reading it, this fails (and the browsers' CSP check would report zod's eval probe).
import { expect, it } from 'vitest';

it('turns zod jitless before zod is loaded, so no chunk builds a schema that probes for eval', async () => {
  await import('../../../src/app/zodSetup');
  const { config, z } = await import('zod');
  expect(config().jitless).toBe(true);
  expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
});
