/** The head's view of the body: open cases per executor, how many are due soon and overdue. */
import { useTranslation } from 'react-i18next';
import { api, type ListItem } from '../api.ts';
import { Loading, daysUntil, useLoad } from '../components/ui.tsx';
import { useSession } from '../session.tsx';

const OPEN = ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified'];

export default function BodyLoad() {
  const { t } = useTranslation();
  const { me } = useSession();
  const data = useLoad(async () => {
    if (!me?.bodyId) return undefined;
    const [list, officials] = await Promise.all([api.appeals({ view: 'body', pageSize: 200 }), api.officials(me.bodyId).catch(() => [])]);
    return { items: list.items.filter((a) => OPEN.includes(a.state)), total: list.total, officials };
  }, [me?.id]);
  if (!data.data) return <Loading error={data.error} />;
  const names = new Map(data.data.officials.map((o) => [o.id, o.fullName]));
  const rows = new Map<string, ListItem[]>();
  for (const a of data.data.items) {
    const k = a.executor_id ?? '';
    rows.set(k, [...(rows.get(k) ?? []), a]);
  }
  const sorted = [...rows.entries()].sort((x, y) => y[1].length - x[1].length);
  return (
    <div>
      <h1>{t('load.title')}</h1>
      <p className="muted">{t('load.lead')}</p>
      <div className="table-wrap">
        <table className="worklist">
          <thead>
            <tr>
              <th scope="col">{t('load.executor')}</th>
              <th scope="col">{t('load.open')}</th>
              <th scope="col">{t('inbox.dueSoon')}</th>
              <th scope="col">{t('inbox.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(([id, list]) => (
              <tr key={id}>
                <th scope="row">{id ? (names.get(id) ?? id) : t('load.unassigned')}</th>
                <td>{list.length}</td>
                <td>{list.filter((a) => daysUntil(a.due) >= 0 && daysUntil(a.due) <= 3).length}</td>
                <td className={list.some((a) => daysUntil(a.due) < 0) ? 'late' : undefined}>{list.filter((a) => daysUntil(a.due) < 0).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
