/** The records office registers a paper, oral or reception appeal with its real receipt time (APC 63(1), 64(2)–(3)). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Applicant, type Lang, type RegisterInput, type Ticket } from '../api.ts';
import { ErrorBox, Field, Loading, dateFormat, fieldError, useLoad } from '../components/ui.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { TicketView } from './FileAppeal.tsx';

const TYPES = ['application', 'proposal', 'feedback', 'request', 'report'] as const;
const CHANNELS = ['paper', 'oral', 'reception'] as const;

function nowLocal(): string {
  // the receipt time as the clerk sees it (Asia/Almaty, +05:00), for <input type="datetime-local">
  const p = dateFormat('sv-SE', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date());
  return p.replace(' ', 'T');
}

export default function Register() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const ref = useLoad(() => api.bodies(), []);
  const registrarBodies = new Set((me?.roles ?? []).filter((r) => r.role === 'registrar' || r.role === 'monitoring').map((r) => r.bodyId));
  const [form, setForm] = useState({ bodyId: '', type: 'application', channel: 'paper', language: lang, summary: '', essence: '', signed: true, receivedAt: nowLocal() });
  const [applicant, setApplicant] = useState<Applicant>({ kind: 'individual' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<Ticket>();
  if (!ref.data) return <Loading error={ref.error} />;
  const bodies = ref.data.filter((b) => registrarBodies.has(b.id));
  const bodyId = form.bodyId || bodies[0]?.id || '';
  const set = (k: keyof typeof form, v: unknown) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const clean = Object.fromEntries(Object.entries(applicant).filter(([, v]) => v !== '' && v !== undefined)) as unknown as Applicant;
      const input: RegisterInput = {
        bodyId,
        type: form.type,
        channel: form.channel as RegisterInput['channel'],
        language: form.language as Lang,
        essence: form.essence,
        ...(form.summary.trim() ? { summary: form.summary.trim() } : {}),
        signed: form.signed,
        receivedAt: form.receivedAt ? `${form.receivedAt}:00+05:00` : '',
        filedOn: form.receivedAt.slice(0, 10),
        applicant: clean,
      };
      setTicket(await api.register(input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (ticket)
    return (
      <div>
        <h1>{t('register.done')}</h1>
        <TicketView ticket={ticket} />
        <p>
          <Link className="button" href={`/appeals/${ticket.id}`}>
            {t('register.open')}
          </Link>{' '}
          <button type="button" className="secondary" onClick={() => (setTicket(undefined), setForm({ ...form, essence: '', summary: '' }), setApplicant({ kind: 'individual' }))}>
            {t('register.another')}
          </button>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      <ErrorBox error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('register.body')} error={fieldError(error, 'bodyId')}>
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => set('bodyId', e.target.value)}>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name[lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('register.channel')} error={fieldError(error, 'channel')}>
          {(p) => (
            <select {...p} value={form.channel} onChange={(e) => set('channel', e.target.value)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('register.receivedAt')} hint={t('register.receivedHint')} error={fieldError(error, 'receivedAt')}>
          {(p) => <input {...p} type="datetime-local" value={form.receivedAt} onChange={(e) => set('receivedAt', e.target.value)} />}
        </Field>
        <Field label={t('file.type')} error={fieldError(error, 'type')}>
          {(p) => (
            <select {...p} value={form.type} onChange={(e) => set('type', e.target.value)}>
              {TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`appealType.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('register.language')} error={fieldError(error, 'language')}>
          {(p) => (
            <select {...p} value={form.language} onChange={(e) => set('language', e.target.value)}>
              {(['kk', 'ru', 'en'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('register.applicant')}</legend>
          <Field label={t('file.name')} error={fieldError(error, 'applicant.name')}>
            {(p) => <input {...p} name="applicantName" value={applicant.name ?? ''} onChange={(e) => setApplicant({ ...applicant, name: e.target.value })} />}
          </Field>
          <Field label={t('file.postalAddress')} error={fieldError(error, 'applicant.postalAddress')}>
            {(p) => <input {...p} name="postalAddress" value={applicant.postalAddress ?? ''} onChange={(e) => setApplicant({ ...applicant, postalAddress: e.target.value })} />}
          </Field>
          <Field label={t('register.iin')} error={fieldError(error, 'applicant.iin')}>
            {(p) => <input {...p} name="iin" inputMode="numeric" value={applicant.iin ?? ''} onChange={(e) => setApplicant({ ...applicant, iin: e.target.value })} />}
          </Field>
          <Field label={t('signin.email')} error={fieldError(error, 'applicant.email')}>
            {(p) => <input {...p} name="email" type="email" value={applicant.email ?? ''} onChange={(e) => setApplicant({ ...applicant, email: e.target.value })} />}
          </Field>
        </fieldset>
        <Field label={t('file.summary')} error={fieldError(error, 'summary')}>
          {(p) => <input {...p} name="summary" maxLength={300} value={form.summary} onChange={(e) => set('summary', e.target.value)} />}
        </Field>
        <Field label={t('file.essence')} error={fieldError(error, 'essence')}>
          {(p) => <textarea {...p} name="essence" rows={6} value={form.essence} onChange={(e) => set('essence', e.target.value)} />}
        </Field>
        <div className="field check">
          <label>
            <input type="checkbox" checked={form.signed} onChange={(e) => set('signed', e.target.checked)} /> {t('register.signed')}
          </label>
        </div>
        <button type="submit" disabled={busy}>
          {t('register.submit')}
        </button>
      </form>
    </div>
  );
}
