/**
 * A complaint about a public service (LSS 25) from the cabinet: to the provider or the State Corporation (5 working
 * days, from registration) or to the authorised body for quality assessment (15); one that is in truth against an
 * administrative act goes the APC way (25(1); APC 91). The answer names the registration and the term with how it
 * was counted; the complaint's page follows it: state, term (as extended under 25(4)), the decision, the timeline.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type ServiceComplaintAddressee, type ServiceComplaintCase, type ServiceComplaintInput } from '../api.ts';
import { Terms, type TermRow } from '../components/Terms.tsx';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { providersOf } from './Services.tsx';

export const SERVICE_COMPLAINT_OPEN = ['registered'];

/** The complaint's terms, the main one with the steps the API counted (so an extended due date is explained too). */
export function complaintTerms(c: ServiceComplaintCase): TermRow[] {
  return c.deadlines.map((d) => (d.term === c.term ? { ...d, due: c.due, open: d.open && SERVICE_COMPLAINT_OPEN.includes(c.state), steps: c.dueExplanation } : d));
}

function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return <span className={`badge s-${state === 'routed_to_apc' ? 'redirected' : state}`}>{t(`serviceComplaint.state.${state}`, { defaultValue: state })}</span>;
}

function Result({ c }: { c: ServiceComplaintCase }) {
  const { t } = useTranslation();
  const { day } = useDates();
  return (
    <section className="result" aria-labelledby="service-complaint-done">
      <h2 id="service-complaint-done">{t('serviceComplaint.done')}</h2>
      <dl className="facts">
        <dt>{t('ticket.number')}</dt>
        <dd className="number" data-testid="service-complaint-number">
          {c.number}
        </dd>
        <dt>{t('ticket.registered')}</dt>
        <dd>{day(c.registeredOn)}</dd>
        <dt>{t('serviceComplaint.due')}</dt>
        <dd>
          {day(c.due)} <span className="cite">{c.citation}</span>
        </dd>
      </dl>
      {c.message && <p className="note">{c.message}</p>}
      <h3>{t('case.terms')}</h3>
      <Terms deadlines={complaintTerms(c)} />
      <p className="links">
        <Link className="button" href={`/service-complaints/${c.id}`}>
          {t('serviceComplaint.open')}
        </Link>
        <Link className="button secondary" href="/cabinet">
          {t('nav.cabinet')}
        </Link>
      </p>
    </section>
  );
}

const ADDRESSEES: ServiceComplaintAddressee[] = ['provider', 'state_corporation', 'authorized_body'];

