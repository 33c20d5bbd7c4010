/**
 * The locale handed to Intl for a UI language. Electron ships ICU with Albanian, but some
 * Chromium builds (Debian's, used by the browser host) do not, and Intl would then fall back
 * to English month names and separators. Where `sq` is missing we borrow a locale with
 * Albanian conventions: day.month.year dates, comma decimals, space-grouped thousands.
 */
const dateStandIns: Record<string, string> = { sq: 'de-AT' };
const numberStandIns: Record<string, string> = { sq: 'fr-FR' };

const supported = (locale: string) => Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;

export function intlDateLocale(language: string, isSupported: (l: string) => boolean = supported): string {
  return isSupported(language) ? language : (dateStandIns[language] ?? language);
}

export function intlNumberLocale(language: string, isSupported: (l: string) => boolean = supported): string {
  return isSupported(language) ? language : (numberStandIns[language] ?? language);
}
