import type { HouseholdRecord, HouseholdStatus } from '../households/householdSchema';
import type { PersonRecord } from '../households/personSchema';
import type { Questionnaire } from '../questionnaires/questionnaireSchema';
import type { ReferenceLanguage } from '../reference/municipalities';
import type {
  FollowUpRecord,
  OrganisationRecord,
  ReferralRecord,
  ReferralService,
  ReferralStatus,
} from '../referrals/referralSchema';
import type { ShelterRecord } from '../shelters/shelterSchema';
import type { HouseholdVisitRecord } from '../visits/householdVisitSchema';
import type { ShelterVisitRecord } from '../visits/shelterVisitSchema';

/**
 * What a report is made from. The repository gathers these inputs from the tables; the report
 * builders (pure, in this folder) turn them into a document model; the PDF renderer draws it.
 * Inputs are plain data, so they cross to the report worker by structured clone.
 */
export const reportLanguages = ['en', 'sq', 'sr-Latn', 'sr-Cyrl'] as const;
export type ReportLanguage = ReferenceLanguage;

export const reportKinds = ['visit', 'shelterProfile', 'householdCase', 'referralLetter', 'periodSummary'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** What a page asks for: a record's report, or a period summary. */
export type ReportRequest =
  | { kind: 'visit'; visitType: 'shelter' | 'household'; visitId: string }
  | { kind: 'shelterProfile'; shelterId: string }
  | { kind: 'householdCase'; householdId: string }
  | { kind: 'referralLetter'; referralId: string }
  | { kind: 'periodSummary'; period: PeriodFilter };

export interface PeriodFilter {
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  /** Municipality codes; empty means all. */
  municipalities: string[];
  /** Add the list of visits in the period as an annex (no personal data in it). */
  includeVisitLog: boolean;
}

/** Chosen at export, independent of the UI. */
export interface ReportOptions {
  language: ReportLanguage;
  /** Names, contact details, dates of birth and free-text notes replaced. */
  redacted: boolean;
}

/** An image the PDF can embed as it is: jsPDF reads PNG and JPEG bytes without a canvas. */
export interface ReportImage {
  format: 'PNG' | 'JPEG';
  data: Uint8Array;
}

/** From Settings: who the report comes from. */
export interface ReportBranding {
  organisationName: string;
  logo: ReportImage | null;
}

/** Everything a builder needs besides the records. */
export interface ReportContext {
  options: ReportOptions;
  branding: ReportBranding;
  /** ISO date-time of generation; also "today" for overdue checks. */
  generatedAt: string;
}

export interface ReportPhoto {
  image: ReportImage;
  caption: string;
  fileName: string;
}

// ---------------------------------------------------------------------------------------------
// Inputs, one per report
// ---------------------------------------------------------------------------------------------

interface VisitExtras {
  /** Referrals made from this visit. */
  referrals: ReferralRecord[];
  /** Follow-up tasks on the visit's subject or its referrals, created on or after the visit. */
  followUps: FollowUpRecord[];
  photos: ReportPhoto[];
  /** Names of the organisations the referrals go to, by id. */
  organisationNames: Record<string, string>;
  /** Persons named by the referrals, by id. */
  persons: Record<string, Pick<PersonRecord, 'id' | 'fullName'>>;
}

export interface ShelterVisitReportInput extends VisitExtras {
  kind: 'visit';
  visitType: 'shelter';
  visit: ShelterVisitRecord;
  shelter: ShelterRecord | null;
}

export interface HouseholdVisitReportInput extends VisitExtras {
  kind: 'visit';
  visitType: 'household';
  visit: HouseholdVisitRecord;
  household: HouseholdRecord | null;
  members: PersonRecord[];
  /** The questionnaire at the visit's version; null when this device does not have it. */
  questionnaire: Questionnaire | null;
}

export type VisitReportInput = ShelterVisitReportInput | HouseholdVisitReportInput;

export interface ShelterProfileInput {
  kind: 'shelterProfile';
  shelter: ShelterRecord;
  /** Every live visit, newest first. */
  visits: ShelterVisitRecord[];
  /** Follow-up tasks on the shelter. */
  followUps: FollowUpRecord[];
  /** Households registered as living in the shelter now. */
  registered: { households: number; persons: number };
}

export interface HouseholdCaseInput {
  kind: 'householdCase';
  household: HouseholdRecord;
  members: PersonRecord[];
  shelter: Pick<ShelterRecord, 'id' | 'name' | 'municipality'> | null;
  /** Newest first. */
  visits: HouseholdVisitRecord[];
  /** Questionnaire titles by `id@version`, for the visit list. */
  questionnaireTitles: Record<string, Questionnaire['title']>;
  referrals: ReferralRecord[];
  followUps: FollowUpRecord[];
  organisationNames: Record<string, string>;
}

export interface ReferralLetterInput {
  kind: 'referralLetter';
  referral: ReferralRecord;
  household: HouseholdRecord;
  /** All live members; the letter picks only what consent allows. */
  members: PersonRecord[];
  organisation: OrganisationRecord | null;
  /** The visit the need was found on. */
  visit: { visitDate: string; needsIdentified: string[] } | null;
  /** The monitor signing the letter (from Settings). */
  monitorName: string;
}

/** Period summary rows carry no personal data: codes, dates and ids only. */
export interface PeriodShelterVisitRow {
  id: string;
  visitDate: string;
  shelterId: string;
  needsIdentified: string[];
  /** Residents met, all groups together. */
  residentsMet: number;
}
export interface PeriodHouseholdVisitRow {
  id: string;
  visitDate: string;
  householdId: string;
  needsIdentified: string[];
}
export interface PeriodShelterRow {
  id: string;
  name: string;
  municipality: string;
}
export interface PeriodHouseholdRow {
  id: string;
  status: HouseholdStatus;
  community: string;
  /** Where the household lives now: current, else return municipality, else its shelter's. */
  municipality: string;
  memberCount: number;
}
export interface PeriodReferralRow {
  id: string;
  householdId: string;
  service: ReferralService;
  status: ReferralStatus;
  referredOn: string;
}
export interface PeriodFollowUpRow {
  id: string;
  dueDate: string;
  subjectType: FollowUpRecord['subjectType'];
  /** Municipality of the subject, '' when unknown. */
  municipality: string;
}

export interface PeriodSummaryInput {
  kind: 'periodSummary';
  period: PeriodFilter;
  shelterVisits: PeriodShelterVisitRow[];
  householdVisits: PeriodHouseholdVisitRow[];
  /** Shelters and households the visits refer to. */
  shelters: PeriodShelterRow[];
  households: PeriodHouseholdRow[];
  /** Referrals made in the period (referredOn within it), for households in the municipalities. */
  referrals: PeriodReferralRow[];
  /** Open follow-ups whose due date has passed, in the municipalities. */
  overdueFollowUps: PeriodFollowUpRow[];
}

export type ReportInput =
  | VisitReportInput
  | ShelterProfileInput
  | HouseholdCaseInput
  | ReferralLetterInput
  | PeriodSummaryInput;

/** Reports with personal data can be redacted; the period summary is aggregated already. */
export const holdsPersonalData = (kind: ReportKind) => kind !== 'periodSummary';
