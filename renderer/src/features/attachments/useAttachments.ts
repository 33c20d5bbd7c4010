import { useStore } from '../../app/AppServices';
import type { AttachmentOwnerType } from '../../db/repositories/attachmentRepository';
import { useLiveResult } from '../../hooks/useLiveResult';

/** A record's attachments, live and removed, oldest first; re-runs when attachments change. */
export function useAttachments(ownerType: AttachmentOwnerType, ownerId: string) {
  const store = useStore();
  return useLiveResult(() => store.attachments.forOwner(ownerType, ownerId), [store, ownerType, ownerId]);
}
