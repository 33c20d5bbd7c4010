import { useTranslation } from 'react-i18next';
import { isAppLanguage, type AppLanguage } from '../i18n/languages';

/** The current UI language, narrowed to the four the app speaks. */
export function useAppLanguage(): AppLanguage {
  const { i18n } = useTranslation();
  return isAppLanguage(i18n.language) ? i18n.language : 'en';
}
