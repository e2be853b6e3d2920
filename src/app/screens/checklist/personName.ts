/** A person's name from a user id, as far as this device knows it (the signed-in person and the demo accounts). */
import { DEMO_USERS } from '../../../core/demo/users';
import { getSession } from '../../session';

/** The name, or null when the device does not know the person. */
export function personName(userId: string): string | null {
  const me = getSession()?.user;
  if (me?.id === userId) return me.name;
  return DEMO_USERS.find((u) => u.id === userId)?.name ?? null;
}
