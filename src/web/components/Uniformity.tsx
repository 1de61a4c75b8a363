/**
 * The uniformity analysis on a procedure's page (APC 15-1(4); Rules No. 111 p.5(4), Annex 4): the divergent
 * decisions found in similar cases, ranked, each pair side by side with the legal service's review (justified, or
 * a defect with its measure); repeat appeals of the procedure (APC 70(5)); and the court signals for the next
 * manual version ("this rule changed because of case X").
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Divergence, type DivergenceItem, type DivergenceSide, type Lang } from '../api.ts';
import { can, useSession } from '../session.tsx';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from './ui.tsx';

const VERDICTS = ['justified', 'defect'] as const;
const MEASURES = ['update_manual', 'training', 'revoke_act', 'other'] as const;
const pct = (x: number) => `${Math.round(x * 100)}%`;

function Outcome({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return <span className={`badge outcome-${outcome}`}>{t(`uniformity.outcome.${outcome}`, { defaultValue: outcome })}</span>;
}

function Side({ s }: { s: DivergenceSide }) {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  const lang = i18n.language as Lang;
  const name = (x: Partial<Record<Lang, string>> | null) => (x ? (x[lang] ?? x.ru ?? x.kk ?? '') : '—');
  return (
    <div className="side" data-testid="divergence-side">
      <h4>
        {s.number} <Outcome outcome={s.outcome} />
      </h4>
      <dl>
        <dt>{t('uniformity.body')}</dt>
        <dd>{name(s.body)}</dd>
        <dt>{t('uniformity.subdivision')}</dt>
        <dd>{name(s.subdivision)}</dd>
        <dt>{t('uniformity.executor')}</dt>
        <dd>{s.executor ?? '—'}</dd>
        <dt>{t('uniformity.decided')}</dt>
        <dd>{s.adoptedOn ? day(s.adoptedOn) : s.decidedAt ? day(s.decidedAt) : '—'}{s.actNumber ? ` (${s.actNumber})` : ''}</dd>
        <dt>{t('uniformity.essence')}</dt>
        <dd>{s.essence}</dd>
        <dt>{t('uniformity.reasons')}</dt>
        <dd>{s.reasons || '—'}</dd>
        <dt>{t('uniformity.norms')}</dt>
        <dd>{s.norms.length ? s.norms.join('; ') : '—'}</dd>
        <dt>{t('uniformity.manual')}</dt>
        <dd>{s.manual?.version ? t('uniformity.manualVersion', { version: s.manual.version, from: s.manual.effectiveFrom ? day(s.manual.effectiveFrom) : '' }) : t('uniformity.noManual')}</dd>
      </dl>
    </div>
  );
}

function Review({ d, onSaved }: { d: Divergence; onSaved(d: Divergence): void }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<string>(d.review.verdict ?? 'justified');
  const [measure, setMeasure] = useState<string>(d.review.measure ?? '');
  const [note, setNote] = useState(d.review.note ?? '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.reviewDivergence(d.id, { verdict, ...(measure ? { measure } : {}), note }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} noValidate className="divergence-review" data-testid="divergence-review">
      <ErrorBox error={error} />
      <Field label={t('uniformity.verdict')} error={fieldError(error, 'verdict')} hint="Rules No. 111 Annex 4 p.1">
        {(p) => (
          <select {...p} value={verdict} onChange={(e) => setVerdict(e.target.value)}>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`uniformity.verdicts.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('uniformity.measure')} error={fieldError(error, 'measure')} hint="Rules No. 111 Annex 4 p.6">
        {(p) => (
          <select {...p} value={measure} onChange={(e) => setMeasure(e.target.value)}>
            <option value="">{t('uniformity.noMeasure')}</option>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`uniformity.measures.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('uniformity.note')} error={fieldError(error, 'note')}>
        {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {t('uniformity.saveReview')}
        </button>
      </div>
    </form>
  );
}

function Pair({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { time } = useDates();
  const [saved, setSaved] = useState<Divergence>();
  const loaded = useLoad(() => api.divergence(id), [id]);
  const d = saved ?? loaded.data;
  if (!d) return <Loading error={loaded.error} />;
  return (
    <section className="divergence-pair" aria-label={t('uniformity.pair')} data-testid="divergence-pair">
      <p>
        {t('uniformity.similarity')}: {pct(d.similarity)} · {t('uniformity.normOverlap')}: {pct(d.normOverlap)} · {t(`uniformity.spread.${d.spread}`)} <span className="cite">{d.citation}</span>
      </p>
      <div className="side-by-side">
        <Side s={d.sides[0]} />
        <Side s={d.sides[1]} />
      </div>
      {d.review.verdict && (
        <p role="status" data-testid="divergence-reviewed">
          {t(`uniformity.verdicts.${d.review.verdict}`)}
          {d.review.measure ? ` — ${t(`uniformity.measures.${d.review.measure}`)}` : ''}: {d.review.note} ({d.review.reviewerName ?? ''}{d.review.reviewedAt ? `, ${time(d.review.reviewedAt)}` : ''})
        </p>
      )}
      {can(me, 'practice.generalize') && (
        <Review
          d={d}
          onSaved={(x) => {
            setSaved(x);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

function Row({ d, rank, open, onOpen }: { d: DivergenceItem; rank: number; open: boolean; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <tr className={open ? 'selected' : undefined}>
      <td>{rank}</td>
      <td>
        {d.a.number} <span className="muted">{d.a.bodyCode}</span> <Outcome outcome={d.a.outcome} />
      </td>
      <td>
        {d.b.number} <span className="muted">{d.b.bodyCode}</span> <Outcome outcome={d.b.outcome} />
      </td>
      <td>{pct(d.similarity)}</td>
      <td>{t(`uniformity.spread.${d.spread}`)}</td>
      <td>{d.group.size}</td>
      <td>{d.review.verdict ? t(`uniformity.verdicts.${d.review.verdict}`) : t('uniformity.notReviewed')}</td>
      <td>
        <button type="button" className="link" onClick={onOpen} aria-expanded={open}>
          {t('uniformity.compare')}
        </button>
      </td>
    </tr>
  );
}

export function RepeatAppeals({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const r = useLoad(() => api.repeatAppeals(procedureId), [procedureId]);
  if (!r.data) return <Loading error={r.error} />;
  const d = r.data;
  return (
    <section aria-labelledby="repeats-h" data-testid="repeat-appeals">
      <h3 id="repeats-h">
        {t('uniformity.repeats')} <span className="cite">{d.citation}</span>
      </h3>
      <p>{t('uniformity.repeatCounts', { repeats: d.repeats, appeals: d.appeals })}</p>
      {d.applicants.length > 0 && (
        <ul>
          {d.applicants.map((a, i) => (
            <li key={i}>
              {a.applicant.name ?? '—'} {a.applicant.iin ?? ''}: {t('uniformity.applicantCounts', { appeals: a.appeals, repeats: a.repeats })}
            </li>
          ))}
        </ul>
      )}
      {d.suggestions.length > 0 && (
        <>
          <p>{t('uniformity.suggestions')}</p>
          <ul>
            {d.suggestions.map((s) => (
              <li key={s.appealId}>
                {s.number} → {s.earlierNumber} ({pct(s.similarity)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The divergent decisions of a procedure, strongest first, with the pair opened side by side. */
