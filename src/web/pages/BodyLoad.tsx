/**
 * The head's view of the body: per executor, open cases, how many are due soon and overdue, the appeals under
 * control, and the "quality returns": answers returned for rework in a period (REG p.5(5); GET /api/v1/appeals/load).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, appealControlApi } from '../api.ts';
import { Loading, useLoad } from '../components/ui.tsx';
import { useSession } from '../session.tsx';

export default function BodyLoad() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const data = useLoad(async () => {
    if (!me?.bodyId) return undefined;
    const [rows, officials] = await Promise.all([appealControlApi.bodyLoad(me.bodyId, period), api.officials(me.bodyId).catch(() => [])]);
    return { rows, officials };
  }, [me?.id, period.from, period.to]);
  if (!data.data) return <Loading error={data.error} />;
  const names = new Map(data.data.officials.map((o) => [o.id, o.fullName]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  };
  return (
    <div>
      <h1>{t('load.title')}</h1>
      <p className="muted">{t('load.lead')}</p>
      <p className="muted">{t('appealControl.load.returnsHint')}</p>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="load-from">{t('appealControl.load.from')}</label>
          <input id="load-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="load-to">{t('appealControl.load.to')}</label>
          <input id="load-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit">{t('appealControl.load.show')}</button>
      </form>
      <div className="table-wrap">
        <table className="worklist">
          <thead>
            <tr>
              <th scope="col">{t('load.executor')}</th>
              <th scope="col">{t('load.open')}</th>
              <th scope="col">{t('inbox.dueSoon')}</th>
              <th scope="col">{t('inbox.overdue')}</th>
              <th scope="col">{t('appealControl.load.underControl')}</th>
              <th scope="col">{t('appealControl.load.awaitingRework')}</th>
              <th scope="col">{t('appealControl.load.returns')}</th>
            </tr>
          </thead>
          <tbody>
            {data.data.rows.map((r) => (
              <tr key={r.executorId ?? ''}>
                <th scope="row">{r.executorId ? (names.get(r.executorId) ?? r.executorId) : t('load.unassigned')}</th>
                <td>{r.open}</td>
                <td>{r.dueSoon}</td>
                <td className={r.overdue ? 'late' : undefined}>{r.overdue}</td>
                <td>{r.underControl}</td>
                <td className={r.awaitingRework ? 'late' : undefined}>{r.awaitingRework}</td>
                <td>{r.returns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
