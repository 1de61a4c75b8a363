/**
 * The desk for complaints about public services (docs/workspace.md; service_complaint.consider): the body's
 * complaints with their term and the overdue ones first (LSS 25(2)); a complaint with its term and how it was counted,
 * and the steps the API offers this official now: decide (25(2), 5(2)(7), 5(2)(9)), extend by the head or a deputy on
 * a ground of 25(4) — the complainant is told — and route to the APC path when it is in truth against an act (25(1);
 * APC 91). Refusals stand next to the fields.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ServiceComplaint, type ServiceComplaintCase } from '../api.ts';
import { Terms } from '../components/Terms.tsx';
import { Countdown, ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { can, useSession } from '../session.tsx';
import { SERVICE_COMPLAINT_OPEN, complaintTerms } from './ServiceComplaint.tsx';

/** LSS 25(2), 5(2)(7): the decisions (SERVICE_COMPLAINT_OUTCOMES). */
const OUTCOMES = ['satisfied', 'refused'];

function Badge({ state }: { state: string }) {
  const { t } = useTranslation();
  return <span className={`badge s-${state === 'routed_to_apc' ? 'redirected' : state}`}>{t(`serviceComplaint.state.${state}`, { defaultValue: state })}</span>;
}

function useStaff(next: string) {
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate(`/staff/signin?next=${encodeURIComponent(next)}`, true);
  }, [me, next]);
  return me;
}

