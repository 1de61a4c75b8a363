/**
 * A subdivision head (practice.contribute) sees only the campaigns that requested their subdivision and fills and
 * submits their own pre-filled rows (Annex 4 step 2); the API limits their view to those rows.
 *
 * The legal service's generalization of administrative practice (Rules No. 111 p.16, Annexes 3–4; docs/reports.md):
 * campaigns, a campaign's per-subdivision status, its Annex 3 rows and their review, the report figures, the
 * documents made as report runs (progress, then the download), and the target indicator with its trend (p.5(7)).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, generalizationApi, type GenRow, type GenTarget, type GenView, type Lang, type ReportRun } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export default function Generalization({ id }: { id?: string }) {
  return id ? <CampaignPage id={id} /> : <Campaigns />;
}

function useBodyNames() {
  const { i18n } = useTranslation();
  const bodies = useLoad(() => api.bodies().catch(() => []), []);
  return (id: string) => bodies.data?.find((b) => b.id === id)?.name[i18n.language as Lang] ?? '';
}

function Campaigns() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { day } = useDates();
  const bodyName = useBodyNames();
  const list = useLoad(() => generalizationApi.campaigns(), [me?.id]);
  const legalBodies = [...new Set((me?.roles ?? []).filter((r) => r.role === 'legal_service' && r.bodyId).map((r) => r.bodyId!))];
  const [form, setForm] = useState({ bodyId: legalBodies[0] ?? '', year: new Date().getFullYear(), half: 1 as 1 | 2 });
  const [error, setError] = useState<unknown>();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const v = await generalizationApi.create(form);
      navigate(`/staff/generalization/${v.campaign.id}`);
    } catch (err) {
      setError(err);
    }
  };
  if (!list.data) return <Loading error={list.error} />;
  return (
    <div>
      <h1>{t('generalization.title')}</h1>
      <p className="muted">{t('generalization.lead')}</p>
      {!me?.permissions.some((p) => p === 'practice.generalize' || p === 'practice.review') && <p>{t('generalization.contributorLead')}</p>}
      <div className="table-wrap">
        <table className="worklist">
          <thead>
            <tr>
              <th scope="col">{t('generalization.body')}</th>
              <th scope="col">{t('generalization.half')}</th>
              <th scope="col">{t('generalization.period')}</th>
              <th scope="col">{t('generalization.due')}</th>
              <th scope="col">{t('generalization.state')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <th scope="row"><Link href={`/staff/generalization/${c.id}`}>{bodyName(c.bodyId) || c.bodyId}</Link></th>
                <td>{t('generalization.halfOf', { half: c.half, year: c.year })}</td>
                <td>{day(c.periodFrom)} – {day(c.periodTo)}</td>
                <td className={c.overdue ? 'late' : undefined}>{day(c.dueOn)}{c.overdue && ` · ${t('generalization.overdue')}`}</td>
                <td>{t(`generalization.states.${c.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data.length === 0 && <p>{t('generalization.none')}</p>}
      {legalBodies.length > 0 && (
        <form className="filters" onSubmit={create}>
          <h2>{t('generalization.create')}</h2>
          <ErrorBox error={error} />
          <Field label={t('generalization.body')} error={fieldError(error, 'bodyId')}>
            {(p) => (
              <select {...p} value={form.bodyId} onChange={(e) => setForm({ ...form, bodyId: e.target.value })}>
                {legalBodies.map((b) => <option key={b} value={b}>{bodyName(b) || b}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('generalization.year')} error={fieldError(error, 'year')}>
            {(p) => <input {...p} type="number" min={2025} value={form.year} onChange={(e) => setForm({ ...form, year: Number(e.target.value) })} />}
          </Field>
          <Field label={t('generalization.half')}>
            {(p) => (
              <select {...p} value={form.half} onChange={(e) => setForm({ ...form, half: Number(e.target.value) as 1 | 2 })}>
                <option value={1}>{t('generalization.h1')}</option>
                <option value={2}>{t('generalization.h2')}</option>
              </select>
            )}
          </Field>
          <button type="submit">{t('generalization.createButton')}</button>
        </form>
      )}
      {legalBodies[0] && <TargetPanel bodyId={legalBodies[0]} year={new Date().getFullYear() - 1} />}
    </div>
  );
}

function CampaignPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { day } = useDates();
  const bodyName = useBodyNames();
  const [view, setView] = useState<GenView>();
  const [error, setError] = useState<unknown>();
  const loaded = useLoad(() => generalizationApi.campaign(id), [id]);
  useEffect(() => { if (loaded.data) setView(loaded.data); }, [loaded.data]);
  const subdivisions = useLoad(() => (view ? api.subdivisions(view.campaign.bodyId).catch(() => []) : Promise.resolve([])), [view?.campaign.bodyId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [sections, setSections] = useState<{ shortcomings: string; proposals: string }>();
  const [reviewing, setReviewing] = useState<string>();
  const [editing, setEditing] = useState<string>();
  if (!view) return <Loading error={loaded.error} />;
  const c = view.campaign;
  const lang = i18n.language as Lang;
  const legal = me?.permissions.includes('practice.generalize') ?? false;
  // a subdivision head reads only their rows (the API filters them): no figures, documents or target
  const wholeCampaign = legal || (me?.permissions.includes('practice.review') ?? false);
  const open = c.state === 'collecting';
  const act = async (f: () => Promise<GenView>) => {
    setError(undefined);
    try {
      setView(await f());
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const f = view.figures;
  const sectionText = sections ?? { shortcomings: c.shortcomings ?? '', proposals: c.proposals ?? '' };
  return (
    <div>
      <p><Link href="/staff/generalization">{t('generalization.back')}</Link></p>
      <h1>{t('generalization.campaignTitle', { half: c.half, year: c.year })}</h1>
      <dl className="facts">
        <dt>{t('generalization.body')}</dt><dd>{bodyName(c.bodyId)}</dd>
        <dt>{t('generalization.period')}</dt><dd>{day(c.periodFrom)} – {day(c.periodTo)}</dd>
        <dt>{t('generalization.due')}</dt>
        <dd className={c.overdue ? 'late' : undefined}>
          {day(c.dueOn)} {c.overdue && <strong>· {t('generalization.overdue')}</strong>}
          {c.dueOnNonWorkingDay && <span className="muted"> · {t('generalization.nonWorkingDue')}</span>}
        </dd>
        <dt>{t('generalization.state')}</dt><dd>{t(`generalization.states.${c.state}`)}</dd>
        {c.submittedOn && (<><dt>{t('generalization.submittedOn')}</dt><dd>{day(c.submittedOn)} {c.submissionRef ?? ''}</dd></>)}
      </dl>
      <p className="cite">{c.citation}</p>
      <ErrorBox error={error} />

      {legal && (c.state === 'draft' || open) && subdivisions.data && (
        <section>
          <h2>{t('generalization.request')}</h2>
          <fieldset>
            <legend>{t('generalization.chooseSubdivisions')}</legend>
            {subdivisions.data.map((s) => (
              <label key={s.id} className="choice">
                <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))} />
                {s.name[lang]}
              </label>
            ))}
          </fieldset>
          <button type="button" disabled={!chosen.length} onClick={() => void act(() => generalizationApi.request(id, chosen))}>{t('generalization.sendRequest')}</button>
        </section>
      )}

      <section>
        <h2>{t('generalization.subdivisions')}</h2>
        <div className="table-wrap">
          <table className="worklist">
            <thead>
              <tr>
                <th scope="col">{t('generalization.subdivision')}</th>
                <th scope="col">{t('generalization.requestedOn')}</th>
                <th scope="col">{t('generalization.status')}</th>
                <th scope="col">{t('generalization.rows')}</th>
                <th scope="col">{t('generalization.reminders')}</th>
                <th scope="col"><span className="visually-hidden">{t('generalization.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {view.subdivisions.map((s) => (
                <tr key={s.subdivisionId} data-subdivision={s.code}>
                  <th scope="row">{s.name[lang]}</th>
                  <td>{day(s.requestedOn)}</td>
                  <td className={s.status === 'requested' && c.overdue ? 'late' : undefined}>{t(`generalization.subStatus.${s.status}`)}{s.submittedOn && ` · ${day(s.submittedOn)}`}</td>
                  <td>{s.rows}</td>
                  <td>{s.reminders}</td>
                  <td>{open && s.status === 'requested' && <button type="button" className="secondary" onClick={() => void act(() => generalizationApi.submitSubdivision(id, s.subdivisionId))}>{t(wholeCampaign ? 'generalization.markSubmitted' : 'generalization.submitRows')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h2>{t(wholeCampaign ? 'generalization.table' : 'generalization.myRows')}</h2>
        {!wholeCampaign && view.rows.length === 0 && <p>{t('generalization.noRows')}</p>}
        <div className="table-wrap">
          <table className="worklist">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('generalization.act')}</th>
                <th scope="col">{t('generalization.caseStatus')}</th>
                <th scope="col">{t('generalization.result')}</th>
                <th scope="col">{t('generalization.area')}</th>
                <th scope="col">{t('generalization.reviewed')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.id} className={r.lost ? 'late' : undefined}>
                  <th scope="row">{r.position}</th>
                  <td>{(r.cells['4'] ?? '').split('\n')[0]}</td>
                  <td>{t(`generalization.caseStatuses.${r.status}`)}</td>
                  <td>{r.finalResult ? t(`generalization.results.${r.finalResult}`) : '—'}</td>
                  <td>{r.area ?? '—'}</td>
                  <td>
                    {r.reviewedAt ? '✓' : '—'}{' '}
                    {open && (legal || r.subdivisionId) && <button type="button" className="secondary" aria-expanded={editing === r.id} onClick={() => { setEditing(editing === r.id ? undefined : r.id); setReviewing(undefined); }}>{t('generalization.editRow')}</button>}{' '}
                    {legal && open && <button type="button" className="secondary" aria-expanded={reviewing === r.id} onClick={() => setReviewing(reviewing === r.id ? undefined : r.id)}>{t('generalization.review')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editing && view.rows.find((r) => r.id === editing) && (
          <RowForm key={editing} row={view.rows.find((r) => r.id === editing)!} error={error}
            onSave={async (input) => { if (await act(async () => { await generalizationApi.saveRow(id, editing, input); return generalizationApi.campaign(id); })) setEditing(undefined); }} />
        )}
        {reviewing && view.rows.find((r) => r.id === reviewing) && (
          <ReviewForm row={view.rows.find((r) => r.id === reviewing)!} onSave={async (input) => { await act(() => generalizationApi.review(id, reviewing, input)); }} error={error} />
        )}
      </section>

      {wholeCampaign && (<>
      <section>
        <h2>{t('generalization.figures')}</h2>
        <dl className="facts" data-testid="figures">
          <dt>{t('generalization.inProceedings')}</dt><dd>{f.inProceedings}</dd>
          <dt>{t('generalization.results.for_body')}</dt><dd>{f.final.forBody}</dd>
          <dt>{t('generalization.results.against_body')}</dt><dd>{f.final.againstBody}</dd>
          <dt>{t('generalization.results.partly')}</dt><dd>{f.final.partly}</dd>
          <dt>{t('generalization.caseStatuses.pending')}</dt><dd>{f.final.pending}</dd>
        </dl>
        <h3>{t('generalization.areas')}</h3>
        <ul>{f.areas.map((a) => <li key={a.area}>{a.area}: {a.count}</li>)}</ul>
        {view.missingSections.length > 0 && <p className="alert" role="status">{t('generalization.blocked')}</p>}
        {legal && open && (
          <form onSubmit={(e) => { e.preventDefault(); void act(() => generalizationApi.sections(id, sectionText)); }}>
            <Field label={t('generalization.shortcomings')} error={fieldError(error, 'shortcomings')}>
              {(p) => <textarea {...p} rows={3} value={sectionText.shortcomings} onChange={(e) => setSections({ ...sectionText, shortcomings: e.target.value })} />}
            </Field>
            <Field label={t('generalization.proposals')} error={fieldError(error, 'proposals')}>
              {(p) => <textarea {...p} rows={3} value={sectionText.proposals} onChange={(e) => setSections({ ...sectionText, proposals: e.target.value })} />}
            </Field>
            <button type="submit">{t('generalization.saveSections')}</button>{' '}
            <button type="button" onClick={() => void act(() => generalizationApi.finalise(id))}>{t('generalization.finalise')}</button>
          </form>
        )}
      </section>

      <section>
        <h2>{t('generalization.documents')}</h2>
        <div className="actions">
          <RunButton label={t('generalization.reportDocx')} kind="generalization_report_docx" params={{ bodyId: c.bodyId, campaignId: id }} lang={lang} />
          <RunButton label={t('generalization.reportPdf')} kind="generalization_report_pdf" params={{ bodyId: c.bodyId, campaignId: id }} lang={lang} />
          {legal && <RunButton label={t('generalization.annex3Xlsx')} kind="annex3_xlsx" params={{ bodyId: c.bodyId, campaignId: id }} lang={lang} />}
        </div>
      </section>

      {legal && c.state === 'final' && <SubmissionForm onSave={async (input) => { await act(() => generalizationApi.submission(id, input)); }} error={error} />}

      <TargetPanel bodyId={c.bodyId} year={c.year} initial={view.target} />
      </>)}
    </div>
  );
}

/** The Annex 3 cells a subdivision answers for (c.3 status and instance, the narrative columns); AT-28 errors per field. */
const ROW_CELLS = ['5', '6', '10', '11', '12', '13'] as const;
const INSTANCES = ['first', 'appeal', 'cassation'] as const; // Annex 3 c.3, as src/law/court.ts
function RowForm({ row, onSave, error }: { row: GenRow; onSave: (input: Record<string, unknown>) => Promise<void>; error: unknown }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ status: row.status, instance: row.instance ?? '', area: row.area ?? '' });
  const [cells, setCells] = useState<Record<string, string>>(Object.fromEntries(ROW_CELLS.map((k) => [k, row.cells[k] ?? ''])));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changed = Object.fromEntries(ROW_CELLS.filter((k) => cells[k] !== (row.cells[k] ?? '')).map((k) => [k, cells[k]!]));
    void onSave({
      version: row.version, status: v.status, instance: v.instance || null, area: v.area || null,
      ...(Object.keys(changed).length ? { cells: changed } : {}),
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={t('generalization.editOf', { n: row.position })}>
      <h3>{t('generalization.editOf', { n: row.position })}</h3>
      <p className="cite">{t('generalization.editCitation')}</p>
      <p>{(row.cells['4'] ?? '').split('\n')[0]}</p>
      <Field label={t('generalization.caseStatus')} error={fieldError(error, 'status')}>
        {(p) => (
          <select {...p} value={v.status} onChange={(e) => setV({ ...v, status: e.target.value })}>
            <option value="pending">{t('generalization.caseStatuses.pending')}</option>
            <option value="in_force">{t('generalization.caseStatuses.in_force')}</option>
          </select>
        )}
      </Field>
      <Field label={t('generalization.instance')} error={fieldError(error, 'instance')}>
        {(p) => (
          <select {...p} value={v.instance} onChange={(e) => setV({ ...v, instance: e.target.value })}>
            <option value="">—</option>
            {INSTANCES.map((i) => <option key={i} value={i}>{t(`generalization.instances.${i}`)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('generalization.area')} error={fieldError(error, 'area')}>
        {(p) => <input {...p} value={v.area} onChange={(e) => setV({ ...v, area: e.target.value })} />}
      </Field>
      {ROW_CELLS.map((k) => (
        <Field key={k} label={t(`generalization.cells.c${k}`)} error={fieldError(error, `cells.${k}`)}>
          {(p) => <textarea {...p} rows={2} value={cells[k]} onChange={(e) => setCells({ ...cells, [k]: e.target.value })} />}
        </Field>
      ))}
      <button type="submit">{t('generalization.saveRow')}</button>
    </form>
  );
}

function ReviewForm({ row, onSave, error }: { row: GenRow; onSave: (input: Record<string, unknown>) => Promise<void>; error: unknown }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    reasoningAnalysis: row.reasoningAnalysis ?? '', illegalityFound: row.illegalityFound === null ? '' : String(row.illegalityFound), illegalityDescription: row.illegalityDescription ?? '',
    lossCauses: row.lossCauses ?? '', deficiencyType: row.deficiencyType ?? '', measuresTaken: row.measuresTaken ?? '', proposals: row.proposals ?? '',
  });
  const text = (k: keyof typeof v, label: string) => (
    <Field label={label} error={fieldError(error, k)}>{(p) => <textarea {...p} rows={2} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />}</Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, unknown> = { version: row.version };
    for (const [k, x] of Object.entries(v)) if (x !== '') input[k] = k === 'illegalityFound' ? x === 'true' : x;
    void onSave(input);
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={t('generalization.reviewOf', { n: row.position })}>
      <h3>{t('generalization.reviewOf', { n: row.position })}</h3>
      <p className="cite">{t('generalization.reviewCitation')}</p>
      {text('reasoningAnalysis', t('generalization.reasoningAnalysis'))}
      <Field label={t('generalization.illegalityFound')} error={fieldError(error, 'illegalityFound')}>
        {(p) => (
          <select {...p} value={v.illegalityFound} onChange={(e) => setV({ ...v, illegalityFound: e.target.value })}>
            <option value="">—</option>
            <option value="true">{t('generalization.yes')}</option>
            <option value="false">{t('generalization.no')}</option>
          </select>
        )}
      </Field>
      {text('illegalityDescription', t('generalization.illegalityDescription'))}
      {row.lost && text('lossCauses', t('generalization.lossCauses'))}
      <Field label={t('generalization.deficiencyType')} error={fieldError(error, 'deficiencyType')}>
        {(p) => (
          <select {...p} value={v.deficiencyType} onChange={(e) => setV({ ...v, deficiencyType: e.target.value })}>
            <option value="">—</option>
            <option value="regulatory">{t('generalization.deficiency.regulatory')}</option>
            <option value="law_enforcement">{t('generalization.deficiency.law_enforcement')}</option>
          </select>
        )}
      </Field>
      {text('measuresTaken', t('generalization.measuresTaken'))}
      {text('proposals', t('generalization.rowProposals'))}
      <button type="submit">{t('generalization.saveReview')}</button>
    </form>
  );
}

function SubmissionForm({ onSave, error }: { onSave: (input: { submittedOn: string; reference?: string }) => Promise<void>; error: unknown }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ submittedOn: '', reference: '' });
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); void onSave({ submittedOn: v.submittedOn, ...(v.reference ? { reference: v.reference } : {}) }); }}>
      <h2>{t('generalization.submission')}</h2>
      <Field label={t('generalization.submittedOn')} error={fieldError(error, 'submittedOn')}>{(p) => <input {...p} type="date" required value={v.submittedOn} onChange={(e) => setV({ ...v, submittedOn: e.target.value })} />}</Field>
      <Field label={t('generalization.reference')}>{(p) => <input {...p} value={v.reference} onChange={(e) => setV({ ...v, reference: e.target.value })} />}</Field>
      <button type="submit">{t('generalization.recordSubmission')}</button>
    </form>
  );
}