function NewComplaint({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate(`/signin?next=${encodeURIComponent(`/services/${code}/complaint`)}`, true);
  }, [me, code]);
  const loaded = useLoad(() => (me?.kind === 'applicant' ? Promise.all([api.service(code), api.bodies(), api.profile()]) : Promise.resolve(undefined)), [code, me?.id, lang]);
  const [form, setForm] = useState<Partial<ServiceComplaintInput>>({});
  const [person, setPerson] = useState<Partial<ServiceComplaintInput['complainant']>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<ServiceComplaintCase>();
  if (!loaded.data) return <Loading error={loaded.error} />;
  const [service, bodies, profile] = loaded.data;
  const providers = providersOf(service, bodies);
  // the State Corporation answers for a service that goes through it (LSS 25(2) ¶1)
  const addressees = ADDRESSEES.filter((a) => a !== 'state_corporation' || service.channels.some((c) => c.code === 'state_corporation'));
  const addressee = form.addressee ?? 'provider';
  const provider = form.providerBodyId ?? (providers.length === 1 ? providers[0]!.id : '');
  const complainant = { kind: profile.kind, name: profile.name ?? '', iin: profile.iin ?? '', postalAddress: profile.postalAddress ?? '', email: profile.email ?? '', ...person };
  const set = (patch: Partial<ServiceComplaintInput>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const who = Object.fromEntries(Object.entries(complainant).filter(([, v]) => v !== '')) as ServiceComplaintInput['complainant'];
    try {
      setFiled(
        await api.fileServiceComplaint({
          serviceCode: service.code,
          addressee,
          // to the provider: the provider receives it; elsewhere the provider complained about is named beside it
          ...(addressee === 'provider' ? { bodyId: provider } : provider ? { providerBodyId: provider } : {}),
          subject: form.subject ?? 'quality',
          ...(form.receiptRef?.trim() ? { receiptRef: form.receiptRef.trim() } : {}),
          essence: form.essence ?? '',
          ...(form.demands?.trim() ? { demands: form.demands.trim() } : {}),
          complainant: who,
          language: lang,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const providerError = fieldError(error, addressee === 'provider' ? 'bodyId' : 'providerBodyId');
  return (
    <div className="narrow">
      <p className="crumbs">
        <Link href={`/services/${service.code}`}>{service.name[lang]}</Link>
      </p>
      <h1>{t('serviceComplaint.title')}</h1>
      {filed ? (
        <Result c={filed} />
      ) : (
        <>
          <p>{t('serviceComplaint.lead')}</p>
          <p className="cite">LSS 25(1)–(2)</p>
          <ErrorBox error={error} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <fieldset>
              <legend>{t('serviceComplaint.addressee')}</legend>
              {addressees.map((a) => (
                <label key={a} className="choice">
                  <input type="radio" name="addressee" value={a} checked={addressee === a} onChange={() => set({ addressee: a })} />
                  <span>
                    {t(`serviceComplaint.to.${a}`)}
                    <span className="hint name-line">{t(`serviceComplaint.toHint.${a}`)}</span>
                  </span>
                </label>
              ))}
              {fieldError(error, 'addressee') && <p className="error">{fieldError(error, 'addressee')}</p>}
            </fieldset>
            <Field label={t(addressee === 'provider' ? 'serviceComplaint.provider' : 'serviceComplaint.providerAbout') + (addressee === 'provider' ? ' *' : '')} error={providerError}>
              {(p) => (
                <select {...p} required={addressee === 'provider'} value={provider} onChange={(e) => set({ providerBodyId: e.target.value })}>
                  <option value="">{t('field.choose')}</option>
                  {providers.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name[lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset>
              <legend>{t('serviceComplaint.subject')}</legend>
              {(['quality', 'administrative_act'] as const).map((x) => (
                <label key={x} className="choice">
                  <input type="radio" name="subject" value={x} checked={(form.subject ?? 'quality') === x} onChange={() => set({ subject: x })} /> <span>{t(`serviceComplaint.subjects.${x}`)}</span>
                </label>
              ))}
            </fieldset>
            <Field label={t('services.receiptRef')} hint={t('services.receiptHint')} error={fieldError(error, 'receiptRef')}>
              {(p) => <input {...p} value={form.receiptRef ?? ''} onChange={(e) => set({ receiptRef: e.target.value })} />}
            </Field>
            <Field label={t('serviceComplaint.essence') + ' *'} hint={t('serviceComplaint.essenceHint')} error={fieldError(error, 'essence')}>
              {(p) => <textarea {...p} required rows={6} value={form.essence ?? ''} onChange={(e) => set({ essence: e.target.value })} />}
            </Field>
            <Field label={t('complaint.demands')} error={fieldError(error, 'demands')}>
              {(p) => <textarea {...p} rows={3} value={form.demands ?? ''} onChange={(e) => set({ demands: e.target.value })} />}
            </Field>
            <fieldset>
              <legend>{t('complaint.aboutYou')}</legend>
              <Field label={t('file.name') + ' *'} error={fieldError(error, 'complainant.name')}>
                {(p) => <input {...p} autoComplete="name" value={complainant.name} onChange={(e) => setPerson({ ...person, name: e.target.value })} />}
              </Field>
              <Field label={t('register.iin')} error={fieldError(error, 'complainant.iin')}>
                {(p) => <input {...p} inputMode="numeric" value={complainant.iin} onChange={(e) => setPerson({ ...person, iin: e.target.value })} />}
              </Field>
              <Field label={t('file.postalAddress')} error={fieldError(error, 'complainant.postalAddress')}>
                {(p) => <input {...p} autoComplete="street-address" value={complainant.postalAddress} onChange={(e) => setPerson({ ...person, postalAddress: e.target.value })} />}
              </Field>
              <Field label={t('signin.email')} error={fieldError(error, 'complainant.email')}>
                {(p) => <input {...p} type="email" autoComplete="email" value={complainant.email} onChange={(e) => setPerson({ ...person, email: e.target.value })} />}
              </Field>
            </fieldset>
            <button type="submit" disabled={busy}>
              {t('serviceComplaint.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

function ComplaintPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { day, time } = useDates();
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate(`/signin?next=${encodeURIComponent(`/service-complaints/${id}`)}`, true);
  }, [me, id]);
  const c = useLoad(() => (me ? api.serviceComplaint(id) : Promise.resolve(undefined)), [id, me?.id, i18n.language]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!c.data) return <Loading error={c.error} />;
  const x = c.data;
  const d = x.decision;
  const withdraw = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.serviceComplaintAct(x, { action: 'withdraw' });
      c.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <p className="crumbs">
        <Link href="/cabinet">{t('nav.cabinet')}</Link>
      </p>
      <h1>
        {t('serviceComplaint.pageTitle')} {x.number}
      </h1>
      <div className="meta status-line">
        <StateBadge state={x.state} />
        {x.overdue && <span className="count late">{t('serviceComplaint.overdue')}</span>}
      </div>
      {x.message && <p className="note">{x.message}</p>}
      <dl className="facts">
        <dt>{t('serviceComplaint.service')}</dt>
        <dd>
          <Link href={`/services/${x.serviceCode}`}>{x.serviceName}</Link> <span className="number">{x.serviceCode}</span>
        </dd>
        <dt>{t('serviceComplaint.addressee')}</dt>
        <dd>{t(`serviceComplaint.to.${x.addressee}`)}</dd>
        <dt>{t('ticket.registered')}</dt>
        <dd>{day(x.registeredOn)}</dd>
        <dt>{t('serviceComplaint.due')}</dt>
        <dd>
          {day(x.due)} <span className="cite">{x.citation}</span>
          {x.extendedDays > 0 && <span className="tag">{t('serviceComplaint.extended', { count: x.extendedDays })}</span>}
        </dd>
        {x.receiptRef && (
          <>
            <dt>{t('services.receiptRef')}</dt>
            <dd>{x.receiptRef}</dd>
          </>
        )}
      </dl>
      {d && x.state === 'decided' && (
        <section aria-labelledby="sc-decision" className="result" data-testid="service-complaint-decision">
          <h2 id="sc-decision">{t('serviceComplaint.decision')}</h2>
          <p>
            <strong>{t(`serviceComplaint.outcome.${d.outcome}`, { defaultValue: d.outcome ?? '' })}</strong> {d.citation && <span className="cite">{d.citation}</span>}
          </p>
          {d.decidedOn && (
            <p>
              {t('serviceComplaint.decidedOn')}: {day(d.decidedOn)}
            </p>
          )}
          {d.reasons && (
            <>
              <h3>{t('serviceComplaint.reasons')}</h3>
              <p className="pre">{d.reasons}</p>
            </>
          )}
          {d.measures && (
            <>
              <h3>{t('serviceComplaint.measures')}</h3>
              <p className="pre">{d.measures}</p>
            </>
          )}
        </section>
      )}
      <section aria-labelledby="sc-terms">
        <h2 id="sc-terms">{t('case.terms')}</h2>
        <Terms deadlines={complaintTerms(x)} />
      </section>
      <section aria-labelledby="sc-essence">
        <h2 id="sc-essence">{t('serviceComplaint.essence')}</h2>
        <p className="pre essence">{x.essence}</p>
        {x.demands && <p className="pre">{x.demands}</p>}
      </section>
      {x.actions.some((a) => a.action === 'withdraw') && (
        <section aria-labelledby="sc-actions">
          <h2 id="sc-actions">{t('case.actions')}</h2>
          <ErrorBox error={error} />
          <button type="button" className="secondary" disabled={busy} onClick={() => void withdraw()}>
            {t('serviceComplaint.withdraw')}
          </button>
        </section>
      )}
      {me?.kind === 'applicant' && (
        <p>
          <Link href={`/services/${x.serviceCode}#rate`}>{t('services.rate')}</Link>
        </p>
      )}
      <section aria-labelledby="sc-timeline">
        <h2 id="sc-timeline">{t('case.timeline')}</h2>
        <ol className="timeline">
          {x.timeline.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{time(e.at)}</time>
              <p>
                {t(`serviceComplaint.event.${e.action}`, { defaultValue: e.action })} {e.citation && <span className="cite">{e.citation}</span>}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export default function ServiceComplaint({ code, id }: { code?: string; id?: string }) {
  if (id) return <ComplaintPage id={id} />;
  return <NewComplaint code={code!} />;
}
