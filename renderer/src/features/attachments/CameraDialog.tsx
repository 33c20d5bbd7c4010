import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CameraDialogProps {
  onCapture: (photo: Blob, fileName: string) => void;
  onClose: () => void;
}

type CameraState = 'starting' | 'live' | 'denied' | 'failed';

const JPEG_QUALITY = 0.9;

/** "photo-2025-03-14-093012.jpg", from the local time of the capture. */
export function photoFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
  return `photo-${date}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}.jpg`;
}

/**
 * A modal with the laptop camera's live picture and a Capture button. The camera is on only
 * while the dialog is open: its tracks stop when it closes.
 */
export function CameraDialog({ onCapture, onClose }: CameraDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');

  useEffect(() => {
    dialogRef.current?.showModal();
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: true })
      .then((s) => {
        stream = s;
        if (cancelled) return s.getTracks().forEach((track) => track.stop());
        const video = videoRef.current!;
        video.srcObject = s;
        video.onloadeddata = () => setState('live');
        void video.play();
      })
      .catch((error: unknown) =>
        setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'failed'),
      );
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  const capture = () => {
    const video = videoRef.current;
    if (!video || !video.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    canvas.toBlob(
      (blob) => (blob ? onCapture(blob, photoFileName(new Date())) : setState('failed')),
      'image/jpeg',
      JPEG_QUALITY,
    );
  };

  return (
    <dialog
      ref={dialogRef}
      className="camera-dialog"
      aria-labelledby="camera-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="camera-title">{t('attachments.camera.title')}</h2>
      <video
        ref={videoRef}
        muted
        playsInline
        aria-label={t('attachments.camera.preview')}
        hidden={state !== 'live'}
      />
      {state === 'starting' && <p role="status">{t('attachments.camera.starting')}</p>}
      {(state === 'denied' || state === 'failed') && <p role="alert">{t(`attachments.camera.${state}`)}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={capture} disabled={state !== 'live'}>
          {t('attachments.camera.capture')}
        </button>
      </div>
    </dialog>
  );
}
