import {
  attachmentSchema,
  type AttachmentInput,
  type AttachmentRecord,
} from '../../../../shared/attachments/attachmentSchema';
import type { AppDatabase } from '../AppDatabase';
import { bytesOf } from '../sync/blobs';
import { RecordNotFoundError, RecordStore, RecordValidationError } from '../recordStore';
import type { WriteContext } from '../writeContext';

export type AttachmentOwnerType = AttachmentInput['ownerType'];
/** Bytes backed by a plain ArrayBuffer, as `Blob.arrayBuffer()` gives them. */
export type Bytes = AttachmentRecord['data'];

export interface NewAttachment {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  fileName: string;
  mimeType: string;
  bytes: Bytes;
  thumbnail: Bytes | null;
  caption?: string;
}

/** An attachment as lists show it: everything but the file's bytes. */
export type AttachmentSummary = Omit<AttachmentRecord, 'data'>;

/** Hex SHA-256 with WebCrypto, the same in the renderer and in Node tests. */
export async function sha256Hex(bytes: Bytes): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Size and type are checked before hashing, so a refused file costs nothing. */
const precheckSchema = attachmentSchema.pick({ mimeType: true, size: true });

const summary = ({ data: _data, ...rest }: AttachmentRecord): AttachmentSummary => rest;

/**
 * Photos and documents on visits and households. The bytes and the thumbnail are stored as
 * system fields (audited by name only); metadata is validated with the shared schema.
 */
export function createAttachmentRepository(db: AppDatabase, ctx: WriteContext) {
  const store = new RecordStore<AttachmentInput, AttachmentRecord>(db, ctx, {
    entity: 'attachment',
    table: (d) => d.attachments,
    inputSchema: attachmentSchema,
  });

  return {
    async add(file: NewAttachment): Promise<AttachmentSummary> {
      const size = file.bytes.byteLength;
      const pre = precheckSchema.safeParse({ mimeType: file.mimeType, size });
      if (!pre.success) throw new RecordValidationError(pre.error.issues);
      if (file.thumbnail !== null && !(file.thumbnail instanceof Uint8Array)) {
        throw new TypeError('thumbnail must be bytes or null');
      }
      const input = {
        ownerType: file.ownerType,
        ownerId: file.ownerId,
        fileName: file.fileName,
        mimeType: file.mimeType,
        size,
        sha256: await sha256Hex(file.bytes),
        caption: file.caption ?? '',
      };
      return summary(await store.create(input, { data: file.bytes, thumbnail: file.thumbnail }));
    },

    /**
     * An owner's attachments, live and removed (see `deletedAt`), oldest first. IndexedDB cannot
     * project fields, so rows are read whole; the bytes are dropped here before reaching the UI.
     */
    async forOwner(ownerType: AttachmentOwnerType, ownerId: string): Promise<AttachmentSummary[]> {
      const rows = await db.attachments.where('[ownerType+ownerId]').equals([ownerType, ownerId]).toArray();
      // At HQ a merged attachment names its bytes by hash (`blobs`): bring the thumbnail back in.
      const withThumbnails = await Promise.all(
        rows.map(
          async (row): Promise<AttachmentRecord> => ({
            ...row,
            thumbnail:
              row.thumbnail === null ? null : (((await bytesOf(db, row.thumbnail)) ?? null) as Bytes | null),
          }),
        ),
      );
      return withThumbnails.map(summary).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** The file's bytes, for opening or saving it. */
    async getData(id: string): Promise<Bytes> {
      const row = await store.get(id);
      if (!row) throw new RecordNotFoundError('attachment', id);
      const bytes = await bytesOf(db, row.data);
      if (!bytes) throw new RecordNotFoundError('attachment data', id);
      return bytes as Bytes;
    },

    async setCaption(id: string, caption: string): Promise<AttachmentSummary> {
      const current = await store.get(id);
      if (!current) throw new RecordNotFoundError('attachment', id);
      const { ownerType, ownerId, fileName, mimeType, size, sha256 } = current;
      return summary(
        await store.update(id, { ownerType, ownerId, fileName, mimeType, size, sha256, caption }),
      );
    },

    remove: async (id: string) => summary(await store.softDelete(id)),
    restore: async (id: string) => summary(await store.restore(id)),
  };
}

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;
