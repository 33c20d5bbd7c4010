import type { TFunction } from 'i18next';

/** Field names in a visit's change history, as the visit forms label them. */
export const visitFieldLabel = (t: TFunction) => (field: string) =>
  t(`visits.fields.${field}`, { defaultValue: field });
