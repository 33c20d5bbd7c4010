import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField';
import { AttachmentThumbnail } from './AttachmentThumbnail';
import { formatFileSize } from './fileSize';
import type { PreparedAttachment } from './prepareAttachment';

interface PendingAttachmentProps {
  file: PreparedAttachment;
  onSave: (caption: string) => Promise<void>;
  onCancel: () => void;
}

/** A chosen file or captured photo, shown with a caption field before it is saved. */
export function PendingAttachment({ file, onSave, onCancel }: PendingAttachmentProps) {
  const { t } = useTranslation();
  const [caption, setCaption] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await onSave(caption);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="attachment-pending"
      aria-label={t('attachments.pending.title')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <AttachmentThumbnail fileName={file.fileName} thumbnail={file.thumbnail} />
      <div className="attachment-pending-body">
        <p className="attachment-name">
          {file.fileName}{' '}
          <span className="attachment-meta">· {formatFileSize(t, file.bytes.byteLength)}</span>
        </p>
        <FormField label={t('attachments.pending.caption')} hint={t('attachments.pending.captionHint')}>
          {(p) => (
            <input
              {...p}
              value={caption}
              maxLength={300}
              autoFocus
              onChange={(e) => setCaption(e.target.value)}
            />
          )}
        </FormField>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('common.saving') : t('attachments.pending.save')}
          </button>
        </div>
      </div>
    </form>
  );
}
