import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface AttachmentThumbnailProps {
  fileName: string;
  thumbnail: Uint8Array | null;
}

/** The stored JPEG thumbnail through an object URL (revoked on unmount), or a document icon. */
export function AttachmentThumbnail({ fileName, thumbnail }: AttachmentThumbnailProps) {
  const { t } = useTranslation();
  const imgRef = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const img = imgRef.current;
    if (!img || !thumbnail) return;
    const url = URL.createObjectURL(new Blob([thumbnail as BlobPart], { type: 'image/jpeg' }));
    img.src = url;
    return () => {
      img.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [thumbnail]);

  if (!thumbnail) {
    return (
      <span className="attachment-thumb attachment-doc" aria-hidden="true">
        {t('attachments.documentIcon')}
      </span>
    );
  }
  return (
    <img ref={imgRef} className="attachment-thumb" alt={t('attachments.thumbnailAlt', { name: fileName })} />
  );
}
