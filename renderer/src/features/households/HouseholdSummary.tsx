import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Household } from '../../db/repositories/householdRepository';
import { useMunicipalityName } from '../../hooks/useReferenceNames';
import { useCommunities, usePlacesOfDisplacement } from './useHouseholdReference';
import { useShelterName } from './useHouseholds';
import { DetailList } from '../../components/DetailList';
import { localDate } from '../../../../shared/validation/fields';

/** The household's own details and its displacement history. */
export function HouseholdSummary({ household: h }: { household: Household }) {
  const { t } = useTranslation();
  const municipalityName = useMunicipalityName();
  const communities = useCommunities();
  const places = usePlacesOfDisplacement();
  const { data: shelterName } = useShelterName(h.shelterId);
  const text = (value: string) => value || t('common.notRecorded');
  const date = (value: string) =>
    value ? t('format.date', { value: localDate(value) }) : t('common.notRecorded');
  const municipality = (code: string) => (code ? municipalityName(code) : t('common.notRecorded'));
  const shelter = h.shelterId ? (
    <Link to={`/shelters/${h.shelterId}`}>{shelterName || h.shelterId}</Link>
  ) : null;
  const accommodation = t(`households.accommodation.${h.accommodation}`);
  const place = places.name(h.placeOfDisplacement);

  const details: [string, ReactNode][] = [
    [t('households.form.status'), t(`households.status.${h.status}`)],
    [t('households.form.community'), communities.name(h.community)],
    [
      t('households.form.accommodation'),
      shelter ? (
        <>
          {accommodation} · {shelter}
        </>
      ) : (
        accommodation
      ),
    ],
    [t('households.form.currentMunicipality'), municipality(h.currentMunicipality)],
    [t('households.form.address'), text(h.address)],
    [t('households.form.phone'), text(h.phone)],
    [t('households.form.notes'), text(h.notes)],
  ];
  const displacement: [string, ReactNode][] = [
    [
      t('households.form.placeOfDisplacement'),
      h.displacementLocation
        ? t('households.detail.placeOfDisplacement', { place, location: h.displacementLocation })
        : place,
    ],
    [t('households.form.displacementDate'), date(h.displacementDate)],
  ];
  if (h.status === 'returned' || h.returnDate) {
    displacement.push([t('households.form.returnDate'), date(h.returnDate)]);
    displacement.push([
      t('households.form.returnMunicipality'),
      h.returnSettlement
        ? t('households.detail.placeOfReturn', {
            settlement: h.returnSettlement,
            municipality: municipality(h.returnMunicipality),
          })
        : municipality(h.returnMunicipality),
    ]);
  }

  return (
    <>
      <section aria-labelledby="household-details-title">
        <h2 id="household-details-title">{t('households.detail.details')}</h2>
        <DetailList rows={details} />
      </section>
      <section aria-labelledby="household-displacement-title">
        <h2 id="household-displacement-title">{t('households.detail.displacement')}</h2>
        <DetailList rows={displacement} />
      </section>
    </>
  );
}
