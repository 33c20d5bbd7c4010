import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentMimeTypes, MAX_ATTACHMENT_BYTES } from '../../../../shared/attachments/attachmentSchema';
import { useServices } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { AttachmentOwnerType, AttachmentSummary } from '../../db/repositories/attachmentRepository';
import { RecordValidationError } from '../../db/recordStore';
import { AttachmentItem } from './AttachmentItem';
import { CameraDialog } from './CameraDialog';
import { formatFileSize } from './fileSize';
import { PendingAttachment } from './PendingAttachment';
import { prepareAttachment, type PreparedAttachment } from './prepareAttachment';
import { useAttachments } from './useAttachments';
import { useCameraAvailable } from './useCameraAvailable';
import { errorReason } from '../../app/errorReason';

interface AttachmentsSectionProps {
  ownerType: AttachmentOwnerType;
  ownerId: string;
}

/** Photos and documents of a visit or household: attach from a file or the camera, open, remove, restore. */
export function AttachmentsSection({ ownerType, ownerId }: AttachmentsSectionProps) {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const notice = useNotice();
  const ids = useId();
  const { data: attachments } = useAttachments(ownerType, ownerId);
  const cameraAvailable = useCameraAvailable();
  const [cameraOpen, setCameraOpen] = useState(false);
  const [pending, setPending] = useState<PreparedAttachment | null>(null);
  const [problem, setProblem] = useState('');
  const [removing, setRemoving] = useState<AttachmentSummary | null>(null);
  const maxSize = formatFileSize(t, MAX_ATTACHMENT_BYTES);

  const live = attachments?.filter((a) => a.deletedAt === null) ?? [];
  const removed = attachments?.filter((a) => a.deletedAt !== null) ?? [];

  const take = async (file: Blob, fileName: string) => {
    setProblem('');
    setPending(null);
    const result = await prepareAttachment(file, fileName);
    if (result.ok) setPending(result.file);
    else setProblem(t(result.problem, { max: maxSize }));
  };

  const save = async (caption: string) => {
    if (!pending) return;
    try {
      await store.attachments.add({ ownerType, ownerId, ...pending, caption });
      setPending(null);
      notice(t('attachments.saved'));
    } catch (error) {
      const key = error instanceof RecordValidationError ? error.issues[0]?.message : undefined;
      setProblem(
        key?.startsWith('validation.')
          ? t(key, { max: maxSize })
          : t('attachments.saveFailed', { reason: errorReason(t, error) }),
      );
    }
  };

  const open = async (attachment: AttachmentSummary) => {
    setProblem('');
    const data = await store.attachments.getData(attachment.id);
    const result = await host.saveFileWithDialog({ suggestedName: attachment.fileName, data });
    if (!result.ok && result.error.code !== 'cancelled') {
      setProblem(t('attachments.openFailed', { reason: result.error.message }));
    }
  };

  const remove = async () => {
    if (!removing) return;
    const id = removing.id;
    setRemoving(null);
    setProblem('');
    await store.attachments.remove(id);
    notice(t('attachments.removed'));
  };

  const restore = async (attachment: AttachmentSummary) => {
    setProblem('');
    await store.attachments.restore(attachment.id);
    notice(t('attachments.restored'));
  };

  return (
    <section className="attachments" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('attachments.title')}</h2>
      {attachments && live.length === 0 && <p className="summary">{t('attachments.empty')}</p>}
      {live.length > 0 && (
        <ul className="attachment-list" aria-label={t('attachments.listLabel')}>
          {live.map((a) => (
            <AttachmentItem key={a.id} attachment={a} onOpen={open} onRemove={setRemoving} />
          ))}
        </ul>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {pending ? (
        <PendingAttachment file={pending} onSave={save} onCancel={() => setPending(null)} />
      ) : (
        <div className="attachment-add">
          <label className="button file-button">
            {t('attachments.attachFile')}
            <input
              type="file"
              className="visually-hidden"
              accept={attachmentMimeTypes.join(',')}
              aria-describedby={`${ids}-hint`}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void take(file, file.name);
              }}
            />
          </label>
          {cameraAvailable && (
            <button type="button" onClick={() => setCameraOpen(true)}>
              {t('attachments.takePhoto')}
            </button>
          )}
          <p id={`${ids}-hint`} className="hint">
            {t('attachments.attachHint', { max: maxSize })}
          </p>
        </div>
      )}
      {removed.length > 0 && (
        <details className="attachments-removed">
          <summary>{t('attachments.removedList', { count: removed.length })}</summary>
          <ul className="attachment-list">
            {removed.map((a) => (
              <AttachmentItem key={a.id} attachment={a} onOpen={open} onRestore={restore} />
            ))}
          </ul>
        </details>
      )}
      {cameraOpen && (
        <CameraDialog
          onClose={() => setCameraOpen(false)}
          onCapture={(photo, fileName) => {
            setCameraOpen(false);
            void take(photo, fileName);
          }}
        />
      )}
      {removing && (
        // Mounted only while open: ConfirmDialog's fixed title id must not name the page's own dialog.
        <ConfirmDialog
          open
          title={t('attachments.removeConfirmTitle')}
          text={t('attachments.removeConfirmText', { name: removing.fileName })}
          confirmLabel={t('attachments.remove')}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
