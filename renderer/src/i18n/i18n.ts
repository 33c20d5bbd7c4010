import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from './catalogs';
import { intlDateLocale, intlNumberLocale } from './intlLocale';
import { isAppLanguage, languageFromLocales, supportedLanguages, type AppLanguage } from './languages';

/** The UI language is a preference of this installation, not a record: localStorage suffices. */
const STORAGE_KEY = 'pm.language';

export function storedLanguage(): AppLanguage | null {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isAppLanguage(value) ? value : null;
}

export async function initI18n(systemLocales: readonly string[]): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: Object.fromEntries(supportedLanguages.map((l) => [l, { translation: catalogs[l] }])),
    lng: storedLanguage() ?? languageFromLocales(systemLocales),
    fallbackLng: false,
    supportedLngs: [...supportedLanguages],
    // "sr-Latn" must not be reduced to "sr": each script is a language of its own here.
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Intl with a stand-in locale where the runtime's ICU lacks the language (see intlLocale.ts).
  instance.services.formatter?.addCached('datetime', (lng, options) => {
    const format = new Intl.DateTimeFormat(intlDateLocale(lng ?? 'en'), options as Intl.DateTimeFormatOptions);
    return (value: Date) => format.format(value);
  });
  instance.services.formatter?.addCached('number', (lng, options) => {
    const format = new Intl.NumberFormat(intlNumberLocale(lng ?? 'en'), options as Intl.NumberFormatOptions);
    return (value: number) => format.format(value);
  });
  instance.on('languageChanged', (lng) => {
    if (isAppLanguage(lng)) {
      globalThis.localStorage?.setItem(STORAGE_KEY, lng);
      document.documentElement.lang = lng;
    }
  });
  document.documentElement.lang = instance.language;
  return instance;
}
