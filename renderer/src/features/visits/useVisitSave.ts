import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNotice } from '../../app/Notices';
import { saveErrorMessage } from './saveError';

interface VisitSaveOptions<Input> {
  /** The repository of this kind of visit. */
  repository: {
    create(input: Input): Promise<{ id: string }>;
    update(id: string, input: Input): Promise<{ id: string }>;
  };
  /** The visit being edited; none for a new one. */
  existing: { id: string } | null | undefined;
  /** The notice once saved. */
  savedMessage: string;
  /** The visit's own page, shown once saved. */
  visitPath: (id: string) => string;
}

/**
 * Saves a new or edited visit from its form: clears the draft, tells the user and opens the
 * visit; on failure, the reason in words (`saveError`) and the form stays as it was.
 */
export function useVisitSave<Input>({
  repository,
  existing,
  savedMessage,
  visitPath,
}: VisitSaveOptions<Input>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const [saveError, setSaveError] = useState('');

  const save = async (values: Input, clearDraft: () => Promise<void>) => {
    try {
      const saved = existing ? await repository.update(existing.id, values) : await repository.create(values);
      await clearDraft();
      notice(savedMessage);
      navigate(visitPath(saved.id), { replace: true });
    } catch (error) {
      setSaveError(saveErrorMessage(t, error));
    }
  };
  return { saveError, save };
}
