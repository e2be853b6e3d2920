/**
 * The account form's state as one reducer: what is typed, the errors shown, the notice under the form, whether a save
 * is on its way, and whether the form has been filled from the stored account yet. Pure, so each step is unit-tested.
 */
import type { Account } from '../../../core/schemas/account';
import { accountToForm, emptyUserForm, type UserFormErrors, type UserFormValues } from './userForm';

/** A message under a part of the screen: green when done, red when refused, yellow when it needs a connection. */
export type Notice = { kind: 'success' | 'danger' | 'warning'; text: string } | null;

export type UserFormState = {
  values: UserFormValues;
  errors: UserFormErrors;
  /** Counts save attempts, so the error summary takes focus again on each one. */
  attempt: number;
  busy: boolean;
  notice: Notice;
  /** The stored account has filled the form; later loads keep what the person has typed. */
  filled: boolean;
};

export type UserFormAction =
  | { type: 'edit'; field: keyof UserFormValues; value: UserFormValues[keyof UserFormValues] }
  | { type: 'loaded'; account: Account }
  | { type: 'submit' }
  | { type: 'invalid'; errors: UserFormErrors }
  | { type: 'sending' }
  | { type: 'saved'; account: Account; notice: Notice }
  | { type: 'refused'; errors: UserFormErrors; notice: Notice }
  | { type: 'notice'; notice: Notice }
  | { type: 'settled' };

export function initialUserForm(notice: Notice = null): UserFormState {
  return { values: emptyUserForm(), errors: {}, attempt: 0, busy: false, notice, filled: false };
}

export function userFormReducer(state: UserFormState, action: UserFormAction): UserFormState {
  switch (action.type) {
    case 'edit': {
      // Typing in a field clears that field's error and no other.
      const errors = state.errors[action.field] ? { ...state.errors, [action.field]: undefined } : state.errors;
      return { ...state, values: { ...state.values, [action.field]: action.value }, errors };
    }
    case 'loaded':
      return state.filled ? state : { ...state, values: accountToForm(action.account), filled: true };
    case 'submit':
      return { ...state, notice: null, attempt: state.attempt + 1 };
    case 'invalid':
      return { ...state, errors: action.errors };
    case 'sending':
      return { ...state, errors: {}, busy: true };
    case 'saved':
      return { ...state, values: accountToForm(action.account), notice: action.notice, filled: true };
    case 'refused':
      return { ...state, errors: action.errors, notice: action.notice ?? state.notice };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'settled':
      return { ...state, busy: false };
  }
}
