import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionnaireVersion } from '../../../../shared/questionnaires/registry';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { localized } from './localizedText';
import { useHouseholdVisits } from './useVisits';
import { VisitList } from './VisitList';

/** A household's monitoring visits, newest first, on the household's page. */
export function HouseholdVisitsSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const [archived, setArchived] = useState(false);
  const { data: visits, error } = useHouseholdVisits(householdId, archived);

  const questionnaireName = (id: string, version: number) => {
    const q = questionnaireVersion(id, version);
    return t('visits.questionnaireWithVersion', { title: q ? localized(q.title, language) : id, version });
  };

  return (
    <VisitList
      title={t('visits.householdVisits.title')}
      newLabel={t('visits.householdVisits.new')}
      newTo={`/households/${householdId}/visits/new`}
      emptyText={t('visits.householdVisits.empty')}
      archived={archived}
      onArchivedChange={setArchived}
      visits={visits}
      error={error}
      visitPath={(id) => `/household-visits/${id}`}
      columns={
        <>
          <th scope="col">{t('visits.columns.questionnaire')}</th>
          <th scope="col">{t('visits.columns.monitors')}</th>
        </>
      }
      cells={(visit) => (
        <>
          <td>{questionnaireName(visit.questionnaireId, visit.questionnaireVersion)}</td>
          <td>{visit.monitors}</td>
        </>
      )}
    />
  );
}
