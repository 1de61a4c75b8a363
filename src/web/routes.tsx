/**
 * The pages by path: the application's (main.tsx) and the server's first paint's (prepaint.tsx). The pages a visitor
 * may open first are `lazyPage`s of early.ts's `firstPages`; the others are plain lazy().
 */
import { Suspense, lazy, useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from './api.ts';
import { Frame } from './components/Shell.tsx';
import { DRAWN_DISABLED, firstPages, setHydrating, type PageCode } from './early.ts';
import { match } from './router.tsx';
import Home from './pages/Home.tsx';

/**
 * The page of `path` in its frame: the same tree in the browser (main.tsx) and on the server (prepaint.tsx), so that
 * the browser hydrates what the server drew instead of drawing it again.
 */
export function Pages({ path, me, onSignOut }: { path: string; me: Me | null | undefined; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <Frame me={me} onSignOut={onSignOut}>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <Page path={path} />
        <TakenOver />
      </Suspense>
    </Frame>
  );
}

/**
 * Once the page is the application's (hydrated: React hydrates the page after the frame), the drawn controls work,
 * and early answers go to their pages again.
 */
function TakenOver() {
  useLayoutEffect(() => {
    setHydrating(false);
    for (const control of document.querySelectorAll(`[${DRAWN_DISABLED}]`)) {
      control.removeAttribute('disabled');
      control.removeAttribute(DRAWN_DISABLED);
    }
  }, []);
  return null;
}

/** lazy(), except that once its code is here (opening.ts fetched it) the page renders at once, not the fallback first. */
function lazyPage<P extends object>(code: PageCode<P>) {
  // a thenable that answers within the call: React's lazy() then resolves without suspending
  return lazy(() => (code.loaded ? ({ then: (done: (m: NonNullable<PageCode<P>['loaded']>) => void) => done(code.loaded!) } as ReturnType<PageCode<P>['fetch']>) : code.fetch()));
}
const SignIn = lazyPage(firstPages.signIn);
const FileAppeal = lazyPage(firstPages.fileAppeal);
const Cabinet = lazyPage(firstPages.cabinet);
const Inbox = lazyPage(firstPages.inbox);
const CasePage = lazyPage(firstPages.casePage);
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

export function Page({ path }: { path: string }): ReactNode {
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

