import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { GiB, MiB, storageLevel } from '../../db/storageGuard';
import { catalogs } from '../../i18n/catalogs';
import { StorageWarning } from './StorageHealth';
import { formatBytes } from './useStorageHealth';

async function englishI18n() {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: catalogs.en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

async function renderWarning(freeBytes: number | null) {
  const i18n = await englishI18n();
  const health = { freeBytes, totalBytes: 100 * GiB, usageBytes: 5 * MiB, level: storageLevel(freeBytes) };
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StorageWarning health={health} />
    </I18nextProvider>,
  );
}

describe('formatBytes', () => {
  it('picks the unit a file manager would', async () => {
    const { t } = await englishI18n();
    expect(formatBytes(t, 820)).toBe('820 B');
    expect(formatBytes(t, 34 * 1024)).toBe('34 KB');
    expect(formatBytes(t, 2.5 * MiB)).toBe('2.5 MB');
    expect(formatBytes(t, 118.44 * GiB)).toBe('118.4 GB');
  });
});

describe('StorageWarning', () => {
  it('says nothing while space is fine or unknown', async () => {
    expect(await renderWarning(5 * GiB)).toBe('');
    expect(await renderWarning(null)).toBe('');
  });

  it('alerts with advice when space is low', async () => {
    const html = await renderWarning(500 * MiB);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Disk space is running low: 500 MB left.');
    expect(html).toContain('backup');
  });

  it('alerts that changes cannot be saved when space is critical', async () => {
    const html = await renderWarning(50 * MiB);
    expect(html).toContain('role="alert"');
    expect(html).toContain('The disk is almost full: 50 MB left.');
    expect(html).toContain('new changes cannot be saved');
  });
});
