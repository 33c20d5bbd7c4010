import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import {
  householdFieldsSchema,
  householdRegistrationSchema,
  householdSchema,
  type HouseholdFormValues,
  type HouseholdInput,
  type HouseholdRecord,
  type HouseholdRegistration,
  type HouseholdRegistrationValues,
} from '../../../../shared/households/householdSchema';
import {
  personFieldsSchema,
  type PersonFormValues,
  type PersonInput,
  type PersonRecord,
} from '../../../../shared/households/personSchema';
import { localToday } from '../../../../shared/validation/fields';

/** A new member: nothing chosen yet, documents "not known" until asked. */
export const emptyMember = (overrides: Partial<PersonFormValues> = {}): PersonFormValues => ({
  fullName: '',
  sex: '' as PersonFormValues['sex'],
  dateOfBirth: '',
  estimatedAge: null,
  relationship: '' as PersonFormValues['relationship'],
  community: '' as PersonFormValues['community'],
  birthCertificate: 'unknown',
  idCard: 'unknown',
  civilRegistration: 'unknown',
  statelessnessRisk: false,
  specificNeeds: [],
  ...overrides,
});

/** Consent starts unanswered, so it cannot be skipped; dated today and recorded by this monitor. */
export const emptyHousehold = (recordedBy: string): HouseholdFormValues => ({
  status: '' as HouseholdFormValues['status'],
  community: '' as HouseholdFormValues['community'],
  accommodation: '' as HouseholdFormValues['accommodation'],
  shelterId: '',
  placeOfDisplacement: '' as HouseholdFormValues['placeOfDisplacement'],
  displacementLocation: '',
  displacementDate: '',
  returnDate: '',
  returnMunicipality: '',
  returnSettlement: '',
  currentMunicipality: '',
  address: '',
  phone: '',
  notes: '',
  consent: {
    status: '' as HouseholdFormValues['consent']['status'],
    date: localToday(),
    recordedBy,
    scopes: [],
    notObtainedReason: '',
    notes: '',
    withdrawnOn: '',
  },
});

export const emptyRegistration = (recordedBy: string): HouseholdRegistrationValues => ({
  household: emptyHousehold(recordedBy),
  members: [emptyMember({ relationship: 'head' })],
});

/**
 * Answers to questions the form no longer shows (a return date after switching back to
 * "displaced", a shelter after choosing private accommodation) are not saved.
 */
export function withoutHiddenAnswers(h: HouseholdFormValues): HouseholdFormValues {
  const consent = h.consent;
  return {
    ...h,
    shelterId: h.accommodation === 'collectiveShelter' ? h.shelterId : '',
    ...(h.status === 'returned' ? {} : { returnDate: '', returnMunicipality: '', returnSettlement: '' }),
    consent: {
      ...consent,
      scopes: consent.status === 'notObtained' ? [] : consent.scopes,
      notObtainedReason: consent.status === 'notObtained' ? consent.notObtainedReason : '',
      withdrawnOn: consent.status === 'withdrawn' ? consent.withdrawnOn : '',
    },
  };
}

const registrationBase = zodResolver(householdRegistrationSchema);
export const registrationResolver: Resolver<HouseholdRegistrationValues, unknown, HouseholdRegistration> = (
  values,
  context,
  options,
) => registrationBase({ ...values, household: withoutHiddenAnswers(values.household) }, context, options);

export const householdEditSchema = z.object({ household: householdSchema });
export type HouseholdEditValues = { household: HouseholdFormValues };
const editBase = zodResolver(householdEditSchema);
export const householdEditResolver: Resolver<HouseholdEditValues, unknown, { household: HouseholdInput }> = (
  values,
  context,
  options,
) => editBase({ household: withoutHiddenAnswers(values.household) }, context, options);

export const memberDialogSchema = z.object({ member: personFieldsSchema });
export type MemberDialogValues = { member: PersonFormValues };
export type MemberDialogOutput = { member: PersonInput };

const householdKeys = Object.keys(householdFieldsSchema.shape) as (keyof HouseholdFormValues)[];
export function householdFormValuesOf(record: HouseholdRecord): HouseholdFormValues {
  return Object.fromEntries(householdKeys.map((k) => [k, structuredClone(record[k])])) as HouseholdFormValues;
}

export function memberFormValuesOf(person: PersonRecord): PersonFormValues {
  const { fullName, sex, dateOfBirth, estimatedAge, relationship, community } = person;
  const { birthCertificate, idCard, civilRegistration, statelessnessRisk, specificNeeds } = person;
  return {
    fullName,
    sex,
    dateOfBirth,
    estimatedAge,
    relationship,
    community,
    birthCertificate,
    idCard,
    civilRegistration,
    statelessnessRisk,
    specificNeeds: [...specificNeeds],
  };
}
