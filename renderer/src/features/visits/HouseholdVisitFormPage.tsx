import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { latestQuestionnaire } from '../../../../shared/questionnaires/registry';
import { localToday } from '../../../../shared/validation/fields';
import type { HouseholdVisitInput } from '../../../../shared/visits/householdVisitSchema';
import { useStore } from '../../app/AppServices';
import type { HouseholdVisit } from '../../db/repositories/householdVisitRepository';
import { useLocalSettings } from '../settings/useLocalSettings';
import { HouseholdVisitForm } from './HouseholdVisitForm';
import type { HouseholdVisitFormValues } from './householdVisitResolver';
import { useHouseholdVisit, useVisitHousehold } from './useVisits';
import { useVisitSave } from './useVisitSave';

/** Households in a collective shelter get the shelter-resident questionnaire; others the returnee one. */
const suggestedQuestionnaire = (household: { accommodation?: string }) =>
  latestQuestionnaire(
    household.accommodation === 'collectiveShelter' ? 'shelter-resident-monitoring' : 'returnee-monitoring',
  )!;

function newVisitValues(
  householdId: string,
  accommodation: string | undefined,
  monitorName: string,
): HouseholdVisitFormValues {
  const questionnaire = suggestedQuestionnaire({ accommodation });
  return {
    householdId,
    visitDate: localToday(),
    monitors: monitorName,
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    answers: {},
    observations: '',
    needsIdentified: [],
    followUpActions: '',
  };
}

function toFormValues(visit: HouseholdVisit): HouseholdVisitFormValues {
  const { householdId, visitDate, monitors, questionnaireId, questionnaireVersion, answers } = visit;
  const { observations, needsIdentified, followUpActions } = visit;
  return {
    householdId,
    visitDate,
    monitors,
    questionnaireId,
    questionnaireVersion,
    answers,
    observations,
    needsIdentified,
    followUpActions,
  };
}

/** New monitoring visit (/households/:householdId/visits/new) or edit (/household-visits/:id/edit). */
export function HouseholdVisitFormPage() {
  const { t } = useTranslation();
  const { id, householdId: householdParam } = useParams();
  const navigate = useNavigate();
  const store = useStore();
  const { data: existing, isLoading: visitLoading } = useHouseholdVisit(id);
  const householdId = existing?.householdId ?? householdParam;
  const { data: household, isLoading: householdLoading } = useVisitHousehold(householdId);
  const { data: settings } = useLocalSettings();
  const { saveError, save } = useVisitSave<HouseholdVisitInput>({
    repository: store.householdVisits,
    existing,
    savedMessage: t('visits.householdVisit.saved'),
    visitPath: (savedId) => `/household-visits/${savedId}`,
  });

  if (visitLoading || householdLoading || !settings) return null;
  if (id && !existing) return <p role="alert">{t('visits.householdVisit.notFound')}</p>;
  if (!household) return <p role="alert">{t('visits.householdMissing')}</p>;
  if (!existing && household.consent?.status === 'withdrawn') {
    return (
      <p role="alert" className="form-error">
        {t('validation.visitConsentWithdrawn')}{' '}
        <Link to={`/households/${household.id}`}>{t('common.back')}</Link>
      </p>
    );
  }

  const back = existing ? `/household-visits/${existing.id}` : `/households/${household.id}`;

  return (
    <section aria-labelledby="household-visit-form-title">
      <header className="page-header">
        <div>
          <Link to={`/households/${household.id}`}>← {household.headName || t('visits.household')}</Link>
          <h1 id="household-visit-form-title">
            {existing ? t('visits.householdVisit.editTitle') : t('visits.householdVisit.createTitle')}
          </h1>
        </div>
      </header>
      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
      <HouseholdVisitForm
        initial={
          existing
            ? toFormValues(existing)
            : newVisitValues(household.id, household.accommodation, settings.monitorName)
        }
        draftKey={existing ? `householdVisit:${existing.id}` : `householdVisit:new:${household.id}`}
        questionnaireFixed={Boolean(existing)}
        onSubmit={save}
        onCancel={() => navigate(back)}
      />
    </section>
  );
}
