/**
 * A procedure for the legal service and the Knowledge Base unit (Rules No. 111, docs/knowledge.md): its Annex 1 row,
 * the manual history (versions with effective dates, state and the basis of each change), a diff between two
 * versions, the divergent decisions and court signals of the uniformity analysis, and the Knowledge Base
 * obligations with the overdue ones marked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type KbDiff, type KbProcedureDetail, type Lang } from '../api.ts';
import { ErrorBox, Loading, useDates, useLoad } from '../components/ui.tsx';
import { CourtSignals, ProcedureDivergences } from '../components/Uniformity.tsx';
import { Link } from '../router.tsx';
import { ObligationText } from './Procedures.tsx';

function Annex1Row({ p, lang }: { p: KbProcedureDetail; lang: Lang }) {
  const { t } = useTranslation();
  const cells: Record<string, string> = {
    scope: p.scope,
    name: `${p.name[lang]} / ${p.regulatedBy}`,
    format: [t(`knowledge.format.${p.format}`), p.informationSystem].filter(Boolean).join('; '),
    performer: p.performer,
    complaintBody: p.complaintBody,
    appealProcedure: [p.appealProcedure, p.appealBinding ? t(`knowledge.binding.${p.appealBinding}`) : ''].filter(Boolean).join('; '),
    appealTerms: p.appealTerms,
    legalRefs: p.legalRefs,
  };
  return (
    <dl className="manual-rows" data-testid="kb-annex1">
      {p.labels.annex1.map((c) => (
        <div key={c.n}>
          <dt>
            {c.n}. {c.label[lang]}
          </dt>
          <dd>{cells[c.field]}</dd>
        </div>
      ))}
    </dl>
  );
}

function Diff({ p, lang }: { p: KbProcedureDetail; lang: Lang }) {
  const { t } = useTranslation();
  const numbers = p.manuals.map((m) => m.version).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const [from, setFrom] = useState(numbers.at(-2) ?? 1);
  const [to, setTo] = useState(numbers.at(-1) ?? 1);
  const [diff, setDiff] = useState<KbDiff>();
  const [error, setError] = useState<unknown>();
  if (numbers.length < 2) return null;
  const label = (key: string) => p.labels.rows.find((r) => r.key === key);
  const show = async () => {
    setError(undefined);
    try {
      setDiff(await api.kbDiff(p.id, from, to));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <h2>{t('knowledge.diff')}</h2>
      <div className="filters">
        <label>
          {t('knowledge.from')}{' '}
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {numbers.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t('knowledge.to')}{' '}
          <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {numbers.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void show()}>
          {t('knowledge.compare')}
        </button>
      </div>
      <ErrorBox error={error} />
      {diff && (
        <ul className="cases" data-testid="kb-diff">
          {diff.changes.length === 0 && <li>{t('knowledge.noChanges')}</li>}
          {diff.changes
            .filter((c) => c.lang === lang || !diff.changes.some((x) => x.field === c.field && x.lang === lang))
            .map((c) => (
              <li key={`${c.field}:${c.lang}`}>
                <strong>
                  {label(c.field)?.row}. {label(c.field)?.label[lang]} ({c.lang})
                </strong>
                <p className="diff">
                  {c.ops.map((o, i) => (o.op === 'insert' ? <ins key={i}>{o.text}</ins> : o.op === 'delete' ? <del key={i}>{o.text}</del> : <span key={i}>{o.text}</span>))}
                </p>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

export default function Procedure({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dates = useDates();
  const d = useLoad(() => api.kbProcedure(id), [id]);
  if (!d.data) return <Loading error={d.error} />;
  const p = d.data;
  return (
    <div>
      <p>
        <Link href="/staff/procedures">{t('knowledge.procedures')}</Link>
      </p>
      <h1>{p.name[lang]}</h1>
      <p className="meta">
        <span className="number">{p.code}</span>
        <span className={`badge s-${p.state}`}>{t(`knowledge.listState.${p.state}`)}</span>
        {p.outdatedSince && <span className="tag">{t('knowledge.outdated', { date: dates.day(p.outdatedSince) })}</span>}
      </p>
      <h2>{t('knowledge.annex1')}</h2>
      <Annex1Row p={p} lang={lang} />

      <h2>{t('knowledge.history')}</h2>
      {p.manuals.length === 0 ? (
        <p className="muted">{t('knowledge.noManual')}</p>
      ) : (
        <table className="worklist" data-testid="kb-history">
          <thead>
            <tr>
              <th>{t('knowledge.versionCol')}</th>
              <th>{t('knowledge.stateCol')}</th>
              <th>{t('knowledge.effectiveCol')}</th>
              <th>{t('knowledge.basisCol')}</th>
            </tr>
          </thead>
          <tbody>
            {p.manuals.map((m) => (
              <tr key={m.id}>
                <td>{m.version ?? '—'}</td>
                <td>{t(`knowledge.manualState.${m.state}`)}</td>
                <td>{m.effectiveFrom ? `${dates.day(m.effectiveFrom)} – ${m.effectiveTo ? dates.day(m.effectiveTo) : '…'}` : '—'}</td>
                <td>
                  {m.basis.note}
                  {m.basis.courtCaseIds.length > 0 && <span className="tag">{t('knowledge.courtCases', { count: m.basis.courtCaseIds.length })}</span>}
                  {m.basis.divergenceIds.length > 0 && <span className="tag">{t('knowledge.divergences', { count: m.basis.divergenceIds.length })}</span>}
                  {m.missing.length > 0 && m.version === null && <span className="muted"> {t('knowledge.missing', { rows: m.missing.map((k) => p.labels.rows.find((r) => r.key === k)?.row).join(', ') })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Diff p={p} lang={lang} />

      {/* the uniformity analysis (src/web/components/Uniformity.tsx, owned by the uniformity module) */}
      <ProcedureDivergences procedureId={p.id} />
      <CourtSignals procedureId={p.id} />

      <h2>{t('knowledge.obligations')}</h2>
      {p.obligations.length === 0 ? (
        <p className="muted">{t('knowledge.noObligations')}</p>
      ) : (
        <table className="worklist" data-testid="kb-obligations">
          <thead>
            <tr>
              <th>{t('knowledge.taskCol')}</th>
              <th>{t('knowledge.dueCol')}</th>
              <th>{t('knowledge.stateCol')}</th>
            </tr>
          </thead>
          <tbody>
            {p.obligations.map((o) => (
              <tr key={o.id} className={o.overdue ? 'overdue' : undefined}>
                <th scope="row">
                  <ObligationText kind={o.kind} period={o.period} summary={o.summary} /> <span className="cite">{o.citation}</span>
                </th>
                <td>{o.due ? dates.day(o.due) : '—'}</td>
                <td>{o.overdue ? <strong className="count late">{t('knowledge.overdue')}</strong> : t(`knowledge.obligationState.${o.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