export function ProcedureDivergences({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [opened, setOpened] = useState<string>();
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>();
  const [queued, setQueued] = useState(false);
  const list = useLoad(() => api.divergences(procedureId, { open: onlyOpen, limit: 50 }), [procedureId, onlyOpen]);
  const run = async () => {
    if (!list.data) return;
    setRunning(true);
    setRunError(undefined);
    try {
      const r = await api.startUniformityRun(list.data.bodyId);
      // a region's data is analysed as a job: the list refreshes when it is opened again
      setQueued(r.state === 'queued');
      list.reload();
    } catch (e) {
      setRunError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="uniformity" aria-labelledby="divergences-h" data-testid="divergences">
      <h2 id="divergences-h">
        {t('uniformity.title')} <span className="cite">APC 15-1(4); Rules No. 111 Annex 4 p.1</span>
      </h2>
      <p className="muted">{t('uniformity.explain')}</p>
      <div className="buttons">
        <label>
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> {t('uniformity.onlyOpen')}
        </label>
        {can(me, 'practice.generalize') && list.data && (
          <button type="button" onClick={() => void run()} disabled={running}>
            {running ? t('uniformity.running') : t('uniformity.run')}
          </button>
        )}
      </div>
      <ErrorBox error={runError} />
      {queued && <p role="status">{t('uniformity.queued')}</p>}
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('uniformity.none')}</p>
      ) : (
        <table className="worklist" data-testid="divergence-list">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('uniformity.caseA')}</th>
              <th>{t('uniformity.caseB')}</th>
              <th>{t('uniformity.similarity')}</th>
              <th>{t('uniformity.where')}</th>
              <th>{t('uniformity.groupSize')}</th>
              <th>{t('uniformity.review')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((d, i) => (
              <Row key={d.id} d={d} rank={i + 1} open={opened === d.id} onOpen={() => setOpened(opened === d.id ? undefined : d.id)} />
            ))}
          </tbody>
        </table>
      )}
      {opened && <Pair id={opened} onChanged={list.reload} />}
      <RepeatAppeals procedureId={procedureId} />
    </section>
  );
}

