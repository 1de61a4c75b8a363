/** Sign-in: applicants with a one-time code to their e-mail; officials with login and password. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorBox, Field, fieldError } from '../components/ui.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

const safeNext = (next: string | null, fallback: string) => (next && next.startsWith('/') && !next.startsWith('//') ? next : fallback);

function ApplicantSignIn() {
  const { t } = useTranslation();
  const { setMe } = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const request = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.otpRequest(email.trim());
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = await api.otpVerify(email.trim(), code.trim());
      setMe(s.me);
      navigate(safeNext(query.get('next'), '/cabinet'), true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('signin.applicantTitle')}</h1>
      <p>{t('signin.applicantLead')}</p>
      <ErrorBox error={error} />
      {!sent ? (
        <form onSubmit={(e) => void request(e)} noValidate>
          <Field label={t('signin.email')} error={fieldError(error, 'address')}>
            {(p) => <input {...p} type="email" name="email" autoComplete="email" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            {t('signin.sendCode')}
          </button>
        </form>
      ) : (
        <form onSubmit={(e) => void verify(e)} noValidate>
          <p role="status">{t('signin.codeSent', { email })}</p>
          <Field label={t('signin.code')} error={fieldError(error, 'code')}>
            {(p) => <input {...p} name="code" autoComplete="one-time-code" inputMode="numeric" required value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            {t('signin.enter')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setSent(false)}>
            {t('signin.otherEmail')}
          </button>
        </form>
      )}
    </div>
  );
}

function OfficialSignIn() {
  const { t } = useTranslation();
  const { setMe } = useSession();
  const { query } = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = await api.login(login.trim(), password);
      setMe(s.me);
      navigate(safeNext(query.get('next'), '/staff'), true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <h1>{t('signin.officialTitle')}</h1>
      <ErrorBox error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('signin.login')} error={fieldError(error, 'login')}>
          {(p) => <input {...p} name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />}
        </Field>
        <Field label={t('signin.password')} error={fieldError(error, 'password')}>
          {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('signin.enter')}
        </button>
      </form>
    </div>
  );
}

export default function SignIn({ kind }: { kind: 'applicant' | 'official' }) {
  return kind === 'applicant' ? <ApplicantSignIn /> : <OfficialSignIn />;
}
