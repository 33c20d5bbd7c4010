/** Longest side of a stored thumbnail, in pixels: sharp in a list, a few kilobytes each. */
export const THUMBNAIL_MAX_PX = 240;
const THUMBNAIL_QUALITY = 0.8;

/** The size that fits `width` × `height` inside `max` × `max`, never enlarging. */
export function fitWithin(width: number, height: number, max = THUMBNAIL_MAX_PX) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function canvasToJpeg(source: CanvasImageSource, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(source, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: THUMBNAIL_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(source, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
      'image/jpeg',
      THUMBNAIL_QUALITY,
    ),
  );
}

/**
 * A JPEG thumbnail of an image, at most 240 px on its longest side. Rejects when the image
 * cannot be decoded (a damaged file, or one that is not the image its type claims).
 */
export async function makeThumbnail(image: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const bitmap = await createImageBitmap(image);
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const blob = await canvasToJpeg(bitmap, width, height);
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
}
