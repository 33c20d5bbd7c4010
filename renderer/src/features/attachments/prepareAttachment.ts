import { attachmentMimeTypes, MAX_ATTACHMENT_BYTES } from '../../../../shared/attachments/attachmentSchema';
import type { Bytes } from '../../db/repositories/attachmentRepository';
import { makeThumbnail } from './thumbnail';

/** A file read and checked, shown for a caption before it is saved. */
export interface PreparedAttachment {
  fileName: string;
  mimeType: string;
  bytes: Bytes;
  thumbnail: Bytes | null;
}

/** Why a file was refused: an i18n key; nothing has been read past the check or saved. */
export type PrepareProblem =
  | 'validation.attachmentTooLarge'
  | 'validation.attachmentType'
  | 'attachments.readFailed'
  | 'attachments.unreadableImage';

export type PrepareResult = { ok: true; file: PreparedAttachment } | { ok: false; problem: PrepareProblem };

const isAllowedType = (type: string) => (attachmentMimeTypes as readonly string[]).includes(type);

/**
 * Checks size and type from the file's metadata BEFORE reading it (a 2 GB video is refused at
 * once), then reads the bytes and makes the thumbnail of a photo.
 */
export async function prepareAttachment(file: Blob, fileName: string): Promise<PrepareResult> {
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, problem: 'validation.attachmentTooLarge' };
  if (!isAllowedType(file.type)) return { ok: false, problem: 'validation.attachmentType' };
  let bytes: Bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, problem: 'attachments.readFailed' };
  }
  let thumbnail: Bytes | null = null;
  if (file.type.startsWith('image/')) {
    try {
      thumbnail = await makeThumbnail(file);
    } catch {
      return { ok: false, problem: 'attachments.unreadableImage' };
    }
  }
  return { ok: true, file: { fileName, mimeType: file.type, bytes, thumbnail } };
}
