import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useStore } from '../../app/AppServices';
import { RETENTION_YEAR_CHOICES, retentionTypes } from '../../db/repositories/retentionRepository';
import { useLiveResult } from '../../hooks/useLiveResult';

/** Settings → Data retention: a period per record type, and the review of records past it. */
export function RetentionSettings() {
  const { t } = useTranslation();
  const store = useStore();
  const { data: years } = useLiveResult(() => store.retention.years(), [store]);
  return (
    <section aria-labelledby="settings-retention">
      <h2 id="settings-retention">{t('retention.title')}</h2>
      <p className="hint">{t('retention.intro')}</p>
      {years &&
        retentionTypes.map((type) => (
          <label className="field" key={type}>
            <span>{t(`retention.type.${type}`)}</span>
            <select value={years[type]} onChange={(e) => void store.retention.setYears(type, Number(e.target.value))}>
              {RETENTION_YEAR_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {t('retention.years', { count: n })}
                </option>
              ))}
            </select>
          </label>
        ))}
      <Link className="button" to="/retention">
        {t('retention.review')}
      </Link>
    </section>
  );
}
