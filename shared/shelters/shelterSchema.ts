import { z } from 'zod';
import { municipalityCodes } from '../reference/municipalities';
import { recordMetaSchema } from '../records/recordMeta';
import { count, optionalText, phone, requiredText } from '../validation/fields';

/**
 * Validation messages are i18n keys (`validation.*`): the shared schema is the single source
 * of truth for forms, IPC and file import, and each surface translates the key.
 */
export const shelterStatuses = ['open', 'closurePlanned', 'closed'] as const;
export type ShelterStatus = (typeof shelterStatuses)[number];

export const managingAuthorities = ['municipality', 'ministry', 'ngo', 'private', 'other'] as const;

export const shelterFieldsSchema = z.object({
  name: requiredText(200),
  municipality: z.enum(municipalityCodes, { message: 'validation.chooseMunicipality' }),
  settlement: optionalText(120),
  address: optionalText(300),
  managingAuthority: z.enum(managingAuthorities, { message: 'validation.required' }),
  capacity: count,
  residents: count,
  status: z.enum(shelterStatuses, { message: 'validation.required' }),
  contactPerson: optionalText(120),
  contactPhone: phone,
  notes: optionalText(4000),
});

export const shelterInputSchema = shelterFieldsSchema.refine(
  (s) => s.capacity === 0 || s.residents <= s.capacity * 2,
  {
    // Collective shelters are often over capacity; a factor above two is far more likely a typo.
    message: 'validation.residentsFarAboveCapacity',
    path: ['residents'],
  },
);

export type ShelterInput = z.output<typeof shelterInputSchema>;
export type ShelterFormValues = z.input<typeof shelterInputSchema>;

/** A stored shelter: its fields, the sync metadata, and the derived search tokens. */
export const shelterRecordSchema = recordMetaSchema.extend({
  ...shelterFieldsSchema.shape,
  searchTokens: z.array(z.string()),
});
export type ShelterRecord = z.infer<typeof shelterRecordSchema>;
