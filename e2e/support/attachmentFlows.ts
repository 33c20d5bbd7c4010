import { deflateSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, decodable RGB PNG with a colour gradient: what a photo of a damaged roof would be to the app. */
export function makePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; x++) row.set([(x * 255) / width, (y * 255) / height, 128], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal one-page PDF: the app treats it as a document (no thumbnail). */
export const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export const attachmentsSection = (page: Page) => page.getByRole('region', { name: 'Photos and documents' });
export const attachedList = (page: Page) => page.getByRole('list', { name: 'Attached photos and documents' });
export const attachFileInput = (page: Page) => page.getByLabel('Attach a file');

/** Chooses a file, gives it a caption and saves it; waits until it is listed. */
export async function attachFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, caption = '') {
  await attachFileInput(page).setInputFiles(file);
  const pending = page.getByRole('form', { name: 'Ready to attach' });
  await expect(pending).toBeVisible();
  if (caption) await pending.getByRole('textbox', { name: /Caption/ }).fill(caption);
  await pending.getByRole('button', { name: 'Save attachment' }).click();
  await expect(attachedList(page).getByRole('listitem').filter({ hasText: file.name })).toBeVisible();
}
