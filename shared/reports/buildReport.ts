import { buildHouseholdCase } from './builders/householdCase';
import { buildPeriodSummary } from './builders/periodSummary';
import { buildReferralLetter } from './builders/referralLetter';
import { buildShelterProfile } from './builders/shelterProfile';
import { buildVisitReport } from './builders/visitReport';
import { createBuildEnv } from './builders/common';
import type { ReportDocument } from './documentModel';
import type { Translate } from './reportLabels';
import type { ReportContext, ReportInput } from './reportTypes';

export { ReportRefusedError, referralLetterRefusal, type RefusalReason } from './builders/referralLetter';

/**
 * Input + translation + options → the document model. Pure: the same call in the report
 * worker, in Node tests and in the bench. Throws ReportRefusedError when the data may not be
 * put in this report (a referral letter without consent to referral).
 */
export function buildReportDocument(input: ReportInput, t: Translate, context: ReportContext): ReportDocument {
  // The period summary holds no personal data: redaction does not apply to it.
  const ctx =
    input.kind === 'periodSummary' ? { ...context, options: { ...context.options, redacted: false } } : context;
  const env = createBuildEnv(t, ctx);
  switch (input.kind) {
    case 'visit':
      return buildVisitReport(env, input);
    case 'shelterProfile':
      return buildShelterProfile(env, input);
    case 'householdCase':
      return buildHouseholdCase(env, input);
    case 'referralLetter':
      return buildReferralLetter(env, input);
    case 'periodSummary':
      return buildPeriodSummary(env, input);
  }
}
