/**
 * The officials' inbox: counters (new, mine, due in 3 working days, overdue), filters, search, the worklist, and for
 * a head or deputy (appeal.assign) bulk assignment: one `assign` step per chosen case, each on its own version, with
 * the outcome reported case by case (APC 44(2)). Appeals under control are marked, and an executor's answers
 * returned for rework have their own tab (REG p.5(4)-(5)).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Lang, type ListItem, type ListQuery, type Official } from '../api.ts';
import { Countdown, Loading, StateBadge, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { can, useSession } from '../session.tsx';

const STATES = ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified', 'decided', 'closed', 'redirected', 'returned', 'withdrawn', 'terminated', 'answered', 'noted'];
const TYPES = ['application', 'proposal', 'feedback', 'request', 'report'];
const OPEN = ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified'];
type View = NonNullable<ListQuery['view']>;
type Outcome = { id: string; number: string; ok: boolean; message?: string };

/** Assigns the chosen cases to an executor, one step per case; a refusal of one never stops the others. */
function BulkAssign({ chosen, officials, onDone }: { chosen: ListItem[]; officials: Official[]; onDone: (outcomes: Outcome[]) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [executorId, setExecutorId] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!executorId || chosen.length === 0) return;
    setBusy(true);
    const outcomes: Outcome[] = [];
    for (const a of chosen) {
      try {
        await api.act(a.id, a.version, { action: 'assign', executorId });
        outcomes.push({ id: a.id, number: a.number, ok: true });
      } catch (err) {
        const message = err instanceof ApiError ? [err.title, err.detail, err.citation].filter(Boolean).join(' — ') : t('error.network');
        outcomes.push({ id: a.id, number: a.number, ok: false, message });
      }
    }
    setBusy(false);
    onDone(outcomes);
  };
  return (
    <form className="bulk" onSubmit={(e) => void submit(e)} aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t('bulk.title')}</h2>
      <p className="muted" id="bulk-chosen">
        {t('bulk.chosen', { count: chosen.length })}
      </p>
      <div className="field">
        <label htmlFor="bulk-executor">{t('bulk.executor')}</label>
        <select id="bulk-executor" value={executorId} onChange={(e) => setExecutorId(e.target.value)}>
          <option value="">{t('bulk.choose')}</option>
          {officials.map((o) => (
            <option key={o.id} value={o.id}>
              {o.fullName}
              {o.appointments[0] ? ` — ${o.appointments[0].title[lang]}` : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy || !executorId || chosen.length === 0} aria-describedby="bulk-chosen">
        {busy ? t('app.loading') : t('bulk.assign')}
      </button>
    </form>
  );
}

function Outcomes({ outcomes }: { outcomes: Outcome[] }) {
  const { t } = useTranslation();
  const failed = outcomes.filter((o) => !o.ok).length;
  return (
    <section className={failed ? 'alert' : 'result'} aria-labelledby="bulk-result">
      <h2 id="bulk-result">{t('bulk.result', { ok: outcomes.length - failed, failed })}</h2>
      <ul className="plain-list outcomes">
        {outcomes.map((o) => (
          <li key={o.id} className={o.ok ? 'ok' : 'error'}>
            <Link href={`/appeals/${o.id}`}>{o.number}</Link>: {o.ok ? t('bulk.assigned') : `${t('bulk.failed')} ${o.message ?? ''}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Inbox() {
  const { t } = useTranslation();
  const { day } = useDates();
  const { me } = useSession();
  const [q, setQ] = useState<ListQuery>({ view: 'body', page: 1, pageSize: 50 });
  const [search, setSearch] = useState('');
  useEffect(() => {
    if (me === null) navigate('/staff/signin?next=/staff', true);
    if (me?.kind === 'applicant') navigate('/cabinet', true);
  }, [me]);
  const list = useLoad(() => (me?.kind === 'official' ? api.appeals(q) : Promise.resolve(undefined)), [me?.id, JSON.stringify(q)]);
  const canAssign = can(me, 'appeal.assign');
  const staff = useLoad(() => (canAssign && me?.bodyId ? api.officials(me.bodyId).catch(() => []) : Promise.resolve([])), [me?.id, canAssign]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<Outcome[]>();
  if (!me) return <Loading />;
  const selectable = (list.data?.items ?? []).filter((a) => OPEN.includes(a.state));
  const chosen = selectable.filter((a) => selected.has(a.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;
  const assigned = (done: Outcome[]) => {
    setOutcomes(done);
    setSelected(new Set(done.filter((o) => !o.ok).map((o) => o.id)));
    list.reload();
  };
  const counters = list.data?.counters;
  const tab = (view: View, state: string | undefined, label: string, n: number | undefined | null, control?: ListQuery['control']) => {
    const active = q.view === view && q.state === state && q.control === control;
    return (
      <li>
        <button type="button" className={active ? 'counter active' : 'counter'} aria-pressed={active} onClick={() => setQ({ ...q, view, page: 1, state, control })}>
          {n !== null && <span className="n">{n ?? '…'}</span>} <span>{label}</span>
        </button>
      </li>
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ({ ...q, q: search.trim() || undefined, page: 1 });
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / (q.pageSize ?? 50))) : 1;
  return (
    <div>
      <h1>{t('inbox.title')}</h1>
      <ul className="counters" aria-label={t('inbox.counters')}>
        {tab('body', 'registered', t('inbox.new'), counters?.new)}
        {tab('mine', undefined, t('inbox.mine'), counters?.mine)}
        {tab('due_soon', undefined, t('inbox.dueSoon'), counters?.dueSoon)}
        {tab('overdue', undefined, t('inbox.overdue'), counters?.overdue)}
        {!!counters?.returned && tab('mine', undefined, t('appealControl.inbox.returned'), counters.returned, 'returned')}
        {tab('body', undefined, t('inbox.all'), null)}
      </ul>
      <form className="filters" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="inbox-q">{t('inbox.search')}</label>
          <input id="inbox-q" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="inbox-state">{t('inbox.state')}</label>
          <select id="inbox-state" value={q.state ?? ''} onChange={(e) => setQ({ ...q, state: e.target.value || undefined, page: 1 })}>
            <option value="">{t('inbox.any')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-type">{t('inbox.type')}</label>
          <select id="inbox-type" value={q.type ?? ''} onChange={(e) => setQ({ ...q, type: e.target.value || undefined, page: 1 })}>
            <option value="">{t('inbox.any')}</option>
            {TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`appealType.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-control">{t('appealControl.inbox.control')}</label>
          <select id="inbox-control" value={q.control ?? ''} onChange={(e) => setQ({ ...q, control: (e.target.value || undefined) as ListQuery['control'], page: 1 })}>
            <option value="">{t('appealControl.inbox.any')}</option>
            <option value="under_control">{t('appealControl.status.under_control')}</option>
            <option value="returned">{t('appealControl.status.returned')}</option>
          </select>
        </div>
        <button type="submit">{t('inbox.find')}</button>
      </form>
      {outcomes && <Outcomes outcomes={outcomes} />}
      {canAssign && list.data && selectable.length > 0 && <BulkAssign chosen={chosen} officials={(staff.data ?? []).filter((o) => o.active)} onDone={assigned} />}
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <>
          <p role="status" className="muted">
            {t('inbox.total', { count: list.data.total })}
          </p>
          <div className="table-wrap">
            <table className="worklist">
              <thead>
                <tr>
                  {canAssign && (
                    <th scope="col" className="pick">
                      <input type="checkbox" aria-label={t('bulk.all')} checked={allChosen} disabled={selectable.length === 0} onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((a) => a.id)) : new Set())} />
                    </th>
                  )}
                  <th scope="col">{t('inbox.number')}</th>
                  <th scope="col">{t('inbox.summary')}</th>
                  <th scope="col">{t('inbox.state')}</th>
                  <th scope="col">{t('term.due')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id} className={selected.has(a.id) ? 'picked' : undefined}>
                    {canAssign && (
                      <td className="pick">
                        {OPEN.includes(a.state) && <input type="checkbox" aria-label={t('bulk.pick', { number: a.number })} checked={selected.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />}
                      </td>
                    )}
                    <td>
                      <Link href={`/appeals/${a.id}`}>{a.number}</Link>
                    </td>
                    <td className="wrap">{a.summary || t(`appealType.${a.type}`)}</td>
                    <td>
                      <StateBadge state={a.state} />
                      {(a.control_status === 'under_control' || a.control_status === 'returned') && (
                        <>
                          {' '}
                          <span className="tag" title={a.rework_count ? t('appealControl.inbox.reworks', { count: a.rework_count }) : undefined}>
                            {t(`appealControl.status.${a.control_status}`)}
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      {day(a.due)} <Countdown due={a.due} open={OPEN.includes(a.state)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={t('inbox.pages')}>
              <button type="button" disabled={(q.page ?? 1) <= 1} onClick={() => setQ({ ...q, page: (q.page ?? 1) - 1 })}>
                {t('inbox.prev')}
              </button>
              <span>
                {q.page} / {pages}
              </span>
              <button type="button" disabled={(q.page ?? 1) >= pages} onClick={() => setQ({ ...q, page: (q.page ?? 1) + 1 })}>
                {t('inbox.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
