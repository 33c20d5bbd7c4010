import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '../../i18n/languages';
import { useAppLanguage } from '../../hooks/useAppLanguage';

/** The language switch, on the first-run screen and in Settings; the choice persists. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const language = useAppLanguage();
  return (
    <label className="field">
      <span>{t('language.label')}</span>
      <select value={language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {supportedLanguages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
