/** The user form's values, checked with the same account schemas the server parses with, and server issues put by field. */
import type { z } from 'zod';
import type { Role } from '../../../core/entities';
import { accountChangeSchema, newAccountSchema, newPasswordSchema, type Account } from '../../../core/schemas/account';
import { formatIssues } from '../../../core/schemas/formatIssues';
import type { OwnerUnit } from '../../../core/schemas/ownerUnit';
import type { Language } from '../../../core/text';

/** The fields, in form order. */
export const USER_FORM_FIELDS = ['username', 'name', 'roles', 'units', 'password'] as const;
/** One field of the form. */
export type UserFormField = (typeof USER_FORM_FIELDS)[number];
/** What the form holds. */
export type UserFormValues = { username: string; name: string; roles: Role[]; units: OwnerUnit[]; password: string };
/** Errors by field, in the person's language. */
export type UserFormErrors = Partial<Record<UserFormField, string>>;

/** A blank form for a new user. */
export function emptyUserForm(): UserFormValues {
  return { username: '', name: '', roles: [], units: [], password: '' };
}

/** The form filled from an account (the password field stays empty: it is only for a new user). */
export function accountToForm(account: Account): UserFormValues {
  return { username: account.username, name: account.name, roles: account.roles, units: account.units, password: '' };
}

/**
 * Issues (from zod here, or from the server's `error.issues`) as one message per field; an issue on the whole body or
 * on a field the form does not have goes under `other`.
 */
export function issuesToErrors(issues: unknown, lang: Language): { errors: UserFormErrors; other: string[] } {
  const errors: UserFormErrors = {};
  const other: string[] = [];
  if (!Array.isArray(issues)) return { errors, other };
  for (const issue of formatIssues(issues as z.core.$ZodIssue[], lang)) {
    const field = issue.path.split('.')[0] as UserFormField;
    if ((USER_FORM_FIELDS as readonly string[]).includes(field)) errors[field] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}

type Checked<T> = { ok: true; body: T } | { ok: false; errors: UserFormErrors };

function check<S extends z.ZodType>(schema: S, body: unknown, lang: Language): Checked<z.input<S>> {
  const parsed = schema.safeParse(body);
  // The body is sent as the person typed it; the server trims and lower-cases with the same schema.
  return parsed.success ? { ok: true, body: body as z.input<S> } : { ok: false, errors: issuesToErrors(parsed.error.issues, lang).errors };
}

/** The body of POST /api/users, or what to fix. */
export function checkNewUser(values: UserFormValues, lang: Language): Checked<z.input<typeof newAccountSchema>> {
  return check(newAccountSchema, values, lang);
}

/** The body of PATCH /api/users/:id (name, roles, units), or what to fix. */
export function checkUserChange(values: UserFormValues, lang: Language): Checked<z.input<typeof accountChangeSchema>> {
  return check(accountChangeSchema, { name: values.name, roles: values.roles, units: values.units }, lang);
}

/** The body of PUT /api/users/:id/password, or what to fix. */
export function checkNewPassword(password: string, lang: Language): Checked<z.input<typeof newPasswordSchema>> {
  return check(newPasswordSchema, { password }, lang);
}
