import { z } from 'zod';
import { municipalityCodes } from '../reference/municipalities';
import { recordMetaSchema } from '../records/recordMeta';

/**
 * Validation messages are i18n keys (`validation.*`): the shared schema is the single source
 * of truth for forms, IPC and file import, and each surface translates the key.
 */
export const shelterStatuses = ['open', 'closurePlanned', 'closed'] as const;
export type ShelterStatus = (typeof shelterStatuses)[number];

export const managingAuthorities = ['municipality', 'ministry', 'ngo', 'private', 'other'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'validation.tooLong' })
    .default('');

const count = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.wholeNumber' })
  .min(0, { message: 'validation.notNegative' })
  .max(100_000, { message: 'validation.tooLarge' });

export const shelterFieldsSchema = z.object({
    name: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' }),
    municipality: z.enum(municipalityCodes, { message: 'validation.chooseMunicipality' }),
    settlement: optionalText(120),
    address: optionalText(300),
    managingAuthority: z.enum(managingAuthorities, { message: 'validation.required' }),
    capacity: count,
    residents: count,
    status: z.enum(shelterStatuses, { message: 'validation.required' }),
    contactPerson: optionalText(120),
    contactPhone: z
      .string()
      .trim()
      .max(40, { message: 'validation.tooLong' })
      .regex(/^[+0-9 ()-]*$/, { message: 'validation.phone' })
      .default(''),
    notes: optionalText(4000),
});

export const shelterInputSchema = shelterFieldsSchema.refine((s) => s.capacity === 0 || s.residents <= s.capacity * 2, {
    // Collective shelters are often over capacity; a factor above two is far more likely a typo.
    message: 'validation.residentsFarAboveCapacity',
    path: ['residents'],
  });

export type ShelterInput = z.output<typeof shelterInputSchema>;
export type ShelterFormValues = z.input<typeof shelterInputSchema>;

/** A stored shelter: its fields, the sync metadata, and the derived search tokens. */
export const shelterRecordSchema = recordMetaSchema.extend({
  ...shelterFieldsSchema.shape,
  searchTokens: z.array(z.string()),
});
export type ShelterRecord = z.infer<typeof shelterRecordSchema>;
