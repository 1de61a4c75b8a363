/** The officials' inbox: counters (new, mine, due in 3 working days, overdue), filters, search, the worklist. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ListQuery } from '../api.ts';
import { Countdown, Loading, StateBadge, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

const STATES = ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified', 'decided', 'closed', 'redirected', 'returned', 'withdrawn', 'terminated', 'answered', 'noted'];
const TYPES = ['application', 'proposal', 'feedback', 'request', 'report'];
const OPEN = ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified'];
type View = NonNullable<ListQuery['view']>;

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
  if (!me) return <Loading />;
  const counters = list.data?.counters;
  const tab = (view: View, state: string | undefined, label: string, n: number | undefined | null) => {
    const active = q.view === view && q.state === state;
    return (
      <li>
        <button type="button" className={active ? 'counter active' : 'counter'} aria-pressed={active} onClick={() => setQ({ ...q, view, page: 1, ...(state ? { state } : { state: undefined }) })}>
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
        <button type="submit">{t('inbox.find')}</button>
      </form>
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
                  <th scope="col">{t('inbox.number')}</th>
                  <th scope="col">{t('inbox.summary')}</th>
                  <th scope="col">{t('inbox.state')}</th>
                  <th scope="col">{t('term.due')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/appeals/${a.id}`}>{a.number}</Link>
                    </td>
                    <td className="wrap">{a.summary || t(`appealType.${a.type}`)}</td>
                    <td>
                      <StateBadge state={a.state} />
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
