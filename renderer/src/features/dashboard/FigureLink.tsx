import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface FigureLinkProps {
  value: number;
  label: string;
  to: string;
  /** Drawn as an alarm while above zero (overdue items). */
  alert?: boolean;
}

/** A number and what it counts; the whole figure links to the list it summarises. */
export function FigureLink({ value, label, to, alert }: FigureLinkProps) {
  const { t } = useTranslation();
  return (
    <Link to={to} className={`figure${alert && value > 0 ? ' figure-alert' : ''}`}>
      <span className="figure-number">{t('format.number', { value })}</span>
      <span className="figure-label">{label}</span>
    </Link>
  );
}
