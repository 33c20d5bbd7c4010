import { z } from 'zod';
import { recordMetaSchema } from '../records/recordMeta';

/** 10 MiB: a phone photo or a scanned page, not a video. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const attachmentMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export const attachmentSchema = z.object({
  ownerType: z.enum(['shelterVisit', 'householdVisit', 'household']),
  ownerId: z.string().uuid(),
  fileName: z.string().trim().min(1).max(200),
  mimeType: z.enum(attachmentMimeTypes, { message: 'validation.attachmentType' }),
  size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES, { message: 'validation.attachmentTooLarge' }),
  /** Hex SHA-256 of the bytes: integrity, and attachments stored once by hash at HQ. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  caption: z.string().trim().max(300).default(''),
});
export type AttachmentInput = z.output<typeof attachmentSchema>;

export const attachmentRecordSchema = recordMetaSchema.extend({
  ...attachmentSchema.shape,
  /** Bytes, not Blob: the same shape encrypts, backs up and syncs without conversion. */
  data: z.instanceof(Uint8Array),
  thumbnail: z.instanceof(Uint8Array).nullable(),
});
export type AttachmentRecord = z.infer<typeof attachmentRecordSchema>;