/** Starts a report run, shows its progress and then the download. */
function RunButton({ label, kind, params, lang }: { label: string; kind: string; params: Record<string, unknown>; lang: Lang }) {
  const { t } = useTranslation();
  const [run, setRun] = useState<ReportRun>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!run || run.state === 'done' || run.state === 'failed') return;
    const timer = setTimeout(() => { generalizationApi.run(run.id).then(setRun, setError); }, 500);
    return () => clearTimeout(timer);
  }, [run]);
  const start = async () => {
    setError(undefined);
    try {
      const { id } = await generalizationApi.startRun(kind, params, lang);
      setRun(await generalizationApi.run(id));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="run" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center', margin: '0 0 0.5rem' }}>
      <button type="button" onClick={() => void start()} disabled={run?.state === 'queued' || run?.state === 'running'}>{label}</button>
      {run && (run.state === 'queued' || run.state === 'running') && (
        <progress max={1} value={run.progress} aria-label={t('generalization.progress')}>{Math.round(run.progress * 100)}%</progress>
      )}
      {run?.state === 'done' && <a href={generalizationApi.fileUrl(run.id)} download={run.filename}>{t('generalization.download', { name: run.filename })}</a>}
      {run?.state === 'failed' && <span className="error" role="alert">{t('generalization.runFailed', { reason: t(`generalization.runErrors.${run.error}`, { defaultValue: run.error }) })}</span>}
      <ErrorBox error={error} />
    </div>
  );
}

