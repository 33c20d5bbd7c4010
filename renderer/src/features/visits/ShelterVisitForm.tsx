import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { localToday } from '../../../../shared/validation/fields';
import {
  shelterConditions,
  shelterVisitSchema,
  type ShelterVisitFormValues,
  type ShelterVisitInput,
} from '../../../../shared/visits/shelterVisitSchema';
import { useFormDraft } from '../drafts/useFormDraft';
import { ConditionsChecklist } from './ConditionsChecklist';
import { ResidentsMetFields } from './ResidentsMetFields';
import { VisitBasicsFields } from './VisitBasicsFields';
import { VisitFindingsFields } from './VisitFindingsFields';
import { VisitFormFrame } from './VisitFormFrame';

export function emptyShelterVisit(shelterId: string, monitorName: string): ShelterVisitFormValues {
  return {
    shelterId,
    visitDate: localToday(),
    monitors: monitorName,
    residentsMet: {
      childrenFemale: 0,
      childrenMale: 0,
      adultsFemale: 0,
      adultsMale: 0,
      olderFemale: 0,
      olderMale: 0,
    },
    conditions: Object.fromEntries(
      shelterConditions.map((c) => [c, { rating: 'notAssessed', note: '' }]),
    ) as ShelterVisitFormValues['conditions'],
    observations: '',
    needsIdentified: [],
    followUpActions: '',
  };
}

interface ShelterVisitFormProps {
  initial: ShelterVisitFormValues;
  draftKey: string;
  /** Saves; calls clearDraft once saved, before leaving the form. */
  onSubmit: (values: ShelterVisitInput, clearDraft: () => Promise<void>) => Promise<void>;
  onCancel: () => void;
}

/** Validated with the shared schema the repository applies again on write; autosaved as a draft. */
export function ShelterVisitForm({ initial, draftKey, onSubmit, onCancel }: ShelterVisitFormProps) {
  const form = useForm<ShelterVisitFormValues, unknown, ShelterVisitInput>({
    resolver: zodResolver(shelterVisitSchema),
    defaultValues: initial,
  });
  const draft = useFormDraft(draftKey, 'shelterVisit', form);

  return (
    <VisitFormFrame form={form} draft={draft} onSubmit={onSubmit} onCancel={onCancel}>
      <VisitBasicsFields />
      <ResidentsMetFields />
      <ConditionsChecklist />
      <VisitFindingsFields />
    </VisitFormFrame>
  );
}
