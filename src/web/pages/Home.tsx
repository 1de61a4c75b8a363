/** The first citizen page: what Tynda does and what a person comes for (file, follow, a public service). Kept light. */
import { useTranslation } from 'react-i18next';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export default function Home() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <div className="home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <div className="cards">
        <section className="card">
          <h2>{t('home.fileTitle')}</h2>
          <p>{t('home.fileText')}</p>
          <Link className="button" href={me?.kind === 'applicant' ? '/file' : '/signin?next=/file'}>
            {t('home.fileButton')}
          </Link>
        </section>
        <section className="card">
          <h2>{t('home.followTitle')}</h2>
          <p>{t('home.followText')}</p>
          <Link className="button secondary" href={me?.kind === 'applicant' ? '/cabinet' : '/signin?next=/cabinet'}>
            {t('home.followButton')}
          </Link>
        </section>
        <section className="card">
          <h2>{t('home.servicesTitle')}</h2>
          <p>{t('home.servicesText')}</p>
          <Link className="button secondary" href="/services">
            {t('home.servicesButton')}
          </Link>
        </section>
        <section className="card">
          <h2>{t('knowledge.homeTitle')}</h2>
          <p>{t('knowledge.homeText')}</p>
          <Link className="button secondary" href="/knowledge">
            {t('knowledge.homeButton')}
          </Link>
        </section>
      </div>
      <section className="card plain">
        <h2>{t('home.termsTitle')}</h2>
        <ul>
          <li>{t('home.term1')}</li>
          <li>{t('home.term2')}</li>
          <li>{t('home.term3')}</li>
        </ul>
      </section>
      <p className="staff-link">
        <Link href="/staff/signin">{t('home.staff')}</Link>
      </p>
    </div>
  );
}
