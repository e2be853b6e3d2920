/**
 * Who may read a photo or signature file (GET and HEAD /api/blobs/<sha256>, and a push that points to one): the person
 * who sent its bytes, or a person whose own view of a record that points to it — the view the pull gives them
 * (policy.readView), after every privacy rule — still holds it. Anyone else is told the photo is not there, as for a
 * photo the server never had. See docs/decisions/022-photo-reads-checked-against-records.md.
 */
import type { SessionUser } from '../../core/entities';
import { findPhotoHashes } from '../../core/sync/photoRefs';
import type { StoreTx } from '../store/store';
import { policyContext, readView, type LoadedPolicy } from './policy';

/**
 * True when `user` may read the photo `sha256`. Two indexed look-ups (the uploaders, then the live records pointing
 * to it), then the pull's own view of each of those records. `policy` lets a push reuse the context it has loaded.
 */
export async function mayReadBlob(store: StoreTx, user: SessionUser, sha256: string, now: Date, policy?: LoadedPolicy): Promise<boolean> {
  if (await store.uploadedBlob(sha256, user.id)) return true;
  const records = await store.recordsReferringTo(sha256);
  if (records.length === 0) return false;
  const ctx = policy ?? (await policyContext(store, user, now));
  await ctx.links.load(records);
  return records.some((r) => {
    const view = readView(user, r.entity, { data: r.data }, ctx);
    return view !== null && findPhotoHashes(view).includes(sha256);
  });
}
