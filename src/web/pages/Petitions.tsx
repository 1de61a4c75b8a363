/**
 * Petitions (APC Chapter 12-1): the public list, a petition's page with its live signature count, joining it with
 * an EDS (90-3(1): once per IIN, with consent to the processing of personal data), and a form for a signed-in
 * citizen to file one (90-2(2)). The list, the page and joining need no sign-in.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type PetitionCount, type PetitionInput } from '../api.ts';
import { SignatureSteps } from '../components/SignatureSteps.tsx';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

/** How often the page asks for the count: live enough for a campaign, light for the server (one small query). */
export const COUNT_POLL_MS = 5000;

function Tally({ count, threshold }: { count: number; threshold: number | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <p className="tally" data-testid="petition-count">
        {t('petition.signatures', { count })}
        {threshold !== null && ` / ${threshold}`}
      </p>
      {threshold !== null && (
        <progress max={threshold} value={Math.min(count, threshold)} aria-label={t('petition.progress')}>
          {count}
        </progress>
      )}
    </div>
  );
}

function PetitionList() {
  const { t } = useTranslation();
  const { day } = useDates();
  const { me } = useSession();
  const list = useLoad(() => api.petitions(), []);
  return (
    <div>
      <h1>{t('petition.listTitle')}</h1>
      <p>{t('petition.listLead')}</p>
      <p>
        <Link className="button" href={me?.kind === 'applicant' ? '/petitions/new' : '/signin?next=/petitions/new'}>
          {t('petition.create')}
        </Link>
      </p>
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.length === 0 ? (
        <p>{t('petition.none')}</p>
      ) : (
        <ul className="petitions">
          {list.data.map((p) => (
            <li key={p.id}>
              <Link href={`/petitions/${p.id}`} className="case-link">
                {p.title}
              </Link>
              <div className="meta">
                <span>{p.bodyName}</span>
                <span className="badge">{t(`petitionState.${p.state}`, { defaultValue: p.state })}</span>
                <span>
                  {t('petition.signatures', { count: p.count })}
                  {p.threshold !== null && ` / ${p.threshold}`}
                </span>
                {p.signingOpen && p.signingEndsOn && (
                  <span>
                    {t('petition.until')} {day(p.signingEndsOn)}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Joining: the citizen's declarations, then the EDS over the petition's signing text (90-3(1)). */
function SignForm({ petitionId, onSigned }: { petitionId: string; onSigned(count: number): void }) {
  const { t } = useTranslation();
  const [citizen, setCitizen] = useState(false);
  const [consent, setConsent] = useState(false);
  const [done, setDone] = useState(false);
  if (done) return <p className="ok" role="status">{t('petition.signed')}</p>;
  return (
    <div>
      <div className="field check">
        <label>
          <input type="checkbox" checked={citizen} onChange={(e) => setCitizen(e.target.checked)} /> {t('petition.citizen')}
        </label>
      </div>
      <div className="field check">
        <label>
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('petition.consent')}
        </label>
      </div>
      {citizen && consent && (
        <SignatureSteps
          fileName={`petition-${petitionId}.json`}
          help={t('petition.signHelp')}
          submitLabel={t('petition.sign')}
          loadText={() => api.petitionSigningContent(petitionId).then((text) => ({ text }))}
          sign={async (signature) => {
            onSigned((await api.signPetition(petitionId, signature)).count);
            setDone(true);
          }}
        />
      )}
    </div>
  );
}

function PetitionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { day } = useDates();
  const petition = useLoad(() => api.petition(id), [id], `/api/v1/petitions/${encodeURIComponent(id)}`);
  const [live, setLive] = useState<PetitionCount>();
  useEffect(() => {
    let stop = false;
    const poll = () => {
      if (document.visibilityState === 'visible') api.petitionCount(id).then((c) => !stop && setLive(c), () => undefined);
    };
    poll();
    const timer = setInterval(poll, COUNT_POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [id]);
  if (!petition.data) return <Loading error={petition.error} />;
  const p = petition.data;
  const count = live?.count ?? p.count;
  return (
    <div className="narrow">
      <p className="crumbs">
        <Link href="/petitions">{t('petition.listTitle')}</Link>
      </p>
      <h1>{p.title}</h1>
      <div className="meta">
        <span className="number">{p.number}</span>
        <span className="badge">{t(`petitionState.${p.state}`, { defaultValue: p.state })}</span>
        <span>{p.bodyName}</span>
      </div>
      <section aria-labelledby="support" aria-live="polite">
        <h2 id="support">{t('petition.support')}</h2>
        <Tally count={count} threshold={live ? live.threshold : p.threshold} />
        {p.state === 'submitted' && (
          <p className="hint">
            {t('petition.preSupport', { count: live?.preSupport ?? 0, date: day(p.preSupportBy) })} <span className="cite">APC 90-2(4)(1)</span>
          </p>
        )}
      </section>
      {/* no sign-in needed: the EDS identifies the citizen */}
      {p.signingOpen && <SignForm petitionId={p.id} onSigned={(n) => setLive((l) => ({ count: n, threshold: l?.threshold ?? p.threshold, thresholdReached: l?.thresholdReached ?? p.thresholdReached, preSupport: l?.preSupport ?? 0 }))} />}
      <section aria-labelledby="petition-content">
        <h2 id="petition-content">{t('petition.content')}</h2>
        <p className="pre">{p.content}</p>
        <h2>{t('petition.proposals')}</h2>
        <p className="pre">{p.proposals}</p>
      </section>
    </div>
  );
}

function NewPetition() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate('/signin?next=/petitions/new', true);
  }, [me]);
  const ref = useLoad(() => (me?.kind === 'applicant' ? Promise.all([api.bodies(), api.profile()]) : Promise.resolve(undefined)), [me?.id]);
  const [form, setForm] = useState<Partial<Omit<PetitionInput, 'applicant'>> & { applicant?: Partial<PetitionInput['applicant']>; citizenYes?: boolean }>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!ref.data) return <Loading error={ref.error} />;
  const [bodies, profile] = ref.data;
  const lang = i18n.language as Lang;
  const applicant = { name: profile.name ?? '', iin: profile.iin ?? '', residence: profile.postalAddress ?? '', email: profile.email ?? '', ...form.applicant };
  const set = (patch: typeof form) => setForm((f) => ({ ...f, ...patch }));
  const setPerson = (patch: Partial<PetitionInput['applicant']>) => set({ applicant: { ...applicant, ...patch } });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const filed = await api.filePetition({
        bodyId: form.bodyId ?? '', language: lang, title: form.title ?? '', content: form.content ?? '', proposals: form.proposals ?? '', applicant,
        // the declaration is the citizen's own tick: without it the API refuses (90-1(2))
        citizen: (form.citizenYes ?? false) as true,
      });
      navigate(`/petitions/${filed.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <p className="crumbs">
        <Link href="/petitions">{t('petition.listTitle')}</Link>
      </p>
      <h1>{t('petition.newTitle')}</h1>
      <p>{t('petition.newLead')}</p>
      <p className="cite">APC 90-1, 90-2(2)</p>
      <ErrorBox error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('petition.body') + ' *'} error={fieldError(error, 'bodyId')}>
          {(p) => (
            <select {...p} name="bodyId" required value={form.bodyId ?? ''} onChange={(e) => set({ bodyId: e.target.value })}>
              <option value="">{t('field.choose')}</option>
              {bodies
                .filter((b) => b.active)
                .map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name[lang]}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('petition.titleField') + ' *'} error={fieldError(error, 'title')}>
          {(p) => <input {...p} name="title" required value={form.title ?? ''} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field label={t('petition.content') + ' *'} error={fieldError(error, 'content')} hint="APC 90-2(2)(4)">
          {(p) => <textarea {...p} name="content" required rows={6} value={form.content ?? ''} onChange={(e) => set({ content: e.target.value })} />}
        </Field>
        <Field label={t('petition.proposals') + ' *'} error={fieldError(error, 'proposals')}>
          {(p) => <textarea {...p} name="proposals" required rows={4} value={form.proposals ?? ''} onChange={(e) => set({ proposals: e.target.value })} />}
        </Field>
        <fieldset>
          <legend>{t('complaint.aboutYou')}</legend>
          <Field label={t('file.name') + ' *'} error={fieldError(error, 'applicant.name')}>
            {(p) => <input {...p} autoComplete="name" value={applicant.name} onChange={(e) => setPerson({ name: e.target.value })} />}
          </Field>
          <Field label={t('petition.iin') + ' *'} error={fieldError(error, 'applicant.iin')}>
            {(p) => <input {...p} inputMode="numeric" value={applicant.iin} onChange={(e) => setPerson({ iin: e.target.value })} />}
          </Field>
          <Field label={t('petition.residence') + ' *'} error={fieldError(error, 'applicant.residence')}>
            {(p) => <input {...p} name="residence" value={applicant.residence} onChange={(e) => setPerson({ residence: e.target.value })} />}
          </Field>
          <Field label={t('signin.email') + ' *'} error={fieldError(error, 'applicant.email')}>
            {(p) => <input {...p} type="email" autoComplete="email" value={applicant.email} onChange={(e) => setPerson({ email: e.target.value })} />}
          </Field>
        </fieldset>
        <div className={fieldError(error, 'citizen') ? 'field check invalid' : 'field check'}>
          <label>
            <input type="checkbox" name="citizen" checked={form.citizenYes ?? false} onChange={(e) => set({ citizenYes: e.target.checked })} /> {t('petition.citizen')}
          </label>
          {fieldError(error, 'citizen') && <p className="error">{fieldError(error, 'citizen')}</p>}
        </div>
        <button type="submit" disabled={busy}>
          {t('petition.submit')}
        </button>
      </form>
    </div>
  );
}

export default function Petitions({ view, id }: { view: 'list' | 'page' | 'new'; id?: string }) {
  if (view === 'page' && id) return <PetitionPage id={id} />;
  if (view === 'new') return <NewPetition />;
  return <PetitionList />;
}
