import { z } from 'zod';
import { recordMetaSchema } from '../records/recordMeta';
import { answerValueSchema } from '../questionnaires/questionnaireSchema';
import { needCategories } from './shelterVisitSchema';
import { optionalText, pastDate, recordId, requiredText } from '../validation/fields';

/**
 * A monitoring visit to a household. Answers are stored with the questionnaire's id and
 * version, so a later version of the questionnaire never reinterprets an old visit.
 */
export const householdVisitSchema = z.object({
  householdId: recordId,
  visitDate: pastDate,
  monitors: requiredText(300),
  questionnaireId: z.string().min(1),
  questionnaireVersion: z.number().int().positive(),
  answers: z.record(z.string(), answerValueSchema),
  observations: optionalText(8000),
  needsIdentified: z.array(z.enum(needCategories)).default([]),
  followUpActions: optionalText(4000),
});
export type HouseholdVisitInput = z.output<typeof householdVisitSchema>;

export const householdVisitRecordSchema = recordMetaSchema.extend(householdVisitSchema.shape);
export type HouseholdVisitRecord = z.infer<typeof householdVisitRecordSchema>;
