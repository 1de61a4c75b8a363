/**
 * The appeals-monitoring department's dashboards (REG p.5(3)–(5), 7(1)–(2), 7(6)): figures over the subordinate
 * bodies with charts, drill-down to the cases, the fair table, rising topics, cards of problem issues and the
 * six-monthly analytical note as a report run. Definitions: docs/monitoring.md.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type MonitoringCounts, type MonitoringQuery, type ProblemCard } from '../api.ts';
import { Chart, type ChartRow } from '../components/Chart.tsx';
import { ErrorBox, Loading, StateBadge, useLoad } from '../components/ui.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

const FIGURES = ['received', 'inWork', 'dueSoon', 'overdue', 'deemedRefused', 'extended', 'answered', 'late', 'underControl', 'returned'] as const;
type Figure = (typeof FIGURES)[number];
const GROUPS = ['body', 'district', 'topic', 'channel', 'month'] as const;
const CHANNELS = ['paper', 'electronic', 'oral', 'reception', 'videoconference'] as const;
type Group = (typeof GROUPS)[number];
/** a chosen group narrows the drill-down by the matching filter */
const FILTER_OF: Record<Group, keyof MonitoringQuery> = { body: 'bodyId', district: 'territoryId', topic: 'topicId', channel: 'channel', month: 'month' };

