import { useTranslation } from 'react-i18next';

interface Findings {
  observations: string;
  needsIdentified: string[];
  followUpActions: string;
}

/** Observations, needs and follow-up actions of any visit. */
export function VisitFindings({ visit, text }: { visit: Findings; text: (value: string) => string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="visit-findings-title">
      <h2 id="visit-findings-title">{t('visits.findings')}</h2>
      <dl className="details">
        <div className="wide">
          <dt>{t('visits.form.observations')}</dt>
          <dd>{text(visit.observations)}</dd>
        </div>
        <div className="wide">
          <dt>{t('visits.form.needsIdentified')}</dt>
          <dd>{text(visit.needsIdentified.map((n) => t(`visits.needs.${n}`)).join(', '))}</dd>
        </div>
        <div className="wide">
          <dt>{t('visits.form.followUpActions')}</dt>
          <dd>{text(visit.followUpActions)}</dd>
        </div>
      </dl>
    </section>
  );
}
