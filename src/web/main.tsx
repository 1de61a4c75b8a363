/**
 * The browser application: the frame (components/Shell.tsx) and the page of the address (routes.tsx). Loaded by the
 * entry, opening.ts, once that has asked for what the opened page needs (the session, the page's code and its data).
 * A page the server drew (prepaint.tsx) is hydrated: React takes the drawn elements over; any other is rendered.
 */
import { drawn, language, pageCode, session } from './opening.ts';
import { StrictMode, startTransition, useEffect, useState } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { api, type Me } from './api.ts';
import { setHydrating } from './early.ts';
import { initI18n } from './i18n.ts';
import { Pages } from './routes.tsx';
import { navigate, useFocusHeading, useLocation } from './router.tsx';
import { SessionContext } from './session.tsx';

function App() {
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
      <Pages path={path} me={me} onSignOut={() => void signOut()} />
    </SessionContext.Provider>
  );
}

// who is signed in and the opened page's code (both asked for in opening.ts) are awaited with the texts, so the
// header is drawn once, not shifted when the answer comes, and the page itself (not a "loading" line) is the first
// paint; a slow answer (over a second) does not hold the first paint
const opened = Promise.all([session, pageCode]).then(([me]) => me);
const [, answered] = await Promise.all([initI18n(language), Promise.race([opened, new Promise<undefined>((r) => setTimeout(r, 1000))])]);
// a drawn page is hydrated with the session it was drawn for, however late its code: React hydrates the page itself
// when its code comes, and the header must be the drawn one meanwhile
const early = drawn ? drawn.me : answered;
const container = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
if (drawn && drawn.lang === language) {
  // the server drew this page (prepaint.tsx) from the same state: React takes its elements over instead of drawing
  // them again. Should the two differ after all, React draws the page afresh, which is no error of the page's.
  setHydrating(true);
  hydrateRoot(container, app, { onRecoverableError: (error) => console.warn('tynda: the drawn page was drawn again', error) });
} else {
  // a transition: the first render yields to the browser between components instead of one long task
  startTransition(() => createRoot(container).render(app));
}