function TargetPanel({ bodyId, year, initial }: { bodyId: string; year: number; initial?: GenTarget }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => (initial ? Promise.resolve(initial) : generalizationApi.target(bodyId, year)), [bodyId, year, initial]);
  const v = loaded.data;
  if (!v) return loaded.error ? null : <Loading />;
  const pct = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}%`);
  return (
    <section>
      <h2>{t('generalization.targetTitle', { year: v.year })}</h2>
      <dl className="facts">
        <dt>{t('generalization.actual')}</dt><dd>{pct(v.actual.sharePercent)} ({v.actual.unlawful} / {v.actual.denominator}, {t(`generalization.denominators.${v.denominator}`)})</dd>
        <dt>{t('generalization.target')}</dt><dd>{v.target ? pct(v.target.targetPercent) : t('generalization.noTarget')}</dd>
        {v.met !== null && (<><dt>{t('generalization.met')}</dt><dd className={v.met ? undefined : 'late'}>{v.met ? t('generalization.yes') : t('generalization.no')}</dd></>)}
        <dt>{t('generalization.change')}</dt><dd>{v.changePercentagePoints === null ? '—' : t('generalization.pp', { value: v.changePercentagePoints.toFixed(1) })}</dd>
        {v.target?.ndpIndicator && (<><dt>{t('generalization.ndp')}</dt><dd>{v.target.ndpIndicator}</dd></>)}
        {v.target && (<><dt>{t('generalization.approval')}</dt><dd>{v.target.approved ? (v.target.approvedOn ?? t('generalization.yes')) : t('generalization.notApproved')}</dd></>)}
      </dl>
      <table className="worklist">
        <caption>{t('generalization.trend')}</caption>
        <thead><tr><th scope="col">{t('generalization.year')}</th><th scope="col">{t('generalization.actual')}</th><th scope="col">{t('generalization.target')}</th></tr></thead>
        <tbody>{v.trend.map((x) => <tr key={x.year}><th scope="row">{x.year}</th><td>{pct(x.actualPercent)}</td><td>{pct(x.targetPercent)}</td></tr>)}</tbody>
      </table>
      <p className="cite">{v.citation}</p>
    </section>
  );
}
