import { z } from 'zod';
import { communities } from '../reference/communities';
import { recordMetaSchema } from '../records/recordMeta';
import { optionalPastDate, requiredText } from '../validation/fields';

export const sexes = ['female', 'male', 'other'] as const;
export const relationships = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'otherRelative',
  'nonRelative',
] as const;
export const documentStatuses = ['held', 'notHeld', 'lost', 'unknown'] as const;
export const civilRegistrationStatuses = ['registered', 'notRegistered', 'unknown'] as const;
export const specificNeeds = [
  'olderPersonAtRisk',
  'disability',
  'seriousMedicalCondition',
  'singleParent',
  'unaccompaniedOrSeparatedChild',
  'survivorOfViolence',
  'survivorOfTorture',
  'womanAtRisk',
  'childAtRisk',
] as const;
export type SpecificNeed = (typeof specificNeeds)[number];

const communityCodes = communities.map((c) => c.code) as [string, ...string[]];

const personFieldsBase = z.object({
  fullName: requiredText(160),
  sex: z.enum(sexes, { message: 'validation.choose' }),
  dateOfBirth: optionalPastDate,
  estimatedAge: z
    .number({ message: 'validation.number' })
    .int({ message: 'validation.wholeNumber' })
    .min(0, { message: 'validation.notNegative' })
    .max(120, { message: 'validation.tooLarge' })
    .nullable()
    .default(null),
  relationship: z.enum(relationships, { message: 'validation.choose' }),
  community: z.enum(communityCodes, { message: 'validation.choose' }),
  birthCertificate: z.enum(documentStatuses).default('unknown'),
  idCard: z.enum(documentStatuses).default('unknown'),
  civilRegistration: z.enum(civilRegistrationStatuses).default('unknown'),
  statelessnessRisk: z.boolean().default(false),
  specificNeeds: z.array(z.enum(specificNeeds)).default([]),
});

const birthOrAge = {
  check: (p: { dateOfBirth: string; estimatedAge: number | null }) =>
    p.dateOfBirth !== '' || p.estimatedAge !== null,
  message: { message: 'validation.birthOrAge', path: ['dateOfBirth'] },
};

export const personFieldsSchema = personFieldsBase.refine(birthOrAge.check, birthOrAge.message);
export type PersonInput = z.output<typeof personFieldsSchema>;
export type PersonFormValues = z.input<typeof personFieldsSchema>;

/** A member of a household. */
export const personSchema = personFieldsBase
  .extend({ householdId: z.string().uuid() })
  .refine(birthOrAge.check, birthOrAge.message);
export type PersonWithHousehold = z.output<typeof personSchema>;

export const personRecordSchema = recordMetaSchema.extend({
  householdId: z.string().uuid(),
  searchTokens: z.array(z.string()),
  /** When the personal data were erased (retention or a person's request); absent until then. */
  erasedAt: z.string().datetime().optional(),
});
export type PersonRecord = z.infer<typeof personRecordSchema> & PersonInput;
