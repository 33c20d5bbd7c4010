import { useTranslation } from 'react-i18next';

/** Key names are the same in every language; the sentence around them is translated. */
const KEYS = { enter: 'Enter', ctrlEnter: 'Ctrl+Enter', escape: 'Escape' };

export function KeyboardHint() {
  const { t } = useTranslation();
  return <p className="hint keyboard-hint">{t('visits.form.keyboardHint', KEYS)}</p>;
}