/** Court outcomes on the procedure's acts, the courts' reasons, and the manual versions they changed. */
export function CourtSignals({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const { day } = useDates();
  const r = useLoad(() => api.courtSignals(procedureId), [procedureId]);
  if (!r.data) return <Loading error={r.error} />;
  const d = r.data;
  return (
    <section className="court-signals" aria-labelledby="court-signals-h" data-testid="court-signals">
      <h2 id="court-signals-h">
        {t('uniformity.courtTitle')} <span className="cite">{d.citation}</span>
      </h2>
      {d.courtCases === 0 ? (
        <p className="muted">{t('uniformity.noCourtCases')}</p>
      ) : (
        <>
          <p>{t('uniformity.courtCounts', { cases: d.courtCases, cancelled: d.actsCancelled, acts: d.actsAdopted, share: pct(d.cancelledShare) })}</p>
          <ul className="inline">
            {Object.entries(d.byResult).map(([k, n]) => (
              <li key={k}>
                {t(`uniformity.result.${k}`, { defaultValue: k })}: {n}
              </li>
            ))}
            {Object.entries(d.byInstance).map(([k, n]) => (
              <li key={k}>
                {t(`uniformity.instance.${k}`, { defaultValue: k })}: {n}
              </li>
            ))}
          </ul>
          {d.cancelled.length > 0 && (
            <>
              <h3>{t('uniformity.cancelled')}</h3>
              <ul>
                {d.cancelled.map((c) => (
                  <li key={c.courtCaseId} data-testid="court-cancelled">
                    {c.court} {c.caseNumber ?? ''} {c.enteredIntoForceOn ? `(${day(c.enteredIntoForceOn)})` : ''} — {c.actNumber ?? c.appealNumber ?? ''}: {c.reasons ?? '—'}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {d.changedBecause.length > 0 && (
        <>
          <h3>{t('uniformity.changedBecause')}</h3>
          <ul>
            {d.changedBecause.map((m) => (
              <li key={m.manualId}>
                {t('uniformity.ruleChanged', { version: m.version, cases: d.cancelled.filter((c) => m.courtCaseIds.includes(c.courtCaseId)).map((c) => c.caseNumber ?? c.court).join(', ') || m.courtCaseIds.length })} {m.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
