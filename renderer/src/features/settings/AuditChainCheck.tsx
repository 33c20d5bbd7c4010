import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChainResult } from '../../../../shared/records/auditHash';
import { useStore } from '../../app/AppServices';

type CheckState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; result: AuditChainResult }
  | { kind: 'failed' };

/**
 * Settings section: checks the audit log's hash chain on request (it reads every entry, so not
 * on every visit) and names the first entry that was changed, removed or moved.
 */
export function AuditChainCheck() {
  const { t } = useTranslation();
  const store = useStore();
  const id = useId();
  const [state, setState] = useState<CheckState>({ kind: 'idle' });

  const verify = async () => {
    setState({ kind: 'checking' });
    try {
      setState({ kind: 'done', result: await store.audit.verifyChain() });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="audit-check">
      <h2 id={`${id}-title`}>{t('auditCheck.title')}</h2>
      <p className="hint">{t('auditCheck.intro')}</p>
      <button type="button" onClick={() => void verify()} disabled={state.kind === 'checking'}>
        {t('auditCheck.verify')}
      </button>
      {/* Present from the start, so screen readers announce the result when it appears. */}
      <div aria-live="polite" data-testid="audit-check-result">
        {state.kind === 'checking' && <p>{t('auditCheck.checking')}</p>}
        {state.kind === 'failed' && <p>{t('auditCheck.failed')}</p>}
        {state.kind === 'done' && <Verdict result={state.result} />}
      </div>
    </section>
  );
}

function Verdict({ result }: { result: AuditChainResult }) {
  const { t } = useTranslation();
  if (!result.ok) {
    const reason = t(`auditCheck.reason.${result.reason}`);
    return <p className="error">{t('auditCheck.broken', { seq: result.firstBrokenSeq, reason })}</p>;
  }
  return (
    <>
      <p>{result.count === 0 ? t('auditCheck.empty') : t('auditCheck.intact', { count: result.count })}</p>
      {result.unsealed > 0 && <p className="hint">{t('auditCheck.unsealed', { count: result.unsealed })}</p>}
    </>
  );
}
