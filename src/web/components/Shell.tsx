/** The frame of every page: the skip link, the header (brand, language switch, menu, who is signed in) and the footer. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, Me } from '../api.ts';
import { LANGS, changeLanguage } from '../i18n.ts';
import { Link } from '../router.tsx';
import { isOfficial } from '../session.tsx';

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

/** The page's frame around its content (main.tsx in the browser, prepaint.tsx on the server). */
export function Frame({ me, onSignOut, children }: { me: Me | null | undefined; onSignOut: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <Header me={me} onSignOut={onSignOut} />
      <main id="main">{children}</main>
      <footer className="foot">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
