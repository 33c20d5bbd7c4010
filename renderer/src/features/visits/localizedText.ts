import type { LocalizedText } from '../../../../shared/questionnaires/questionnaireSchema';
import type { AppLanguage } from '../../i18n/languages';

/** A questionnaire label in the UI language (definitions carry all four). */
export const localized = (text: LocalizedText, language: AppLanguage) => text[language] || text.en;
