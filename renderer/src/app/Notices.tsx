import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One polite live region for confirmations ("Shelter saved."), which outlive a navigation. */
const NoticeContext = createContext<(message: string) => void>(() => undefined);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const show = useCallback((text: string) => setMessage(text), []);
  return (
    <NoticeContext.Provider value={show}>
      {children}
      <div className="notice" role="status" aria-live="polite">
        {message && (
          <>
            <span>{message}</span>
            <button type="button" className="link-button" onClick={() => setMessage('')}>
              {t('common.close')}
            </button>
          </>
        )}
      </div>
    </NoticeContext.Provider>
  );
}

export const useNotice = () => useContext(NoticeContext);
