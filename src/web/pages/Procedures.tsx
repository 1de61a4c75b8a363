/**
 * The officials' list of administrative procedures of their body (Rules No. 111 p.8, Annex 1): each row with the
 * manual in force, an "outdated" mark (p.13) and its overdue obligations; the diagnosis of appeals no procedure
 * covers; the overdue Knowledge Base obligations of the body (p.11–13).
 */
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../api.ts';
import { Loading, useDates, useLoad } from '../components/ui.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function ObligationText({ kind, period, summary }: { kind: string; period: string | null; summary: string }) {
  const { t } = useTranslation();
  if (kind === 'verification') return <>{t('knowledge.obligation.verification', { period: period ?? '' })}</>;
  return <>{t(`knowledge.obligation.${kind}`, { summary })}</>;
}

export default function Procedures() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dates = useDates();
  const { me } = useSession();
  const bodyId = me?.bodyId ?? '';
  const list = useLoad(() => (bodyId ? api.kbProcedures(bodyId) : Promise.resolve([])), [bodyId]);
  const diagnosis = useLoad(() => (bodyId ? api.kbDiagnosis(bodyId) : Promise.resolve(undefined)), [bodyId]);
  const overdue = useLoad(() => (bodyId ? api.kbObligations(bodyId, true) : Promise.resolve(undefined)), [bodyId]);
  return (
    <div>
      <h1>{t('knowledge.procedures')}</h1>
      <p className="muted">{t('knowledge.proceduresLead')}</p>
      {bodyId && (
        <p>
          <a href={`/api/v1/procedures/annex1.xlsx?bodyId=${encodeURIComponent(bodyId)}&lang=${lang}`} download>
            {t('knowledge.exportXlsx')}
          </a>
        </p>
      )}
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.length === 0 ? (
        <p>{t('knowledge.noProcedures')}</p>
      ) : (
        <ul className="cases" data-testid="kb-procedures">
          {list.data.map((p) => (
            <li key={p.id}>
              <Link href={`/staff/procedures/${p.id}`} className="case-link">
                {p.name[lang]}
              </Link>
              <div className="meta">
                <span className="number">{p.code}</span>
                <span className={`badge s-${p.state}`}>{t(`knowledge.listState.${p.state}`)}</span>
                <span>{p.manual ? t('knowledge.inForce', { version: p.manual.version, date: dates.day(p.manual.effectiveFrom) }) : t('knowledge.noManual')}</span>
                {p.outdatedSince && <span className="tag">{t('knowledge.outdatedTag')}</span>}
                {p.overdueObligations > 0 && <span className="count late">{t('knowledge.overdueCount', { count: p.overdueObligations })}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('knowledge.overdueTitle')}</h2>
      {!overdue.data ? (
        <Loading error={overdue.error} />
      ) : overdue.data.items.length === 0 ? (
        <p className="muted">{t('knowledge.noOverdue')}</p>
      ) : (
        <ul className="cases" data-testid="kb-overdue">
          {overdue.data.items.map((o) => (
            <li key={o.id} className="overdue">
              <Link href={`/staff/procedures/${o.procedureId}`}>{o.procedureName[lang]}</Link>
              <div className="meta">
                <span>
                  <ObligationText kind={o.kind} period={o.period} summary={o.summary} />
                </span>
                {o.due && <span className="count late">{t('knowledge.due', { date: dates.day(o.due) })}</span>}
                <span className="cite">{o.citation}</span>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('knowledge.diagnosis')}</h2>
      <p className="muted">{t('knowledge.diagnosisLead')}</p>
      {!diagnosis.data ? (
        <Loading error={diagnosis.error} />
      ) : diagnosis.data.suggestions.length === 0 ? (
        <p className="muted">{t('knowledge.noSuggestions')}</p>
      ) : (
        <ul className="cases" data-testid="kb-diagnosis">
          {diagnosis.data.suggestions.map((s) => (
            <li key={s.topicId}>
              <strong>{s.topic[lang]}</strong>
              <div className="meta">
                <span>{t('knowledge.appeals', { count: s.appeals })}</span>
                <span className="muted">{s.examples.join(', ')}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
