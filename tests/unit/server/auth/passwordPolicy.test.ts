// New passwords after NIST SP 800-63B: at least 12 characters (the shared schema), no composition rules, and not a
// common password — checked on the server against the shipped list, with digits or symbols added, and personal words.
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_RULE, newAccountServerSchema, passwordRefusal, PERSONAL_PASSWORD_RULE } from '../../../../src/server/auth/passwordPolicy';

describe('passwordRefusal', () => {
  it('refuses passwords on the common list, whatever their case', () => {
    for (const p of ['password1234', 'PasswordPassword', '1qaz2wsx3edc', '123456789012']) expect([p, passwordRefusal(p)]).toEqual([p, COMMON_PASSWORD_RULE]);
  });

  it('refuses a common or local word with digits or symbols put before or after it', () => {
    for (const p of ['Sommer2024!!', 'passord12345', 'velkommen123', '2024Bergen!!', 'Qwertyuiop12']) expect([p, passwordRefusal(p)]).toEqual([p, COMMON_PASSWORD_RULE]);
  });

  it('refuses passwords of fewer than five different characters', () => {
    for (const p of ['aaaaaaaaaaaa', 'abababababab', '112211221122']) expect([p, passwordRefusal(p)]).toEqual([p, COMMON_PASSWORD_RULE]);
  });

  it('refuses the username or a word of the name', () => {
    expect(passwordRefusal('bergit-sitt-passord-2', ['bergit', 'Bergit Hansen'])).toBe(PERSONAL_PASSWORD_RULE);
    expect(passwordRefusal('hansen-og-familien', ['bhansen', 'Bergit Hansen'])).toBe(PERSONAL_PASSWORD_RULE);
    // Short words of a name are too common in other words to refuse.
    expect(passwordRefusal('superhemmelig-sykkel', ['per', 'Per Ås'])).toBeNull();
  });

  it('accepts a sentence of several words, and random characters, with no composition rules', () => {
    for (const p of ['blå sykkel i regnvær', 'kaffe-og-boller-på-fredag', 'xk3v9qpz7tmw', 'midlertidig-1']) expect([p, passwordRefusal(p)]).toEqual([p, null]);
  });
});

describe('the server’s account schema', () => {
  const account = { username: 'kari', name: 'Kari Nordmann', roles: ['inspector'] };
  const issuesOf = (password: string) => {
    const r = newAccountServerSchema.safeParse({ ...account, password });
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('puts one issue on the password field: the length rule for a short one, the common rule for a common one', () => {
    expect(issuesOf('kort')).toEqual([['password', expect.stringMatching(/minst 12 tegn/)]]);
    expect(issuesOf('Password2024')).toEqual([['password', COMMON_PASSWORD_RULE]]);
    expect(issuesOf('nordmann-sin-sykkel')).toEqual([['password', PERSONAL_PASSWORD_RULE]]);
    expect(issuesOf('blå sykkel i regnvær')).toEqual([]);
  });
});
