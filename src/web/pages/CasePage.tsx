/**
 * One case: status, terms with their countdown and explanation, the whole timeline, parties, documents, notices,
 * and only the steps the lifecycle and the user's role allow now (the API's `actions`).
 */
import { useTranslation } from 'react-i18next';
import { api, type AppealControl, type Case, type TimelineEvent } from '../api.ts';
import { Actions, stepKey } from '../components/ActionForm.tsx';
import { ActPanel } from '../components/ActPanel.tsx';
import { Terms } from '../components/Terms.tsx';
import { Countdown, Loading, StateBadge, useDates, useLoad } from '../components/ui.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { NoticeList } from './Cabinet.tsx';

const CLOSED = ['decided', 'closed', 'redirected', 'returned', 'withdrawn', 'terminated', 'answered', 'noted'];

function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const { time } = useDates();
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{time(e.at)}</time>
          <div>
            <strong>{t(stepKey('event', e.action), { defaultValue: t(stepKey('action', e.action), { defaultValue: e.action }) })}</strong>
            {e.citation && <span className="cite"> {e.citation}</span>}
            {e.state && (
              <>
                {' '}
                → <StateBadge state={e.state} />
              </>
            )}
            <div className="muted">{t(`actor.${e.actor.split(':')[0]}`, { defaultValue: e.actor.split(':')[0] })}</div>
            {typeof e.details.reasons === 'string' && <p className="pre">{e.details.reasons}</p>}
            {typeof e.details.text === 'string' && <p className="pre">{e.details.text}</p>}
            {Array.isArray(e.details.issues) && (
              <ul>
                {(e.details.issues as string[]).map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** REG p.5(4)-(5): the control of the answer: its state, every answer version, and the reviews with their issues. */
function Control({ control }: { control: AppealControl }) {
  const { t } = useTranslation();
  const { time } = useDates();
  return (
    <section aria-labelledby="control" className="control">
      <h2 id="control">
        {t('appealControl.panel.title')} <span className="cite">REG p.5(4)-(5)</span>
      </h2>
      <dl className="facts">
        {control.status && (
          <>
            <dt>{t('inbox.state')}</dt>
            <dd>
              <span className="tag">{t(`appealControl.status.${control.status}`)}</span>
            </dd>
          </>
        )}
        {control.reason && (
          <>
            <dt>{t('appealControl.panel.reason')}</dt>
            <dd>{control.reason}</dd>
          </>
        )}
        <dt>{t('appealControl.panel.reworkCount')}</dt>
        <dd>{control.reworkCount}</dd>
      </dl>
      <h3>{t('appealControl.panel.versions')}</h3>
      <ol className="plain-list">
        {control.versions.map((v) => (
          <li key={v.n}>
            <strong>{t('appealControl.panel.version', { n: v.n })}</strong> — {t(`appealControl.panel.kind.${v.kind}`, { defaultValue: v.kind })}, <time dateTime={v.at}>{time(v.at)}</time>
            {v.actNumber && <> · {t('appealControl.panel.actNumber', { number: v.actNumber })}</>}
            {v.outcome && <> · {t(`option.outcome.${v.outcome}`, { defaultValue: v.outcome })}</>}
            {v.text && <p className="pre">{v.text}</p>}
          </li>
        ))}
      </ol>
      <h3>{t('appealControl.panel.reviews')}</h3>
      <ol className="plain-list">
        {control.reviews.map((r, i) => (
          <li key={i}>
            <strong>{t(`appealControl.panel.result.${r.result}`)}</strong>
            {r.version !== null && <> · {t('appealControl.panel.version', { n: r.version })}</>} · <time dateTime={r.at}>{time(r.at)}</time>
            {r.assessment && (
              <div className="muted">
                {Object.entries(r.assessment)
                  .map(([k, met]) => `${t(`appealControl.panel.criteria.${k}`, { defaultValue: k })}: ${met ? t('appealControl.panel.met') : t('appealControl.panel.notMet')}`)
                  .join('; ')}
              </div>
            )}
            {r.issues.length > 0 && (
              <ul>
                {r.issues.map((x, j) => (
                  <li key={j}>{x}</li>
                ))}
              </ul>
            )}
            {r.note && <p className="pre">{r.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Decision({ decision }: { decision: unknown }) {
  const { t } = useTranslation();
  if (!decision || typeof decision !== 'object') return null;
  const d = decision as { outcome?: string; reasons?: string; favourable?: boolean };
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{t('case.decision')}</h2>
      {d.outcome && <p>{t(`option.outcome.${d.outcome}`, { defaultValue: d.outcome })}</p>}
      {d.reasons && <p className="pre">{d.reasons}</p>}
    </section>
  );
}

export default function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { day, time } = useDates();
  const { me } = useSession();
  const c = useLoad(() => api.appeal(id), [id], `/api/v1/appeals/${encodeURIComponent(id)}`);
  const files = useLoad(() => api.files(id).catch(() => []), [id, c.data?.version]);
  if (!c.data) return <Loading error={c.error} />;
  const a: Case = c.data;
  const open = !CLOSED.includes(a.state);
  return (
    <div className="case">
      <p className="crumbs">
        <Link href={me?.kind === 'official' ? '/staff' : '/cabinet'}>{me?.kind === 'official' ? t('nav.inbox') : t('nav.cabinet')}</Link>
      </p>
      <h1>
        {t('case.title')} <span className="number">{a.number}</span>
      </h1>
      <div className="status-line">
        <StateBadge state={a.state} /> <span>{t(`appealType.${a.type}`)}</span> <span>{t(`channel.${a.channel}`, { defaultValue: a.channel })}</span>
      </div>
      <div className="grid">
        <div className="col">
          <section aria-labelledby="summary">
            <h2 id="summary">{a.summary || t('case.essence')}</h2>
            <p className="pre essence">{a.essence}</p>
            <dl className="facts">
              <dt>{t('ticket.received')}</dt>
              <dd>{time(a.receivedAt)}</dd>
              <dt>{t('ticket.registered')}</dt>
              <dd>{day(a.registeredOn)}</dd>
              <dt>{t('ticket.acceptedBy')}</dt>
              <dd>{a.acceptedBy}</dd>
              <dt>{t('case.due')}</dt>
              <dd>
                {day(a.due)} <Countdown due={a.due} open={open} /> {a.extended && <span className="tag">{t('case.extended')}</span>}
              </dd>
              {a.preliminaryDecisionBy && me?.kind === 'official' && (
                <>
                  <dt>{t('case.preliminaryBy')}</dt>
                  <dd>
                    {day(a.preliminaryDecisionBy)} <Countdown due={a.preliminaryDecisionBy} /> <span className="cite">APC 73(1)</span>
                  </dd>
                </>
              )}
              {a.deemedRefusedOn && (
                <>
                  <dt>{t('case.deemedRefused')}</dt>
                  <dd>
                    {day(a.deemedRefusedOn)} <span className="cite">APC 91(2)</span>
                    {me?.kind === 'applicant' && (
                      <div>
                        <Link href={`/appeals/${a.id}/complaint?kind=deemed_refusal`}>{t('complaint.file')}</Link>
                      </div>
                    )}
                  </dd>
                </>
              )}
            </dl>
          </section>
          <Decision decision={a.decision} />
          {a.control && <Control control={a.control} />}
          <ActPanel appeal={a} onChanged={() => c.reload()} />
          <section aria-labelledby="terms">
            <h2 id="terms">{t('case.terms')}</h2>
            <Terms deadlines={a.deadlines} />
          </section>
          <section aria-labelledby="actions">
            <h2 id="actions">{t('case.actions')}</h2>
            <Actions appeal={a} onChanged={() => c.reload()} />
          </section>
          <section aria-labelledby="timeline">
            <h2 id="timeline">{t('case.timeline')}</h2>
            <Timeline events={a.timeline} />
          </section>
        </div>
        <div className="col side">
          <section aria-labelledby="parties">
            <h2 id="parties">{t('case.parties')}</h2>
            <dl className="facts">
              <dt>{t('case.applicant')}</dt>
              <dd>
                {a.applicant.name ?? t('case.anonymous')}
                {a.applicant.email && <div className="muted">{a.applicant.email}</div>}
              </dd>
              {a.parties.map((p, i) => (
                <div key={i} className="party">
                  <dt>{t(`party.${String(p.kind)}`, { defaultValue: String(p.kind) })}</dt>
                  <dd>{String(p.name ?? '')}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="files">
            <h2 id="files">{t('case.files')}</h2>
            {files.data && files.data.length ? (
              <ul>
                {files.data.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/v1/appeals/${a.id}/files/${f.id}`} download>
                      {f.name}
                    </a>{' '}
                    <span className="muted">{Math.ceil(f.size / 1024)} KB</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('case.noFiles')}</p>
            )}
          </section>
          {me?.kind === 'applicant' && (
            <section aria-labelledby="case-notices">
              <h2 id="case-notices">{t('cabinet.notices')}</h2>
              <NoticeList recipientId={me.id} subjectId={a.id} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
