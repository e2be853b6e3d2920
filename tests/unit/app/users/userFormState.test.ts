// The account form's reducer: typing, filling from the stored account once, and a save's steps.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../../src/core/schemas/account';
import { initialUserForm, userFormReducer, type UserFormAction, type UserFormState } from '../../../../src/app/screens/users/userFormState';

const account = { id: 'u1', username: 'kari', name: 'Kari K', roles: ['counsellor'], units: ['nav'], disabled: false } as unknown as Account;
const run = (state: UserFormState, ...actions: UserFormAction[]) => actions.reduce(userFormReducer, state);

describe('user form state', () => {
  it('clears only the error of the field being typed in', () => {
    const state = run(initialUserForm(), { type: 'invalid', errors: { name: 'Skriv navnet', roles: 'Velg minst én rolle' } }, { type: 'edit', field: 'name', value: 'Kari' });
    expect(state.values.name).toBe('Kari');
    expect(state.errors).toEqual({ name: undefined, roles: 'Velg minst én rolle' });
  });

  it('fills the form from the stored account the first time only, keeping what was typed after', () => {
    const first = run(initialUserForm(), { type: 'loaded', account });
    expect(first.values).toMatchObject({ username: 'kari', name: 'Kari K', roles: ['counsellor'], units: ['nav'] });
    const typed = run(first, { type: 'edit', field: 'name', value: 'Kari Nordmann' }, { type: 'loaded', account });
    expect(typed.values.name).toBe('Kari Nordmann');
  });

  it('walks a save: a new attempt clears the notice, sending clears errors and sets busy, settling ends it', () => {
    const start = initialUserForm({ kind: 'success', text: 'Opprettet' });
    const submitted = run(start, { type: 'submit' });
    expect(submitted).toMatchObject({ attempt: 1, notice: null });
    const sending = run({ ...submitted, errors: { name: 'x' } }, { type: 'sending' });
    expect(sending).toMatchObject({ errors: {}, busy: true });
    const saved = run(sending, { type: 'saved', account: { ...account, name: 'Kari Ny' } as Account, notice: { kind: 'success', text: 'Lagret' } }, { type: 'settled' });
    expect(saved).toMatchObject({ busy: false, filled: true, notice: { text: 'Lagret' } });
    expect(saved.values.name).toBe('Kari Ny');
  });

  it('shows the server’s refusal by field and keeps the notice when none is given', () => {
    const refused = run(initialUserForm(), { type: 'notice', notice: { kind: 'warning', text: 'Krever nett' } }, { type: 'refused', errors: { username: 'tatt' }, notice: null });
    expect(refused.errors).toEqual({ username: 'tatt' });
    expect(refused.notice).toEqual({ kind: 'warning', text: 'Krever nett' });
  });
});