function Desk() {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  const me = useStaff('/staff/service-complaints');
  const [view, setView] = useState<'open' | 'overdue' | 'all'>('open');
  const list = useLoad(() => (me ? api.serviceComplaintsAt(view === 'overdue' ? { overdue: true } : view === 'open' ? { state: 'registered' } : {}) : Promise.resolve(undefined)), [view, me?.id, i18n.language]);
  if (!me) return <Loading />;
  if (!can(me, 'service_complaint.consider')) return <p>{t('admin.nothing')}</p>;
  const items: ServiceComplaint[] = list.data ?? [];
  return (
    <div>
      <h1>{t('workspace.sc.title')}</h1>
      <p className="muted">{t('workspace.sc.lead')}</p>
      <div className="tabs" role="group" aria-label={t('workspace.sc.views')}>
        {(['open', 'overdue', 'all'] as const).map((v) => (
          <button key={v} type="button" className="secondary" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`workspace.sc.view.${v}`)}
          </button>
        ))}
      </div>
      {!list.data ? (
        <Loading error={list.error} />
      ) : items.length === 0 ? (
        <p>{t('workspace.sc.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="worklist" data-testid="service-complaints-desk">
            <thead>
              <tr>
                <th scope="col">{t('ticket.number')}</th>
                <th scope="col">{t('serviceComplaint.service')}</th>
                <th scope="col">{t('ticket.registered')}</th>
                <th scope="col">{t('serviceComplaint.due')}</th>
                <th scope="col">{t('inbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {[...items]
                .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due))
                .map((c) => (
                  <tr key={c.id} className={c.overdue ? 'overdue' : undefined}>
                    <th scope="row">
                      <Link href={`/staff/service-complaints/${c.id}`} className="case-link">
                        {c.number}
                      </Link>
                    </th>
                    <td className="wrap">{c.serviceName}</td>
                    <td>{day(c.registeredOn)}</td>
                    <td>
                      {day(c.due)} <Countdown due={c.due} open={SERVICE_COMPLAINT_OPEN.includes(c.state)} />
                      {c.extendedDays > 0 && <span className="tag">{t('serviceComplaint.extended', { count: c.extendedDays })}</span>}
                    </td>
                    <td>
                      <Badge state={c.state} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { day, time } = useDates();
  const me = useStaff(`/staff/service-complaints/${id}`);
  const c = useLoad(() => (me ? api.serviceComplaint(id) : Promise.resolve(undefined)), [id, me?.id, i18n.language]);
  if (!c.data) return <Loading error={c.error} />;
  const x = c.data;
  const d = x.decision;
  const person = x as ServiceComplaintCase & { complainant?: { name?: string; postalAddress?: string; email?: string } };
  return (
    <div className="narrow">
      <p className="crumbs">
        <Link href="/staff/service-complaints">{t('workspace.sc.title')}</Link>
      </p>
      <h1>
        {t('serviceComplaint.pageTitle')} {x.number}
      </h1>
      <div className="meta status-line">
        <Badge state={x.state} />
        {x.overdue && <span className="count late">{t('serviceComplaint.overdue')}</span>}
      </div>
      {x.message && <p className="note">{x.message}</p>}
      <dl className="facts">
        <dt>{t('serviceComplaint.service')}</dt>
        <dd>
          {x.serviceName} <span className="number">{x.serviceCode}</span>
        </dd>
        <dt>{t('serviceComplaint.addressee')}</dt>
        <dd>{t(`serviceComplaint.to.${x.addressee}`)}</dd>
        {person.complainant?.name && (
          <>
            <dt>{t('workspace.sc.complainant')}</dt>
            <dd>{person.complainant.name}</dd>
          </>
        )}
        <dt>{t('ticket.registered')}</dt>
        <dd>{day(x.registeredOn)}</dd>
        <dt>{t('serviceComplaint.due')}</dt>
        <dd data-testid="sc-due">
          {day(x.due)} <Countdown due={x.due} open={SERVICE_COMPLAINT_OPEN.includes(x.state)} /> <span className="cite">{x.citation}</span>
          {x.extendedDays > 0 && <span className="tag">{t('serviceComplaint.extended', { count: x.extendedDays })}</span>}
        </dd>
        {x.receiptRef && (
          <>
            <dt>{t('services.receiptRef')}</dt>
            <dd>{x.receiptRef}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="sc-essence">
        <h2 id="sc-essence">{t('serviceComplaint.essence')}</h2>
        <p className="pre essence">{x.essence}</p>
        {x.demands && <p className="pre">{x.demands}</p>}
      </section>
      {d && x.state !== 'registered' && (
        <section aria-labelledby="sc-decision" className="result" data-testid="service-complaint-decision">
          <h2 id="sc-decision">{t('serviceComplaint.decision')}</h2>
          <p>
            <strong>{t(d.outcome === 'routed_to_apc' ? 'serviceComplaint.state.routed_to_apc' : `serviceComplaint.outcome.${d.outcome}`, { defaultValue: d.outcome ?? '' })}</strong> {d.citation && <span className="cite">{d.citation}</span>}
            {d.apcNumber && <span className="number"> {d.apcNumber}</span>}
          </p>
          {d.decidedOn && (
            <p>
              {t('serviceComplaint.decidedOn')}: {day(d.decidedOn)}
            </p>
          )}
          {d.reasons && <p className="pre">{d.reasons}</p>}
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
      <Steps complaint={x} onDone={c.reload} />
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

/** The steps open now (the API's `actions`), each a form of its own; withdrawing is the complainant's. */
function Steps({ complaint, onDone }: { complaint: ServiceComplaintCase; onDone: () => void }) {
  const { t } = useTranslation();
  const open = complaint.actions.filter((a) => a.action !== 'withdraw');
  const [chosen, setChosen] = useState<string>();
  const [form, setForm] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (open.length === 0) return null;
  const step = open.find((a) => a.action === chosen);
  const set = (k: string, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!step) return;
    setBusy(true);
    setError(undefined);
    const input: Record<string, unknown> =
      step.action === 'decide'
        ? { action: 'decide', outcome: form.outcome ?? 'satisfied', reasons: form.reasons ?? '', ...(form.measures?.trim() ? { measures: form.measures } : {}) }
        : step.action === 'extend'
          ? { action: 'extend', ground: form.ground ?? complaint.extension.grounds[0]?.code, days: Number(form.days || 0), reasons: form.reasons ?? '' }
          : { action: 'route_to_apc', challengedSummary: form.challengedSummary ?? '', ...(form.learnedOn ? { learnedOn: form.learnedOn } : {}) };
    try {
      await api.serviceComplaintAct(complaint, input);
      setChosen(undefined);
      setForm({});
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => fieldError(error, f);
  return (
    <section aria-labelledby="sc-actions">
      <h2 id="sc-actions">{t('case.actions')}</h2>
      <div className="buttons">
        {open.map((a) => (
          <button key={a.action} type="button" className={chosen === a.action ? undefined : 'secondary'} aria-expanded={chosen === a.action} aria-controls="sc-step" data-action={a.action} onClick={() => (setChosen(chosen === a.action ? undefined : a.action), setError(undefined))}>
            {t(`workspace.sc.action.${a.action}`, { defaultValue: a.action })}
          </button>
        ))}
      </div>
      <div id="sc-step">
        {step && (
          <form onSubmit={(e) => void submit(e)} noValidate className="card plain">
            <h3>
              {t(`workspace.sc.action.${step.action}`)} <span className="cite">{step.citation}</span>
            </h3>
            <p className="hint">{t(`workspace.sc.help.${step.action}`)}</p>
            <ErrorBox error={error} />
            {step.action === 'decide' && (
              <>
                <fieldset>
                  <legend>{t('serviceComplaint.decision')}</legend>
                  {OUTCOMES.map((o) => (
                    <div key={o} className="field check">
                      <label>
                        <input type="radio" name="outcome" value={o} checked={(form.outcome ?? 'satisfied') === o} onChange={() => set('outcome', o)} /> {t(`serviceComplaint.outcome.${o}`)}
                      </label>
                    </div>
                  ))}
                </fieldset>
                <Field label={t('serviceComplaint.reasons')} error={err('reasons')}>
                  {(p) => <textarea {...p} rows={5} value={form.reasons ?? ''} onChange={(e) => set('reasons', e.target.value)} />}
                </Field>
                <Field label={t('serviceComplaint.measures')} hint={t('workspace.sc.measuresHint')} error={err('measures')}>
                  {(p) => <textarea {...p} rows={3} value={form.measures ?? ''} onChange={(e) => set('measures', e.target.value)} />}
                </Field>
              </>
            )}
            {step.action === 'extend' && (
              <>
                <Field label={t('workspace.sc.ground')} error={err('ground')}>
                  {(p) => (
                    <select {...p} value={form.ground ?? complaint.extension.grounds[0]?.code} onChange={(e) => set('ground', e.target.value)}>
                      {complaint.extension.grounds.map((g) => (
                        <option key={g.code} value={g.code}>
                          {g.text} ({g.citation})
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('workspace.sc.days')} hint={t('workspace.sc.daysHint', { max: complaint.extension.maxWorkingDays, used: complaint.extendedDays })} error={err('days')}>
                  {(p) => <input {...p} type="number" inputMode="numeric" min={1} max={complaint.extension.maxWorkingDays - complaint.extendedDays} value={form.days ?? ''} onChange={(e) => set('days', e.target.value)} />}
                </Field>
                <Field label={t('serviceComplaint.reasons')} error={err('reasons')}>
                  {(p) => <textarea {...p} rows={4} value={form.reasons ?? ''} onChange={(e) => set('reasons', e.target.value)} />}
                </Field>
              </>
            )}
            {step.action === 'route_to_apc' && (
              <>
                <Field label={t('workspace.sc.challenged')} error={err('challengedSummary')}>
                  {(p) => <input {...p} value={form.challengedSummary ?? ''} onChange={(e) => set('challengedSummary', e.target.value)} />}
                </Field>
                <Field label={t('complaint.learnedOn')} hint={t('workspace.sc.learnedOnHint')} error={err('learnedOn')}>
                  {(p) => <input {...p} type="date" value={form.learnedOn ?? ''} onChange={(e) => set('learnedOn', e.target.value)} />}
                </Field>
              </>
            )}
            <div className="buttons">
              <button type="submit" disabled={busy}>
                {t('action.confirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setChosen(undefined)}>
                {t('action.cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}

export default function ServiceComplaintsDesk({ id }: { id?: string }) {
  return id ? <CasePage id={id} /> : <Desk />;
}
