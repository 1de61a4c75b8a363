/**
 * A complaint from the cabinet against the act on one's appeal, or against its deemed refusal (APC 91(1)–(2)),
 * filed with the body that decided (91(4)): never refused, a late one is only flagged (92(3)). The answer names
 * the registration, the review term (99) and what of 93(2) a defect notice may ask for.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Complaint as Filed, type ComplaintInput, type Lang } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

function Result({ complaint }: { complaint: Filed }) {
  const { t } = useTranslation();
  const { day } = useDates();
  return (
    <section className="result" aria-labelledby="complaint-done">
      <h2 id="complaint-done">{t('complaint.done')}</h2>
      <dl className="facts">
        <dt>{t('ticket.number')}</dt>
        <dd className="number" data-testid="complaint-number">
          {complaint.number}
        </dd>
        <dt>{t('ticket.registered')}</dt>
        <dd>{day(complaint.registeredOn)}</dd>
        <dt>{t('complaint.due')}</dt>
        <dd>
          {day(complaint.due)} <span className="cite">APC 99</span>
        </dd>
        <dt>{t('complaint.complainBy')}</dt>
        <dd>
          {day(complaint.complainBy)} <span className="cite">APC 92(1)</span>
          {complaint.late && <span className="tag">{t('complaint.late')}</span>}
        </dd>
      </dl>
      {complaint.executionSuspended && <p>{t('complaint.suspended')}</p>}
      {complaint.missing && complaint.missing.length > 0 && (
        <div className="note">
          <p>{t('complaint.missing')}</p>
          <ul>
            {complaint.missing.map((m) => (
              <li key={m.code}>
                {m.text} <span className="cite">{m.citation}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <Link className="button" href="/cabinet">
          {t('nav.cabinet')}
        </Link>
      </p>
    </section>
  );
}

export default function Complaint({ appealId }: { appealId: string }) {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  const { me } = useSession();
  const { query } = useLocation();
  const actId = query.get('act') ?? undefined;
  useEffect(() => {
    if (me === null) navigate(`/signin?next=${encodeURIComponent(`/appeals/${appealId}/complaint${location.search}`)}`, true);
  }, [me, appealId]);
  const loaded = useLoad(
    () => (me?.kind === 'applicant' ? Promise.all([api.appeal(appealId), api.actsOf(appealId), api.profile()]) : Promise.resolve(undefined)),
    [appealId, me?.id],
  );
  const [form, setForm] = useState<Partial<ComplaintInput> & { attachmentLines?: string }>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<Filed>();
  if (!loaded.data) return <Loading error={loaded.error} />;
  const [appeal, acts, profile] = loaded.data;
  const act = acts.find((a) => a.id === actId && a.state !== 'draft');
  const kind: ComplaintInput['challengedKind'] = act ? 'act' : 'deemed_refusal';
  const defaultSummary = act ? t('complaint.summaryAct', { number: act.number, date: act.adoptedOn ? day(act.adoptedOn) : '' }) : t('complaint.summaryDeemed', { number: appeal.number });
  const complainant = { kind: profile.kind, name: profile.name ?? '', iin: profile.iin ?? '', postalAddress: profile.postalAddress ?? '', actualAddress: '', ...form.complainant };
  const set = (patch: Partial<ComplaintInput> & { attachmentLines?: string }) => setForm((f) => ({ ...f, ...patch }));
  const setPerson = (patch: Partial<typeof complainant>) => set({ complainant: { ...complainant, ...patch } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const person = Object.fromEntries(Object.entries(complainant).filter(([, v]) => v !== '')) as ComplaintInput['complainant'];
    try {
      setFiled(
        await api.fileComplaint({
          appealId,
          ...(act ? { actId: act.id } : {}),
          challengedKind: kind,
          challengedSummary: form.challengedSummary ?? defaultSummary,
          circumstances: form.circumstances ?? '',
          ...(form.demands ? { demands: form.demands } : {}),
          // an empty list says "nothing attached" (93(2)(8)), so no defect is reported for it
          attachments: (form.attachmentLines ?? '').split('\n').map((x) => x.trim()).filter(Boolean),
          complainant: person,
          language: i18n.language as Lang,
          ...(form.learnedOn ? { learnedOn: form.learnedOn } : {}),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <p className="crumbs">
        <Link href={`/appeals/${appeal.id}`}>
          {t('case.title')} {appeal.number}
        </Link>
      </p>
      <h1>{t('complaint.title')}</h1>
      {filed ? (
        <Result complaint={filed} />
      ) : (
        <>
          <p>{t(kind === 'act' ? 'complaint.leadAct' : 'complaint.leadDeemed')}</p>
          <p className="cite">{kind === 'act' ? 'APC 91(1), 91(4), 93' : 'APC 91(2), 91(4), 93'}</p>
          <ErrorBox error={error} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field label={t('complaint.challenged') + ' *'} error={fieldError(error, 'challengedSummary')}>
              {(p) => <input {...p} required value={form.challengedSummary ?? defaultSummary} onChange={(e) => set({ challengedSummary: e.target.value })} />}
            </Field>
            <Field label={t('complaint.circumstances') + ' *'} error={fieldError(error, 'circumstances')} hint={t('complaint.circumstancesHint')}>
              {(p) => <textarea {...p} required rows={6} value={form.circumstances ?? ''} onChange={(e) => set({ circumstances: e.target.value })} />}
            </Field>
            <Field label={t('complaint.demands')} error={fieldError(error, 'demands')}>
              {(p) => <textarea {...p} rows={3} value={form.demands ?? ''} onChange={(e) => set({ demands: e.target.value })} />}
            </Field>
            <Field label={t('complaint.attachments')} error={fieldError(error, 'attachments')} hint={t('field.linesHint')}>
              {(p) => <textarea {...p} rows={2} value={form.attachmentLines ?? ''} onChange={(e) => set({ attachmentLines: e.target.value })} />}
            </Field>
            <Field label={t('complaint.learnedOn')} error={fieldError(error, 'learnedOn')} hint={t('complaint.learnedOnHint')}>
              {(p) => <input {...p} type="date" value={form.learnedOn ?? ''} onChange={(e) => set({ learnedOn: e.target.value })} />}
            </Field>
            <fieldset>
              <legend>{t('complaint.aboutYou')}</legend>
              <Field label={t('file.name')} error={fieldError(error, 'complainant.name')}>
                {(p) => <input {...p} autoComplete="name" value={complainant.name} onChange={(e) => setPerson({ name: e.target.value })} />}
              </Field>
              <Field label={t('register.iin')} error={fieldError(error, 'complainant.iin')}>
                {(p) => <input {...p} inputMode="numeric" value={complainant.iin} onChange={(e) => setPerson({ iin: e.target.value })} />}
              </Field>
              <Field label={t('file.postalAddress')} error={fieldError(error, 'complainant.postalAddress')}>
                {(p) => <input {...p} autoComplete="street-address" value={complainant.postalAddress} onChange={(e) => setPerson({ postalAddress: e.target.value })} />}
              </Field>
              <Field label={t('complaint.actualAddress')} error={fieldError(error, 'complainant.actualAddress')} hint="APC 93(2)(3)">
                {(p) => <input {...p} value={complainant.actualAddress} onChange={(e) => setPerson({ actualAddress: e.target.value })} />}
              </Field>
            </fieldset>
            <button type="submit" disabled={busy}>
              {t('complaint.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
