import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { MAX_ATTACHMENT_BYTES } from '../shared/attachments/attachmentSchema';
import { test, expect } from './support/fixtures';
import { completeFirstRun, reloadAndUnlock } from './support/flows';
import { fillMembers, fillReturnee, giveConsent, openRegistration, THREE_MEMBERS } from './support/householdFlows';
import {
  attachedList,
  attachFile,
  attachFileInput,
  attachmentsSection,
  makePng,
  tinyPdf,
} from './support/attachmentFlows';

/** Attachments live on a household page (and on visit pages, which use the same section). */
async function openAttachmentOwner(page: Page): Promise<void> {
  await completeFirstRun(page);
  await openRegistration(page);
  await giveConsent(page);
  await fillReturnee(page);
  await fillMembers(page, THREE_MEMBERS.slice(0, 1));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dragan Đorđević' })).toBeVisible();
  await expect(attachmentsSection(page)).toBeVisible();
}

const photo = { name: 'roof-damage.png', mimeType: 'image/png', buffer: makePng(480, 320) };
const item = (page: Page, name: string) => attachedList(page).getByRole('listitem').filter({ hasText: name });

test('attach a photo: thumbnail, size and caption listed, still there after a reload', async ({ app }) => {
  const { page } = app;
  await openAttachmentOwner(page);
  await expect(attachmentsSection(page)).toContainText('No photos or documents attached yet.');

  await attachFile(page, photo, 'Roof of block B, east side');
  await expect(page.getByRole('status')).toContainText('Attachment saved.');
  const listed = item(page, 'roof-damage.png');
  await expect(listed).toContainText('Roof of block B, east side');
  await expect(listed).toContainText(/\d+ KB/);
  const thumbnail = listed.getByRole('img', { name: 'Photo: roof-damage.png' });
  await expect(thumbnail).toBeVisible();
  // A real, decoded thumbnail, scaled down to 240 px on its longest side.
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);

  await reloadAndUnlock(page);
  await expect(item(page, 'roof-damage.png').getByRole('img', { name: 'Photo: roof-damage.png' })).toBeVisible();
  await expect(attachedList(page).getByRole('listitem')).toHaveCount(1);
});

test('an oversized file or a wrong type gets a clear message and nothing is added', async ({ app }) => {
  const { page } = app;
  await openAttachmentOwner(page);
  await attachFile(page, photo);

  await attachFileInput(page).setInputFiles({
    name: 'scan-of-all-documents.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1),
  });
  const alert = attachmentsSection(page).getByRole('alert');
  await expect(alert).toHaveText('The file is larger than 10 MB. Choose a smaller file or photo.');
  await expect(page.getByRole('form', { name: 'Ready to attach' })).toHaveCount(0);

  await attachFileInput(page).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await expect(alert).toHaveText('Only photos (JPEG, PNG, WebP) and PDF documents can be attached.');

  // A file that claims to be a photo but is not one is refused too.
  await attachFileInput(page).setInputFiles({ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('no') });
  await expect(alert).toContainText('This photo could not be opened.');

  await reloadAndUnlock(page);
  await expect(attachedList(page).getByRole('listitem')).toHaveCount(1);
  await expect(item(page, 'roof-damage.png')).toBeVisible();
});

test('a PDF is listed with a document icon, opens as the same bytes, is removed and restored', async ({ app }) => {
  const { page } = app;
  await openAttachmentOwner(page);
  await attachFile(page, { name: 'birth-certificate.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
  const listed = item(page, 'birth-certificate.pdf');
  await expect(listed.getByRole('img')).toHaveCount(0);
  await expect(listed).toContainText('PDF');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    listed.getByRole('button', { name: 'Open birth-certificate.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('birth-certificate.pdf');
  expect(await readFile((await download.path())!)).toEqual(tinyPdf);

  await listed.getByRole('button', { name: 'Remove birth-certificate.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this attachment?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status')).toContainText('Attachment removed.');
  await expect(attachedList(page)).toHaveCount(0);

  await attachmentsSection(page).getByText('Removed attachments (1)').click();
  await attachmentsSection(page).getByRole('button', { name: 'Restore birth-certificate.pdf' }).click();
  await expect(item(page, 'birth-certificate.pdf')).toBeVisible();
  await expect(page.getByText('Removed attachments (1)')).toHaveCount(0);
});

/** A camera that films a coloured canvas, standing in for the laptop's webcam. */
async function installFakeCamera(page: Page, cameras: number) {
  await page.context().addInitScript((count: number) => {
    const devices = navigator.mediaDevices;
    devices.enumerateDevices = async () =>
      Array.from({ length: count }, (_, i) => ({
        kind: 'videoinput',
        deviceId: `camera-${i}`,
        groupId: 'fake',
        label: '',
        toJSON: () => ({}),
      })) as MediaDeviceInfo[];
    devices.getUserMedia = async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const ctx = canvas.getContext('2d')!;
      const paint = () => {
        ctx.fillStyle = '#2a7';
        ctx.fillRect(0, 0, 640, 480);
        ctx.fillStyle = '#fff';
        ctx.fillRect(200, 150, 240, 180);
        requestAnimationFrame(paint);
      };
      paint();
      return canvas.captureStream(15);
    };
  }, cameras);
  // Before the first run: nothing to unlock yet.
  await page.reload();
}

test('take a photo with the laptop camera', async ({ app }) => {
  const { page } = app;
  await installFakeCamera(page, 1);
  await openAttachmentOwner(page);
  await attachmentsSection(page).getByRole('button', { name: 'Take a photo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take a photo' });
  await dialog.getByRole('button', { name: 'Capture' }).click();
  await expect(dialog).toHaveCount(0);
  const pending = page.getByRole('form', { name: 'Ready to attach' });
  await expect(pending.getByRole('img', { name: /^Photo: photo-\d{4}-\d{2}-\d{2}-\d{6}\.jpg$/ })).toBeVisible();
  await pending.getByRole('button', { name: 'Save attachment' }).click();
  const listed = attachedList(page).getByRole('listitem').filter({ hasText: /photo-.*\.jpg/ });
  await expect(listed.getByRole('img')).toBeVisible();
  await expect.poll(() => listed.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
});

test('no "Take a photo" without a camera', async ({ app }) => {
  const { page } = app;
  await installFakeCamera(page, 0);
  await openAttachmentOwner(page);
  await expect(attachFileInput(page)).toBeAttached();
  await expect(attachmentsSection(page).getByRole('button', { name: 'Take a photo' })).toHaveCount(0);
});
