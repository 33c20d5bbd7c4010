import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { questionnaireVersion } from '../../../../shared/questionnaires/registry';
import { useStore } from '../../app/AppServices';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { AuditHistory } from '../audit/AuditHistory';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { localDate } from '../../../../shared/validation/fields';
import { localized } from './localizedText';
import { useHouseholdVisit, useVisitHousehold } from './useVisits';
import { VisitAnswers } from './VisitAnswers';
import { visitFieldLabel } from './visitFieldLabel';
import { VisitFindings } from './VisitFindings';
import { VisitRecordActions } from './VisitRecordActions';
import { ReportButton } from '../reports/ReportButton';

/** One household monitoring visit: its answers (with its own questionnaire version), referrals, files, history. */
export function HouseholdVisitPage() {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const { id } = useParams();
  const store = useStore();
  const { data: visit, isLoading } = useHouseholdVisit(id);
  const { data: household } = useVisitHousehold(visit?.householdId);

  if (isLoading) return null;
  if (!visit) return <p role="alert">{t('visits.householdVisit.notFound')}</p>;

  const questionnaire = questionnaireVersion(visit.questionnaireId, visit.questionnaireVersion);

  return (
    <article aria-labelledby="household-visit-title">
      <header className="page-header">
        <div>
          <Link to={`/households/${visit.householdId}`}>
            ← {household?.headName || t('visits.household')}
          </Link>
          <h1 id="household-visit-title">
            {t('visits.householdVisit.title', {
              date: t('format.date', { value: localDate(visit.visitDate) }),
            })}
          </h1>
          {visit.deletedAt && <span className="badge">{t('visits.archivedBadge')}</span>}
          <p className="summary">
            {questionnaire &&
              t('visits.questionnaireWithVersion', {
                title: localized(questionnaire.title, language),
                version: visit.questionnaireVersion,
              })}
            {' · '}
            {t('visits.monitorsPresent', { monitors: visit.monitors })}
          </p>
        </div>
        <div className="actions">
          <ReportButton report={{ kind: 'visit', visitType: 'household', visitId: visit.id }} />
          <VisitRecordActions
            visit={visit}
            repository={store.householdVisits}
            editTo={`/household-visits/${visit.id}/edit`}
            afterArchiveTo={`/households/${visit.householdId}`}
          />
        </div>
      </header>
      <section aria-labelledby="visit-answers-title">
        <h2 id="visit-answers-title">{t('visits.answers')}</h2>
        <VisitAnswers visit={visit} />
      </section>
      <VisitFindings visit={visit} text={(value) => value || t('common.notRecorded')} />
      <ReferralsSection householdId={visit.householdId} visitId={visit.id} />
      <AttachmentsSection ownerType="householdVisit" ownerId={visit.id} />
      <AuditHistory recordId={visit.id} fieldLabel={visitFieldLabel(t)} />
    </article>
  );
}
