import i18next from 'i18next';
import type { Translate } from '../../../../shared/reports/reportLabels';
import type { ReportLanguage } from '../../../../shared/reports/reportTypes';
import { catalogs } from '../../i18n/catalogs';
import { supportedLanguages } from '../../i18n/languages';

/**
 * A translator fixed to the report language, built from the app's own catalogs but separate
 * from the UI's i18next instance: the report language is chosen at export, and the worker has
 * no React. Same options as the UI instance, so formats and plurals come out the same.
 */
export async function createReportTranslator(language: ReportLanguage): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: Object.fromEntries(supportedLanguages.map((l) => [l, { translation: catalogs[l] }])),
    lng: language,
    fallbackLng: false,
    supportedLngs: [...supportedLanguages],
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const t = instance.getFixedT(language);
  return (key, options) => t(key, options ?? {}) as string;
}
