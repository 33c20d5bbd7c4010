import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../i18n/catalogs';
import { ListPager } from './ListPager';

async function render(props: Omit<Parameters<typeof ListPager>[0], 'onOffset'>) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: catalogs.en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ListPager {...props} onOffset={() => {}} />
    </I18nextProvider>,
  );
}

const buttons = (html: string) =>
  [...html.matchAll(/<button type="button"( disabled="")?>([^<]*)<\/button>/g)].map(
    ([, disabled, label]) => `${label}${disabled ? ' (disabled)' : ''}`,
  );

describe('ListPager', () => {
  it('is not shown while everything fits on the first page', async () => {
    expect(await render({ offset: 0, limit: 50, total: 50 })).toBe('');
  });

  it('names the range shown and offers only the pages there are', async () => {
    const first = await render({ offset: 0, limit: 50, total: 120 });
    expect(first).toContain('aria-label="Pages"');
    expect(first).toContain('1–50 of 120');
    expect(buttons(first)).toEqual(['← Previous page (disabled)', 'Next page →']);

    const last = await render({ offset: 100, limit: 50, total: 120 });
    expect(last).toContain('101–120 of 120');
    expect(buttons(last)).toEqual(['← Previous page', 'Next page → (disabled)']);
  });

  it('says "more than" when the total is only a lower bound', async () => {
    const html = await render({ offset: 50, limit: 50, total: 1000, totalIsLowerBound: true });
    expect(html).toContain('51–100 of more than 1,000');
  });
});
