/**
 * The browser application: the frame (components/Shell.tsx) and the page of the address (routes.tsx). Loaded by the
 * entry, opening.ts, once that has asked for what the opened page needs (the session, the page's code and its data).
 * It renders afresh into #root, replacing what the server drew there first (prepaint.tsx) in one commit.
 */
import { language, pageCode, session } from './opening.ts';
import { StrictMode, Suspense, startTransition, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { api, type Me } from './api.ts';
import { Frame } from './components/Shell.tsx';
import { initI18n } from './i18n.ts';
import { Page } from './routes.tsx';
import { navigate, useFocusHeading, useLocation } from './router.tsx';
import { SessionContext } from './session.tsx';

function App() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(early);
  useEffect(() => {
    if (early === undefined) void session.then(setMe);
  }, []);
  useFocusHeading(path);
  const signOut = async () => {
    await api.logout().catch(() => undefined);
    setMe(null);
    navigate('/');
  };
  return (
    <SessionContext.Provider value={{ me, setMe }}>
      <Frame me={me} onSignOut={() => void signOut()}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <Page path={path} />
        </Suspense>
      </Frame>
    </SessionContext.Provider>
  );
}

// who is signed in and the opened page's code (both asked for in opening.ts) are awaited with the texts, so the
// header is drawn once, not shifted when the answer comes, and the page itself (not a "loading" line) is the first
// paint; a slow answer (over a second) does not hold the first paint
const opened = Promise.all([session, pageCode]).then(([me]) => me);
const [, early] = await Promise.all([initI18n(language), Promise.race([opened, new Promise<undefined>((r) => setTimeout(r, 1000))])]);
const root = createRoot(document.getElementById('root')!);
// a transition: the first render yields to the browser between components instead of one long task
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
