import { useTranslation } from 'react-i18next';
import { Link } from '../router.tsx';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
