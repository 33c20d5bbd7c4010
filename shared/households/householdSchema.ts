import { z } from 'zod';
import { communities, placesOfDisplacement } from '../reference/communities';
import { municipalityCodes } from '../reference/municipalities';
import { recordMetaSchema } from '../records/recordMeta';
import { optionalPastDate, optionalRecordId, optionalText, phone } from '../validation/fields';
import { consentSchema } from './consentSchema';
import { personFieldsSchema } from './personSchema';

export const householdStatuses = ['displaced', 'returned'] as const;
export type HouseholdStatus = (typeof householdStatuses)[number];
export const accommodationTypes = ['collectiveShelter', 'privateAccommodation', 'ownHome', 'other'] as const;

const communityCodes = communities.map((c) => c.code) as [string, ...string[]];
const displacementCodes = placesOfDisplacement.map((p) => p.code) as [string, ...string[]];
const optionalMunicipality = z.union([z.literal(''), z.enum(municipalityCodes)]).default('');

export const householdFieldsSchema = z.object({
  status: z.enum(householdStatuses, { message: 'validation.choose' }),
  community: z.enum(communityCodes, { message: 'validation.choose' }),
  accommodation: z.enum(accommodationTypes, { message: 'validation.choose' }),
  shelterId: optionalRecordId,
  placeOfDisplacement: z.enum(displacementCodes, { message: 'validation.choose' }),
  displacementLocation: optionalText(200),
  displacementDate: optionalPastDate,
  returnDate: optionalPastDate,
  returnMunicipality: optionalMunicipality,
  returnSettlement: optionalText(120),
  currentMunicipality: optionalMunicipality,
  address: optionalText(300),
  phone,
  notes: optionalText(4000),
  consent: consentSchema,
});

/** Rules across fields, applied to every write of a household. */
export const householdSchema = householdFieldsSchema.superRefine((h, ctx) => {
  if (h.displacementDate && h.returnDate && h.returnDate < h.displacementDate) {
    ctx.addIssue({ code: 'custom', path: ['returnDate'], message: 'validation.returnBeforeDisplacement' });
  }
  if (h.status === 'returned' && !h.returnMunicipality) {
    ctx.addIssue({ code: 'custom', path: ['returnMunicipality'], message: 'validation.chooseMunicipality' });
  }
  if (h.accommodation === 'collectiveShelter' && !h.shelterId) {
    ctx.addIssue({ code: 'custom', path: ['shelterId'], message: 'validation.chooseShelter' });
  }
});
export type HouseholdInput = z.output<typeof householdSchema>;
export type HouseholdFormValues = z.input<typeof householdSchema>;

/**
 * Registering a household: the household, its members and the consent in one write, so a
 * registration is either saved whole or not at all.
 */
export const householdRegistrationSchema = z
  .object({
    household: householdSchema,
    members: z.array(personFieldsSchema).min(1, { message: 'validation.atLeastOneMember' }).max(40),
  })
  .superRefine((r, ctx) => {
    const heads = r.members.filter((m) => m.relationship === 'head').length;
    if (heads !== 1) ctx.addIssue({ code: 'custom', path: ['members'], message: 'validation.oneHead' });
  });
export type HouseholdRegistration = z.output<typeof householdRegistrationSchema>;
export type HouseholdRegistrationValues = z.input<typeof householdRegistrationSchema>;

export const householdRecordSchema = recordMetaSchema.extend({
  ...householdFieldsSchema.shape,
  /** Name of the head of household, kept on the household for lists and search. */
  headName: z.string(),
  memberCount: z.number().int(),
  searchTokens: z.array(z.string()),
  /** When the personal data were erased (retention or a person's request); absent until then. */
  erasedAt: z.string().datetime().optional(),
});
export type HouseholdRecord = z.infer<typeof householdRecordSchema>;
