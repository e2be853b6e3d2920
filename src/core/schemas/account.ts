/** The rules for a user account (username, name, roles, units, password), shared by the command line, the API and the app. */
import { z } from 'zod';
import { ROLES, type Role } from '../entities';
import { formatNumber } from '../format/formatNumber';
import { bilingual } from './bilingual';
import { fieldError } from './fields';
import type { OwnerUnit } from './ownerUnit';
import { MAX_UNITS, unitIdSchema } from './settings';

/** Allowed usernames (after lower-casing): 2–64 of a–z, 0–9, dot, dash, underscore. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,64}$/;
/**
 * The shortest password an account may get, from the command line, an administrator or the person. The server also
 * refuses common passwords (src/server/auth/passwordPolicy.ts).
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused at log-in too, so hashing stays cheap. */
export const MAX_PASSWORD_LENGTH = 1000;
/** A person's full name as shown to colleagues. */
export const MAX_NAME_LENGTH = 100;

/** Usernames are compared without case and surrounding spaces, so "Inspektor " signs in as `inspektor`. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** What to fix in a username, in Bokmål and English. */
export const USERNAME_RULE = bilingual(
  'Brukernavnet må ha 2–64 tegn: a–z, 0–9, punktum, bindestrek eller understrek',
  'The username needs 2–64 characters: a–z, 0–9, dot, dash or underscore',
);
/** What to fix in a password, in Bokmål and English. */
export const PASSWORD_RULE = bilingual(
  `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn`,
  `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
);

const usernameField = z
  .string({ error: fieldError(USERNAME_RULE) })
  .transform(normalizeUsername)
  .pipe(z.string().regex(USERNAME_PATTERN, { error: USERNAME_RULE }));

const nameField = z
  .string({ error: fieldError(bilingual('Skriv navnet', 'Enter the name')) })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { error: bilingual('Skriv navnet', 'Enter the name') })
      .max(MAX_NAME_LENGTH, {
        error: bilingual(`Navnet kan ha høyst ${formatNumber(MAX_NAME_LENGTH, 'nb')} tegn`, `The name can have at most ${MAX_NAME_LENGTH} characters`),
      }),
  );

/** A new password: long enough, and not so long that hashing it becomes a way to load the server. */
export const passwordField = z
  .string({ error: fieldError(PASSWORD_RULE) })
  .min(MIN_PASSWORD_LENGTH, { error: PASSWORD_RULE })
  .max(MAX_PASSWORD_LENGTH, {
    error: bilingual(`Passordet kan ha høyst ${MAX_PASSWORD_LENGTH} tegn`, `The password can have at most ${MAX_PASSWORD_LENGTH} characters`),
  });

const rolesField = z
  .array(z.enum(ROLES, { error: bilingual(`Ukjent rolle; bruk en av: ${ROLES.join(', ')}`, `Unknown role; use one of: ${ROLES.join(', ')}`) }), {
    error: fieldError(bilingual('Velg minst én rolle', 'Choose at least one role')),
  })
  .min(1, { error: bilingual('Velg minst én rolle', 'Choose at least one role') })
  .max(ROLES.length * 2)
  // Kept in the list's order without repeats, so the same choice is stored the same way.
  .transform((roles): Role[] => ROLES.filter((r) => roles.includes(r)));

const unitsField = z
  .array(unitIdSchema, { error: fieldError(bilingual('Må være en liste med enheter', 'Must be a list of units')) })
  .max(MAX_UNITS * 2)
  // Without repeats; the server puts them in the settings' order before it compares or stores them.
  .transform((units): OwnerUnit[] => [...new Set(units)]);

/** A new account as an administrator sends it: username, name, roles, units (optional) and a first password. */
export const newAccountSchema = z
  .object({ username: usernameField, name: nameField, roles: rolesField, units: unitsField.default([]), password: passwordField })
  .strict();
/** A new account after parsing. */
export type NewAccount = z.output<typeof newAccountSchema>;

/** A change to an account: any of name, roles, units and disabled; the username never changes. */
export const accountChangeSchema = z
  .object({ name: nameField, roles: rolesField, units: unitsField, disabled: z.boolean({ error: bilingual('Må være ja eller nei', 'Must be yes or no') }) })
  .partial()
  .strict();
/** A change after parsing. */
export type AccountChange = z.output<typeof accountChangeSchema>;

/** A new password an administrator sets (a temporary one the person is told in person). */
export const newPasswordSchema = z.object({ password: passwordField }).strict();

/** What to fix when the new password is the one in use. */
export const SAME_PASSWORD_RULE = bilingual('Det nye passordet må være et annet enn det du har nå', 'The new password must differ from the one you have now');
/** What to fix when the current password is missing. */
export const CURRENT_PASSWORD_MISSING = bilingual('Skriv passordet du har nå', 'Enter the password you have now');

/** A person changing their own password: the one in use, and a new one that follows the rules and differs from it. */
export const ownPasswordChangeSchema = z
  .object({
    currentPassword: z
      .string({ error: fieldError(CURRENT_PASSWORD_MISSING) })
      .min(1, { error: CURRENT_PASSWORD_MISSING })
      .max(MAX_PASSWORD_LENGTH, { error: CURRENT_PASSWORD_MISSING }),
    newPassword: passwordField,
  })
  .strict()
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], error: SAME_PASSWORD_RULE });
/** An own password change after parsing. */
export type OwnPasswordChange = z.output<typeof ownPasswordChangeSchema>;

/** An account as the administrators' API reports it. */
export type Account = {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  units: OwnerUnit[];
  disabled: boolean;
  createdAt: string;
  /** True while the person still has a temporary password from an administrator. */
  mustChangePassword?: boolean;
};

/** One line of an account's change log: who changed what, field by field (never a password). */
export type AccountLogEntry = {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: 'create' | 'update' | 'password';
  changes: Record<string, { from: unknown; to: unknown }>;
};
