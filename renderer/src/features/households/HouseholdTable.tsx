import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Household } from '../../db/repositories/householdRepository';
import { useMunicipalityName } from '../../hooks/useReferenceNames';
import { useCommunities } from './useHouseholdReference';

/** Where the household lives now: the place of return, or where it is displaced. */
const municipalityOf = (h: Household) =>
  h.status === 'returned' ? h.returnMunicipality : h.currentMunicipality;

export function HouseholdTable({ rows }: { rows: Household[] }) {
  const { t } = useTranslation();
  const municipalityName = useMunicipalityName();
  const communities = useCommunities();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('households.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('households.columns.head')}</th>
          <th scope="col" className="numeric">
            {t('households.columns.members')}
          </th>
          <th scope="col">{t('households.columns.status')}</th>
          <th scope="col">{t('households.columns.community')}</th>
          <th scope="col">{t('households.columns.municipality')}</th>
          <th scope="col">{t('households.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((h) => (
          <tr key={h.id}>
            <th scope="row">
              <Link to={`/households/${h.id}`}>{h.headName}</Link>
              {h.deletedAt && <span className="badge">{t('households.archivedBadge')}</span>}
              {h.consent.status !== 'given' && (
                <span className="badge warn">{t(`households.consentBadge.${h.consent.status}`)}</span>
              )}
            </th>
            <td className="numeric">{t('format.number', { value: h.memberCount })}</td>
            <td>
              <span className={`status status-${h.status}`}>{t(`households.status.${h.status}`)}</span>
            </td>
            <td>{communities.name(h.community)}</td>
            <td>{municipalityOf(h) ? municipalityName(municipalityOf(h)) : ''}</td>
            <td>{t('format.date', { value: new Date(h.updatedAt) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