export default function Monitoring() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const today = new Date().toISOString().slice(0, 10);
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [groupBy, setGroupBy] = useState<Group>('body');
  const [figure, setFigure] = useState<Figure>('received');
  const [drill, setDrill] = useState<{ figure: Figure; label: string; filter: MonitoringQuery } | undefined>();
  const [narrow, setNarrow] = useState<MonitoringQuery>({});
  const q: MonitoringQuery = { from: period.from, to: period.to, ...narrow };
  const key = JSON.stringify(q);
  const data = useLoad(() => api.monitoringFigures({ ...q, groupBy }), [key, groupBy]);
  const fair = useLoad(() => api.monitoringFair({ ...q, by: 'body' }), [key]);
  // what the filters offer: the bodies and districts in scope (from the figures themselves), the topics, the channels
  const choices = useLoad(async () => {
    const [b, d, topics] = await Promise.all([api.monitoringFigures({ from: '2000-01-01', to: today, groupBy: 'body' }), api.monitoringFigures({ from: '2000-01-01', to: today, groupBy: 'district' }), api.topics()]);
    return { bodies: b.groups.map((g) => [g.key, g.label]), districts: d.groups.filter((g) => g.key).map((g) => [g.key, g.label]), topics: topics.flatMap((x) => [[x.id, x.name[lang]], ...x.children.map((c) => [c.id, `— ${c.name[lang]}`])]) };
  }, [lang]);
  if (!data.data) return <Loading error={data.error} />;
  // months in their order; anything else largest first
  const rows: ChartRow[] = data.data.groups.map((g) => ({ key: g.key, label: g.label, value: g[figure] }));
  if (groupBy !== 'month') rows.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const control = me?.permissions.includes('monitoring.control') ?? false;
  return (
    <div>
      <h1>{t('monitoring.title')}</h1>
      <p className="muted">{t('monitoring.lead', { asOf: data.data.asOf })}</p>
      <form className="filters" style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }} onSubmit={(e) => e.preventDefault()}>
        <label>{t('monitoring.from')} <input type="date" value={period.from} onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} /></label>
        <label>{t('monitoring.to')} <input type="date" value={period.to} onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} /></label>
        <label>{t('monitoring.groupBy')} <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as Group)}>{GROUPS.map((g) => <option key={g} value={g}>{t(`monitoring.group.${g}`)}</option>)}</select></label>
        {choices.data && ([['bodyId', 'body', choices.data.bodies], ['territoryId', 'district', choices.data.districts], ['topicId', 'topic', choices.data.topics], ['channel', 'channel', CHANNELS.map((c) => [c, t(`channel.${c}`)])]] as const).map(([field, label, options]) => (
          <label key={field}>{t(`monitoring.group.${label}`)} <select value={narrow[field] ?? ''} onChange={(e) => setNarrow({ ...narrow, [field]: e.target.value || undefined })}>
            <option value="">{t('monitoring.all')}</option>
            {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select></label>
        ))}
        <label>{t('monitoring.figureLabel')} <select value={figure} onChange={(e) => setFigure(e.target.value as Figure)}>{FIGURES.map((f) => <option key={f} value={f}>{t(`monitoring.figure.${f}`)}</option>)}</select></label>
      </form>

      <h2>{t('monitoring.totals')}</h2>
      <ul className="tiles" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', listStyle: 'none', padding: 0 }}>
        {FIGURES.map((f) => (
          <li key={f}>
            <button type="button" className="secondary" onClick={() => setDrill({ figure: f, label: t(`monitoring.figure.${f}`), filter: {} })}>
              {t(`monitoring.figure.${f}`)}: <strong>{(data.data!.totals as MonitoringCounts)[f]}</strong>
            </button>
          </li>
        ))}
      </ul>

      <Chart title={`${t(`monitoring.figure.${figure}`)} — ${t(`monitoring.group.${groupBy}`)}`} valueLabel={t(`monitoring.figure.${figure}`)} rows={rows} kind={groupBy === 'month' ? 'line' : 'bar'}
        fileName={`monitoring-${figure}-${groupBy}-${period.from}-${period.to}`}
        onSelect={(r) => setDrill({ figure, label: `${t(`monitoring.figure.${figure}`)}: ${r.label}`, filter: { [FILTER_OF[groupBy]]: r.key } })} />
      <p><a href={api.monitoringExportUrl({ ...q, chart: 'figures', groupBy, format: 'xlsx' })} download>{t('monitoring.downloadXlsx')}</a></p>

      {drill && <Drill query={{ ...q, ...drill.filter }} figure={drill.figure} label={drill.label} onClose={() => setDrill(undefined)} />}

      <h2>{t('monitoring.fairTitle')}</h2>
      <p className="muted">{t('monitoring.fairLead')} <a href={api.monitoringExportUrl({ ...q, chart: 'fair', by: 'body', format: 'csv' })} download>{t('monitoring.downloadCsv')}</a></p>
      {fair.data ? (
        <div className="table-wrap">
          <table className="worklist">
            <thead><tr>
              <th scope="col">{t('monitoring.group.body')}</th><th scope="col">{t('monitoring.figure.received')}</th><th scope="col">{t('monitoring.figure.late')}</th>
              <th scope="col">{t('monitoring.fair.latePer1000')}</th><th scope="col">{t('monitoring.fair.expectedLate')}</th><th scope="col">{t('monitoring.fair.adjustedRatio')}</th><th scope="col">{t('monitoring.fair.adjustedPer1000')}</th>
            </tr></thead>
            <tbody>
              {fair.data.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}{!r.reliable && <span className="muted"> ({t('monitoring.fewAppeals')})</span>}</th>
                  <td>{r.received}</td><td>{r.late}</td><td>{r.latePer1000 ?? '—'}</td><td>{r.expectedLate}</td><td>{r.adjustedRatio ?? '—'}</td><td>{r.adjustedPer1000 ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <Loading error={fair.error} />}

      <Topics q={q} />
      <Cards period={period} control={control} />
      {me?.bodyId && <Note bodyId={me.bodyId} />}
    </div>
  );
}

function Drill({ query, figure, label, onClose }: { query: MonitoringQuery; figure: Figure; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useLoad(() => api.monitoringCases({ ...query, figure }), [JSON.stringify(query), figure]);
  return (
    <section aria-labelledby="drill-title">
      <h2 id="drill-title">{t('monitoring.casesOf', { label })}</h2>
      <button type="button" className="secondary" onClick={onClose}>{t('monitoring.close')}</button>
      {!list.data ? <Loading error={list.error} /> : (
        <>
          <p className="muted">{t('monitoring.casesTotal', { total: list.data.total, shown: list.data.items.length })}</p>
          <div className="table-wrap">
            <table className="worklist">
              <thead><tr><th scope="col">{t('monitoring.number')}</th><th scope="col">{t('monitoring.group.body')}</th><th scope="col">{t('monitoring.group.topic')}</th><th scope="col">{t('monitoring.state')}</th><th scope="col">{t('monitoring.due')}</th><th scope="col">{t('monitoring.executor')}</th></tr></thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row"><Link href={`/appeals/${c.id}`}>{c.number}</Link></th>
                    <td>{c.bodyName}</td><td>{c.topicName ?? '—'}</td><td><StateBadge state={c.state} /></td><td>{c.due}</td><td>{c.executorName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Topics({ q }: { q: MonitoringQuery }) {
  const { t } = useTranslation();
  const topics = useLoad(() => api.monitoringTopics(q), [JSON.stringify(q)]);
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">{t('monitoring.topicsTitle')}</h2>
      {!topics.data ? <Loading error={topics.error} /> : (
        <>
          <p className="muted">{t('monitoring.topicsLead', { from: topics.data.comparedFrom, to: topics.data.comparedTo })} <a href={api.monitoringExportUrl({ ...q, chart: 'topics', format: 'csv' })} download>{t('monitoring.downloadCsv')}</a></p>
          <div className="table-wrap">
            <table className="worklist">
              <thead><tr><th scope="col">{t('monitoring.group.district')}</th><th scope="col">{t('monitoring.group.topic')}</th><th scope="col">{t('monitoring.volume')}</th><th scope="col">{t('monitoring.previous')}</th><th scope="col">{t('monitoring.growth')}</th></tr></thead>
              <tbody>
                {topics.data.rows.slice(0, 15).map((r) => (
                  <tr key={`${r.territoryId}${r.topicId}`}>
                    <th scope="row">{r.territoryName}</th><td>{r.topicName}{r.rising && <strong> ↑ {t('monitoring.rising')}</strong>}</td><td>{r.volume}</td><td>{r.previous}</td><td>{Math.round(r.growth * 100)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Cards({ period, control }: { period: { from: string; to: string }; control: boolean }) {
  const { t } = useTranslation();
  const cards = useLoad(() => api.problemCards({}), []);
  const [error, setError] = useState<unknown>();
  const refresh = async () => {
    setError(undefined);
    try {
      await api.refreshProblemCards(period.from, period.to);
      cards.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="cards-title">
      <h2 id="cards-title">{t('monitoring.cardsTitle')}</h2>
      {control && <button type="button" onClick={() => void refresh()}>{t('monitoring.refreshCards')}</button>}
      <ErrorBox error={error} />
      {!cards.data ? <Loading error={cards.error} /> : cards.data.length === 0 ? <p className="muted">{t('monitoring.noCards')}</p> : cards.data.map((c) => <CardView key={c.id} card={c} control={control} onSaved={cards.reload} />)}
    </section>
  );
}

function CardView({ card, control, onSaved }: { card: ProblemCard; control: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [measures, setMeasures] = useState(card.measures);
  const [status, setStatus] = useState(card.status);
  const [error, setError] = useState<unknown>();
  useEffect(() => { setMeasures(card.measures); setStatus(card.status); }, [card.version]);
  const save = async () => {
    setError(undefined);
    try {
      await api.updateProblemCard(card.id, { version: card.version, measures, status });
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article className="card" style={{ border: '1px solid #ccc', padding: '0.75rem', margin: '0.75rem 0' }}>
      <h3>{card.territoryName} — {card.topicName}</h3>
      <p>{t('monitoring.cardLine', { from: card.from, to: card.to, volume: card.volume, previous: card.previousVolume })} {card.trend === 'up' ? '↑' : card.trend === 'down' ? '↓' : '→'}</p>
      <p className="muted">{card.bodies.map((b) => b.name).join('; ')}</p>
      <ul>{card.appeals.map((a) => <li key={a.id}><Link href={`/appeals/${a.id}`}>{a.number}</Link> {a.receivedOn} {a.summary}</li>)}</ul>
      {control ? (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <label>{t('monitoring.measures')}<br /><textarea rows={3} cols={60} value={measures} onChange={(e) => setMeasures(e.target.value)} /></label>
          <label> {t('monitoring.status')} <select value={status} onChange={(e) => setStatus(e.target.value as ProblemCard['status'])}>{(['open', 'in_progress', 'resolved'] as const).map((s) => <option key={s} value={s}>{t(`monitoring.cardStatus.${s}`)}</option>)}</select></label>
          <button type="submit">{t('monitoring.save')}</button>
          <ErrorBox error={error} />
        </form>
      ) : (
        <p>{t('monitoring.measures')}: {card.measures || '—'} ({t(`monitoring.cardStatus.${card.status}`)})</p>
      )}
    </article>
  );
}

function Note({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const now = new Date();
  const [year, setYear] = useState(now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1);
  const [half, setHalf] = useState<1 | 2>(now.getMonth() >= 6 ? 1 : 2);
  const [run, setRun] = useState<{ id: string; state: string; progress: number; error?: string } | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!run || run.state === 'done' || run.state === 'failed') return;
    const timer = setTimeout(() => void api.reportRun(run.id).then(setRun, setError), 700);
    return () => clearTimeout(timer);
  }, [run]);
  const start = async () => {
    setError(undefined);
    try {
      const { id } = await api.startReportRun('analytical_note', { bodyId, year, half });
      setRun({ id, state: 'queued', progress: 0 });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="note-title">
      <h2 id="note-title">{t('monitoring.noteTitle')}</h2>
      <p className="muted">{t('monitoring.noteLead')}</p>
      <form onSubmit={(e) => { e.preventDefault(); void start(); }} style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}>
        <label>{t('monitoring.year')} <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} /></label>
        <label>{t('monitoring.half')} <select value={half} onChange={(e) => setHalf(Number(e.target.value) as 1 | 2)}><option value={1}>{t('monitoring.half1')}</option><option value={2}>{t('monitoring.half2')}</option></select></label>
        <button type="submit" disabled={!!run && run.state !== 'done' && run.state !== 'failed'}>{t('monitoring.makeNote')}</button>
      </form>
      <ErrorBox error={error} />
      {run && (
        <div aria-live="polite">
          {run.state === 'done' ? <a href={`/api/v1/report-runs/${run.id}/file`} download>{t('monitoring.downloadNote')}</a>
            : run.state === 'failed' ? <p className="error">{t('monitoring.noteFailed', { error: run.error ?? '' })}</p>
            : <><progress max={1} value={run.progress} aria-label={t('monitoring.noteProgress')} /> {Math.round(run.progress * 100)}%</>}
        </div>
      )}
    </section>
  );
}
