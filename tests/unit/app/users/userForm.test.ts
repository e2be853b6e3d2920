// The user form's checks: the account schemas the server uses, messages by field in the chosen language.
import { describe, expect, it } from 'vitest';
import { checkNewPassword, checkNewUser, checkUserChange, emptyUserForm, issuesToErrors } from '../../../../src/app/screens/users/userForm';

describe('user form', () => {
  it('names every missing field of a new user, in Bokmål or English', () => {
    const nb = checkNewUser(emptyUserForm(), 'nb');
    expect(nb.ok).toBe(false);
    if (nb.ok) return;
    expect(nb.errors).toEqual({
      username: 'Brukernavnet må ha 2–64 tegn: a–z, 0–9, punktum, bindestrek eller understrek',
      name: 'Skriv navnet',
      roles: 'Velg minst én rolle',
      password: 'Passordet må ha minst 12 tegn',
    });
    const en = checkNewUser(emptyUserForm(), 'en');
    expect(!en.ok && en.errors.roles).toBe('Choose at least one role');
  });

  it('accepts a complete new user and sends what was typed (the server trims and lower-cases)', () => {
    const values = { username: ' Kari ', name: 'Kari K', roles: ['counsellor' as const], units: ['nav' as const], password: 'langt-passord' };
    expect(checkNewUser(values, 'nb')).toEqual({ ok: true, body: values });
  });

  it('sends only name, roles and units as a change, and checks a new password', () => {
    const r = checkUserChange({ username: 'kari', name: 'Kari', roles: ['intake'], units: [], password: 'ignored' }, 'nb');
    expect(r).toEqual({ ok: true, body: { name: 'Kari', roles: ['intake'], units: [] } });
    const p = checkNewPassword('kort', 'en');
    expect(!p.ok && p.errors.password).toBe('The password needs at least 12 characters');
  });

  it('puts the server’s issues by field and keeps the rest apart', () => {
    const issues = [
      { code: 'custom', path: ['username'], message: 'Brukernavnet er tatt; velg et annet / The username is taken; choose another' },
      { code: 'custom', path: ['roles', 0], message: 'Ukjent rolle / Unknown role' },
      { code: 'unrecognized_keys', path: [], keys: ['x'], message: 'Unrecognized key: "x"' },
    ];
    expect(issuesToErrors(issues, 'en')).toEqual({
      errors: { username: 'The username is taken; choose another', roles: 'Unknown role' },
      other: ['Unknown field: x'],
    });
    expect(issuesToErrors(undefined, 'nb')).toEqual({ errors: {}, other: [] });
  });
});
