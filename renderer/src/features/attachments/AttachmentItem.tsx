import { useTranslation } from 'react-i18next';
import type { AttachmentSummary } from '../../db/repositories/attachmentRepository';
import { AttachmentThumbnail } from './AttachmentThumbnail';
import { formatFileSize } from './fileSize';

interface AttachmentItemProps {
  attachment: AttachmentSummary;
  onOpen: (attachment: AttachmentSummary) => void;
  onRemove?: (attachment: AttachmentSummary) => void;
  onRestore?: (attachment: AttachmentSummary) => void;
}

/** One attached file: thumbnail, name, size, caption and what can be done with it. */
export function AttachmentItem({ attachment, onOpen, onRemove, onRestore }: AttachmentItemProps) {
  const { t } = useTranslation();
  const name = attachment.fileName;
  return (
    <li className="attachment-item">
      <AttachmentThumbnail fileName={name} thumbnail={attachment.thumbnail} />
      <div className="attachment-info">
        <span className="attachment-name">{name}</span>
        <span className="attachment-meta">
          {formatFileSize(t, attachment.size)} ·{' '}
          {t('attachments.addedOn', { date: t('format.date', { value: new Date(attachment.createdAt) }) })}
        </span>
        {attachment.caption && <span className="attachment-caption">{attachment.caption}</span>}
      </div>
      <div className="actions">
        <button
          type="button"
          onClick={() => onOpen(attachment)}
          aria-label={t('attachments.openNamed', { name })}
        >
          {t('attachments.open')}
        </button>
        {onRemove && (
          <button
            type="button"
            onClick={() => onRemove(attachment)}
            aria-label={t('attachments.removeNamed', { name })}
          >
            {t('attachments.remove')}
          </button>
        )}
        {onRestore && (
          <button
            type="button"
            onClick={() => onRestore(attachment)}
            aria-label={t('attachments.restoreNamed', { name })}
          >
            {t('attachments.restore')}
          </button>
        )}
      </div>
    </li>
  );
}
