import { z } from 'zod';
import { recordMetaSchema } from '../records/recordMeta';
import { count, optionalText, pastDate, recordId, requiredText } from '../validation/fields';

/** The collective-shelter checklist (see docs/domain.md). */
export const shelterConditions = [
  'heating',
  'electricity',
  'waterSanitation',
  'overcrowding',
  'accessibility',
  'privacy',
  'safetySecurity',
] as const;
export type ShelterCondition = (typeof shelterConditions)[number];
export const conditionRatings = ['adequate', 'needsAttention', 'critical', 'notAssessed'] as const;

export const needCategories = [
  'civilDocumentation',
  'birthRegistration',
  'statelessness',
  'propertyHousing',
  'security',
  'health',
  'psychosocial',
  'education',
  'livelihoods',
  'socialAssistance',
  'familyTracing',
  'legalAid',
  'other',
] as const;

export const residentsMetSchema = z.object({
  childrenFemale: count,
  childrenMale: count,
  adultsFemale: count,
  adultsMale: count,
  olderFemale: count,
  olderMale: count,
});
export type ResidentsMet = z.output<typeof residentsMetSchema>;

export const shelterVisitSchema = z.object({
  shelterId: recordId,
  visitDate: pastDate,
  monitors: requiredText(300),
  residentsMet: residentsMetSchema,
  conditions: z.record(
    z.enum(shelterConditions),
    z.object({ rating: z.enum(conditionRatings), note: optionalText(500) }),
  ),
  observations: optionalText(8000),
  needsIdentified: z.array(z.enum(needCategories)).default([]),
  followUpActions: optionalText(4000),
});
export type ShelterVisitInput = z.output<typeof shelterVisitSchema>;
export type ShelterVisitFormValues = z.input<typeof shelterVisitSchema>;

export const shelterVisitRecordSchema = recordMetaSchema.extend(shelterVisitSchema.shape);
export type ShelterVisitRecord = z.infer<typeof shelterVisitRecordSchema>;

export const totalResidentsMet = (r: ResidentsMet) => Object.values(r).reduce((a, b) => a + b, 0);
