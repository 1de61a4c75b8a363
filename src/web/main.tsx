/**
 * The browser application: the shell (header, language switch, sign-in state) and lazy pages. Loaded by the entry,
 * opening.ts, once that has asked for what the opened page needs (the session, the page's code and its data).
 */
import { firstPages, language, pageCode, session, type PageCode } from './opening.ts';
import { StrictMode, Suspense, lazy, startTransition, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type Me } from './api.ts';
import { LANGS, changeLanguage, initI18n } from './i18n.ts';
import { Link, match, navigate, useFocusHeading, useLocation } from './router.tsx';
import { SessionContext, isOfficial } from './session.tsx';
import Home from './pages/Home.tsx';

/** lazy(), except that once its code is here (opening.ts fetched it) the page renders at once, not the fallback first. */
function lazyPage<P extends object>(code: PageCode<P>) {
  // a thenable that answers within the call: React's lazy() then resolves without suspending
  return lazy(() => (code.loaded ? ({ then: (done: (m: NonNullable<PageCode<P>['loaded']>) => void) => done(code.loaded!) } as ReturnType<PageCode<P>['fetch']>) : code.fetch()));
}
const SignIn = lazyPage(firstPages.signIn);
const FileAppeal = lazyPage(firstPages.fileAppeal);
const Cabinet = lazyPage(firstPages.cabinet);
const Inbox = lazyPage(firstPages.inbox);
const CasePage = lazy(() => import('./pages/CasePage.tsx'));
const Register = lazy(() => import('./pages/Register.tsx'));
const BodyLoad = lazy(() => import('./pages/BodyLoad.tsx'));
const Admin = lazy(() => import('./pages/Admin.tsx'));
const Complaint = lazy(() => import('./pages/Complaint.tsx'));
const Petitions = lazyPage(firstPages.petitions);
const Receptions = lazyPage(firstPages.receptions);
const Services = lazyPage(firstPages.services);
const ServiceComplaint = lazy(() => import('./pages/ServiceComplaint.tsx'));
const AdminBodies = lazy(() => import('./pages/AdminBodies.tsx'));
const ServiceComplaintsDesk = lazy(() => import('./pages/ServiceComplaintsDesk.tsx'));
const PetitionsDesk = lazy(() => import('./pages/PetitionsDesk.tsx'));
const Monitoring = lazy(() => import('./pages/Monitoring.tsx'));
const Generalization = lazy(() => import('./pages/Generalization.tsx'));
const Knowledge = lazyPage(firstPages.knowledge);
const Procedures = lazy(() => import('./pages/Procedures.tsx'));
const Procedure = lazy(() => import('./pages/Procedure.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));

function Page({ path }: { path: string }): ReactNode {
  if (path === '/' || path === '') return <Home />;
  if (path === '/signin') return <SignIn kind="applicant" />;
  if (path === '/staff/signin') return <SignIn kind="official" />;
  if (path === '/file') return <FileAppeal />;
  if (path === '/cabinet') return <Cabinet />;
  if (path === '/staff') return <Inbox />;
  if (path === '/staff/register') return <Register />;
  if (path === '/staff/load') return <BodyLoad />;
  if (path === '/staff/monitoring') return <Monitoring />;
  if (path === '/staff/generalization') return <Generalization />;
  const generalization = match('/staff/generalization/:id', path);
  if (generalization) return <Generalization id={generalization.id!} />;
  if (path === '/staff/admin') return <Admin />;
  if (path === '/staff/admin/bodies') return <AdminBodies />;
  if (path === '/staff/service-complaints') return <ServiceComplaintsDesk />;
  if (path === '/staff/petitions') return <PetitionsDesk />;
  const deskComplaint = match('/staff/service-complaints/:id', path);
  if (deskComplaint) return <ServiceComplaintsDesk id={deskComplaint.id!} />;
  const deskPetition = match('/staff/petitions/:id', path);
  if (deskPetition) return <PetitionsDesk id={deskPetition.id!} />;
  if (path === '/petitions') return <Petitions view="list" />;
  if (path === '/petitions/new') return <Petitions view="new" />;
  if (path === '/receptions') return <Receptions />;
  if (path === '/services') return <Services />;
  if (path === '/knowledge') return <Knowledge />;
  if (path === '/staff/procedures') return <Procedures />;
  const kbManual = match('/knowledge/manuals/:id', path);
  if (kbManual) return <Knowledge procedureId={kbManual.id!} />;
  const kbProcedure = match('/staff/procedures/:id', path);
  if (kbProcedure) return <Procedure id={kbProcedure.id!} />;
  const c = match('/appeals/:id', path);
  if (c) return <CasePage id={c.id!} />;
  const complaint = match('/appeals/:id/complaint', path);
  if (complaint) return <Complaint appealId={complaint.id!} />;
  const service = match('/services/:code', path);
  if (service) return <Services code={service.code!} />;
  const serviceComplaint = match('/services/:code/complaint', path);
  if (serviceComplaint) return <ServiceComplaint code={serviceComplaint.code!} />;
  const followed = match('/service-complaints/:id', path);
  if (followed) return <ServiceComplaint id={followed.id!} />;
  const petition = match('/petitions/:id', path);
  if (petition) return <Petitions view="page" id={petition.id!} />;
  return <NotFound />;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="langs" aria-label={t('app.language')}>
      {LANGS.map((l: Lang) => (
        <button key={l} type="button" lang={l} aria-pressed={i18n.language === l} onClick={() => void changeLanguage(l)}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </nav>
  );
}

function Header({ me, onSignOut }: { me: Me | null | undefined; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="top">
      <div className="bar">
        <Link href={isOfficial(me) ? '/staff' : '/'} className="brand">
          <span aria-hidden="true" className="logo">T</span> Tynda
        </Link>
        <LanguageSwitch />
      </div>
      <nav className="menu" aria-label={t('app.menu')}>
        {isOfficial(me) ? (
          <>
            <Link href="/staff">{t('nav.inbox')}</Link>
            {me?.permissions.includes('kb.read') && <Link href="/staff/procedures">{t('knowledge.navStaff')}</Link>}
            {me?.permissions.includes('appeal.register') && <Link href="/staff/register">{t('nav.register')}</Link>}
            {me?.permissions.includes('appeal.assign') && <Link href="/staff/load">{t('nav.load')}</Link>}
            {me?.permissions.includes('monitoring.control') && <Link href="/staff/monitoring">{t('monitoring.nav')}</Link>}
            {['practice.generalize', 'practice.review', 'practice.contribute'].some((p) => me?.permissions.includes(p)) && <Link href="/staff/generalization">{t('generalization.nav')}</Link>}
            {me?.permissions.includes('service_complaint.consider') && <Link href="/staff/service-complaints">{t('workspace.nav.serviceComplaints')}</Link>}
            {['petition.moderate', 'petition.manage'].some((p) => me?.permissions.includes(p)) && <Link href="/staff/petitions">{t('workspace.nav.petitions')}</Link>}
            {['roles.assign', 'calendar.manage', 'act_template.approve', 'bodies.manage', 'officials.manage', 'topics.manage'].some((p) => me?.permissions.includes(p)) && <Link href="/staff/admin">{t('nav.admin')}</Link>}
          </>
        ) : (
          <>
            <Link href="/file">{t('nav.file')}</Link>
            <Link href="/cabinet">{t('nav.cabinet')}</Link>
            <Link href="/petitions">{t('nav.petitions')}</Link>
            <Link href="/receptions">{t('nav.receptions')}</Link>
            <Link href="/services">{t('nav.services')}</Link>
            <Link href="/knowledge">{t('knowledge.nav')}</Link>
          </>
        )}
        {me ? (
          <span className="who">
            <span className="name">{me.name ?? ''}</span>
            <button type="button" className="link" onClick={onSignOut}>
              {t('nav.signOut')}
            </button>
          </span>
        ) : (
          me === null && (
            <span className="who">
              <Link href="/signin">{t('nav.signIn')}</Link>
              <Link href="/staff/signin">{t('nav.staff')}</Link>
            </span>
          )
        )}
      </nav>
    </header>
  );
}

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
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <Header me={me} onSignOut={() => void signOut()} />
      <main id="main">
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <Page path={path} />
        </Suspense>
      </main>
      <footer className="foot">
        <p>{t('app.footer')}</p>
      </footer>
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
