import { useTranslation } from 'react-i18next';
import type { Member } from '../../db/repositories/householdRepository';
import { ageFromBirthDate } from './memberDisplay';
import { useCommunities } from './useHouseholdReference';
import { localDate } from '../../../../shared/validation/fields';

interface MemberRowProps {
  member: Member;
  onEdit?: () => void;
  onRemove?: () => void;
  onRestore?: () => void;
}

export function MemberRow({ member: m, onEdit, onRemove, onRestore }: MemberRowProps) {
  const { t } = useTranslation();
  const communities = useCommunities();
  const age = m.dateOfBirth
    ? t('households.detail.age', { age: ageFromBirthDate(m.dateOfBirth) })
    : t('households.detail.estimatedAge', { age: m.estimatedAge });
  const needs = [
    ...(m.statelessnessRisk ? [t('households.detail.statelessnessRisk')] : []),
    ...m.specificNeeds.map((n) => t(`households.specificNeed.${n}`)),
  ];
  return (
    <tr>
      <th scope="row">
        {m.fullName}
        <div className="muted">{t(`households.relationship.${m.relationship}`)}</div>
      </th>
      <td>{t(`households.sex.${m.sex}`)}</td>
      <td>
        {age}
        {m.dateOfBirth && (
          <div className="muted">{t('format.date', { value: localDate(m.dateOfBirth) })}</div>
        )}
      </td>
      <td>{communities.name(m.community)}</td>
      <td className="documents">
        <div>
          {t('households.detail.birthCertificateShort', {
            status: t(`households.documentStatus.${m.birthCertificate}`),
          })}
        </div>
        <div>
          {t('households.detail.idCardShort', { status: t(`households.documentStatus.${m.idCard}`) })}
        </div>
        <div>
          {t('households.detail.civilRegistrationShort', {
            status: t(`households.civilRegistration.${m.civilRegistration}`),
          })}
        </div>
      </td>
      <td>
        {needs.length === 0
          ? t('households.detail.none')
          : needs.map((need) => (
              <span key={need} className={`badge ${need === needs[0] && m.statelessnessRisk ? 'warn' : ''}`}>
                {need}
              </span>
            ))}
      </td>
      <td className="row-actions">
        {onEdit && (
          <button
            type="button"
            className="link-button"
            onClick={onEdit}
            aria-label={t('households.detail.editMember', { name: m.fullName })}
          >
            {t('common.edit')}
          </button>
        )}
        {onRemove && (
          <button
            type="button"
            className="link-button"
            onClick={onRemove}
            aria-label={t('households.detail.removeMember', { name: m.fullName })}
          >
            {t('households.detail.removeConfirm')}
          </button>
        )}
        {onRestore && (
          <button
            type="button"
            className="link-button"
            onClick={onRestore}
            aria-label={t('households.detail.restoreMember', { name: m.fullName })}
          >
            {t('households.restore')}
          </button>
        )}
      </td>
    </tr>
  );
}
