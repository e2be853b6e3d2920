/** From a picked or captured file to a stored photo reference: shrink, strip, store — or a reason it failed. */
import type { PhotoRef } from '../../core/sync/protocol';
import { savePhoto } from '../store/savePhoto';
import { isQuotaError, PhotoError } from './PhotoError';
import { shrinkPhoto } from './shrinkPhoto';

/**
 * Shrinks the file and stores its bytes on the device; returns the reference to put in the answer.
 * Throws PhotoError with reason `decode`, `tooLarge` or `storageFull`; nothing stored before is touched.
 */
export async function takePhoto(file: Blob, caption?: string): Promise<PhotoRef> {
  const shrunk = await shrinkPhoto(file);
  try {
    return await savePhoto(shrunk.bytes, shrunk.mime, caption ? { caption } : {});
  } catch (cause) {
    if (isQuotaError(cause)) throw new PhotoError('storageFull', 'device storage is full', { cause });
    throw cause;
  }
}
