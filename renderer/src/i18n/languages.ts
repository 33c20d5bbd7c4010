export const supportedLanguages = ['en', 'sq', 'sr-Latn', 'sr-Cyrl'] as const;
export type AppLanguage = (typeof supportedLanguages)[number];

export const isAppLanguage = (value: unknown): value is AppLanguage =>
  typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);

/**
 * The first of the operating system's preferred locales that the app speaks. Plain Serbian
 * ("sr", "sr-RS") defaults to Cyrillic, the official script; Latin only when asked for.
 */
export function languageFromLocales(locales: readonly string[]): AppLanguage {
  for (const raw of locales) {
    let locale: Intl.Locale;
    try {
      locale = new Intl.Locale(raw.replace('_', '-'));
    } catch {
      continue;
    }
    if (locale.language === 'sq') return 'sq';
    if (locale.language === 'sr' || locale.language === 'sh') {
      return locale.script === 'Latn' || locale.language === 'sh' ? 'sr-Latn' : 'sr-Cyrl';
    }
    if (locale.language === 'en') return 'en';
  }
  return 'en';
}
