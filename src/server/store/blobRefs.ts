/** The photos a record points to, as every engine's adapter indexes them when the record is written (blob_refs). */
import { findPhotoHashes } from '../../core/sync/photoRefs';

/**
 * The hashes of the photos a record's data points to (each reference's own and a marked-up copy's original), or none
 * for a deleted record: only live records give a right to read a photo. Data without the word `sha256` is not parsed.
 */
export function blobRefsOf(dataJson: string, deleted: boolean): string[] {
  if (deleted || !dataJson.includes('"sha256"')) return [];
  return findPhotoHashes(JSON.parse(dataJson));
}
