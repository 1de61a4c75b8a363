/**
 * A procedure for the legal service and the Knowledge Base unit (Rules No. 111, docs/knowledge.md): its Annex 1 row,
 * the manual history (versions with effective dates, state and the basis of each change), a diff between two
 * versions, the divergent decisions and court signals of the uniformity analysis, and the Knowledge Base
 * obligations with the overdue ones marked.
 * In the browser the unit (kb.edit) edits the row, drafts a manual version (the sixteen rows of Annex 2 per
 * language, rows 8, 15, 16 markable "none"), submits and publishes it; the head (kb.approve) approves the row and
 * approves or returns the manual: approval is refused while a mandatory row is empty (p.9, AT-23), and the refusal
 * stands next to each row. Changes of the procedure (p.13), verifications (p.11) and proposals (p.12) are recorded
 * in the obligations section.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type KbDiff, type KbManual, type KbManualInput, type KbProcedureDetail, type Lang, type Localized } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad, useSubmit } from '../components/ui.tsx';
import { LANGS } from '../lang.ts';
import { CourtSignals, ProcedureDivergences } from '../components/Uniformity.tsx';
import { Link } from '../router.tsx';
import { can, useSession } from '../session.tsx';
import { ObligationText, ProcedureForm, Said } from './Procedures.tsx';

/** Rows 8, 15 and 16 may be marked "none" (Annex 2; law/knowledge.ts NONE_MARKABLE). */
const NONE_MARKABLE = ['r8', 'r15', 'r16'];
const ids = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The row of the list: edit (kb.edit), approve or take off the list (the head, p.8). */
function RowActions({ p, reload }: { p: KbProcedureDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [editing, setEditing] = useState(false);
  const step = useSubmit();
  if (p.state === 'retired') return null;
  if (editing) return <ProcedureForm bodyId={p.bodyId} procedure={p} onDone={(saved) => (setEditing(false), saved && reload())} />;
  const run = (which: 'approve' | 'retire') =>
    void step.run(undefined, async () => {
      await api.kbProcedureStep(p.id, which);
      reload();
      return t(which === 'approve' ? 'knowledge.editor.rowApproved' : 'knowledge.editor.rowRetired');
    });
  return (
    <div>
      <div className="buttons">
        {can(me, 'kb.edit') && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('knowledge.editor.edit')}
          </button>
        )}
        {can(me, 'kb.approve') && p.state === 'draft' && (
          <button type="button" disabled={step.busy} onClick={() => run('approve')}>
            {t('knowledge.editor.approveRow')}
          </button>
        )}
        {can(me, 'kb.approve') && (
          <button type="button" className="secondary" disabled={step.busy} onClick={() => run('retire')}>
            {t('knowledge.editor.retireRow')}
          </button>
        )}
      </div>
      <ErrorBox error={step.error} />
      <Said text={step.said} />
    </div>
  );
}

const inputOf = (m: KbManual | undefined): KbManualInput => ({
  fields: Object.fromEntries(Object.entries(m?.fields ?? {}).map(([k, v]) => [k, { ...v }])),
  none: [...(m?.none ?? [])],
  basis: m && m.version === null ? { ...m.basis } : { note: '', courtCaseIds: [], divergenceIds: [] },
});

/**
 * The manual version being prepared: a draft the unit edits and submits, a submitted one the head approves (from a
 * day) or returns with a note, an approved one the unit publishes. Without one, the unit starts the next version
 * from the text of the latest.
 */
function ManualEditor({ p, reload }: { p: KbProcedureDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const open = p.manuals.find((m) => m.state === 'draft' || m.state === 'submitted' || m.state === 'approved');
  const latest = p.manuals.find((m) => m.version !== null);
  const [starting, setStarting] = useState(false);
  const [v, setV] = useState<KbManualInput>(() => inputOf(open));
  const [shownFor, setShownFor] = useState(open?.id);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [returnNote, setReturnNote] = useState('');
  const { error, busy, said, run } = useSubmit();
  const editor = can(me, 'kb.edit');
  const head = can(me, 'kb.approve');
  // the page reloaded with another version open: show its text
  if (open?.id !== shownFor) {
    setShownFor(open?.id);
    setV(inputOf(open));
  }
  if (p.state === 'retired' || (!open && !starting && !editor)) return null;
  if (!open && !starting) {
    return (
      <section>
        <h2>{t('knowledge.editor.manual')}</h2>
        <button type="button" onClick={() => (setV({ ...inputOf(latest), basis: { note: '', courtCaseIds: [], divergenceIds: [] } }), setStarting(true))}>
          {t('knowledge.editor.newManual')}
        </button>
        <Said text={said} />
      </section>
    );
  }
  const editable = editor && (!open || open.state === 'draft');
  const text = (key: string, l: Lang) => v.fields[key]?.[l] ?? '';
  const setText = (key: string, l: Lang, value: string) => setV((x) => ({ ...x, fields: { ...x.fields, [key]: { ...x.fields[key], [l]: value } } }));
  const clean = (): KbManualInput => ({
    ...v,
    // empty languages are left out: a row is empty when no language has text
    fields: Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, Object.fromEntries(Object.entries(x).filter(([, s]) => s && s.trim()))]).filter(([, x]) => Object.keys(x as object).length > 0)),
  });
  const save = async () => {
    const m = open ? await api.kbUpdateManual(open.id, clean()) : await api.kbCreateManual(p.id, clean());
    setStarting(false);
    return m;
  };
  const act = (action: 'save' | 'submit' | 'approve' | 'return' | 'publish') =>
    void run(undefined, async () => {
      if (action === 'save') await save();
      if (action === 'submit') await api.kbManualAction((await save()).id, { action: 'submit' });
      if (action === 'approve') await api.kbManualAction(open!.id, { action: 'approve', ...(effectiveFrom ? { effectiveFrom } : {}) });
      if (action === 'return') await api.kbManualAction(open!.id, { action: 'return', note: returnNote });
      if (action === 'publish') await api.kbManualAction(open!.id, { action: 'publish' });
      reload();
      return t(`knowledge.editor.${{ save: 'draftSaved', submit: 'submitted', approve: 'approved', return: 'returnedDone', publish: 'published' }[action]}`);
    });
  return (
    <section data-testid="kb-manual-editor">
      <h2>{t('knowledge.editor.manual')}</h2>
      {open && <p>{t('knowledge.editor.manualOf', { state: t(`knowledge.manualState.${open.state}`) })}</p>}
      {open?.returnedNote && open.state === 'draft' && <p className="alert">{t('knowledge.editor.returned', { note: open.returnedNote })}</p>}
      <ErrorBox error={error} />
      <form className="kb-form" onSubmit={(e) => (e.preventDefault(), act('save'))}>
        {p.labels.rows.map((r) => {
          const rowError = fieldError(error, `fields.${r.key}`);
          const none = v.none.includes(r.key);
          return (
            <fieldset key={r.key} data-row={r.key} className={rowError ? 'invalid' : undefined} aria-describedby={rowError ? `row-${r.key}-err` : undefined}>
              <legend>
                {r.row}. {r.label[lang]}
              </legend>
              {rowError && (
                <p className="error" id={`row-${r.key}-err`}>
                  {rowError}
                </p>
              )}
              {NONE_MARKABLE.includes(r.key) && (
                <div className="field check">
                  <label>
                    <input type="checkbox" disabled={!editable} checked={none} onChange={(e) => setV((x) => ({ ...x, none: e.target.checked ? [...x.none, r.key] : x.none.filter((k) => k !== r.key) }))} />{' '}
                    {t('knowledge.editor.none')}
                  </label>
                </div>
              )}
              {!none &&
                LANGS.map((l) => (
                  <Field key={l} label={t(`knowledge.editor.inLang.${l}`)} error={fieldError(error, `fields.${r.key}.${l}`)}>
                    {(props) => <textarea {...props} lang={l} rows={2} readOnly={!editable} value={text(r.key, l)} onChange={(e) => setText(r.key, l, e.target.value)} />}
                  </Field>
                ))}
            </fieldset>
          );
        })}
        <fieldset>
          <legend>{t('knowledge.editor.basis')}</legend>
          <Field label={t('knowledge.editor.basisNote')} error={fieldError(error, 'basis.note')}>
            {(props) => <textarea {...props} rows={2} readOnly={!editable} value={v.basis.note} onChange={(e) => setV((x) => ({ ...x, basis: { ...x.basis, note: e.target.value } }))} />}
          </Field>
          {(['courtCaseIds', 'divergenceIds'] as const).map((k) => (
            <Field key={k} label={t(`knowledge.editor.${k}`)} hint={t('knowledge.editor.idsHint')} error={fieldError(error, `basis.${k}`)}>
              {(props) => <input {...props} readOnly={!editable} value={v.basis[k].join(', ')} onChange={(e) => setV((x) => ({ ...x, basis: { ...x.basis, [k]: ids(e.target.value) } }))} />}
            </Field>
          ))}
        </fieldset>
        {editable && (
          <div className="buttons">
            <button type="submit" className="secondary" disabled={busy}>
              {t('knowledge.editor.saveDraft')}
            </button>
            <button type="button" disabled={busy} onClick={() => act('submit')}>
              {t('knowledge.editor.submit')}
            </button>
            {!open && (
              <button type="button" className="secondary" onClick={() => setStarting(false)}>
                {t('knowledge.editor.cancel')}
              </button>
            )}
          </div>
        )}
      </form>
      {head && open?.state === 'submitted' && (
        <div className="filters">
          <Field label={t('knowledge.editor.effectiveFrom')} hint={t('knowledge.editor.effectiveHint')} error={fieldError(error, 'effectiveFrom')}>
            {(props) => <input {...props} type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />}
          </Field>
          <button type="button" disabled={busy} onClick={() => act('approve')}>
            {t('knowledge.editor.approve')}
          </button>
          <Field label={t('knowledge.editor.returnNote')} error={fieldError(error, 'note')}>
            {(props) => <input {...props} value={returnNote} onChange={(e) => setReturnNote(e.target.value)} />}
          </Field>
          <button type="button" className="secondary" disabled={busy} onClick={() => act('return')}>
            {t('knowledge.editor.sendBack')}
          </button>
        </div>
      )}
      {editor && open?.state === 'approved' && (
        <div className="buttons">
          <button type="button" disabled={busy} onClick={() => act('publish')}>
            {t('knowledge.editor.publish')}
          </button>
        </div>
      )}
      <Said text={said} />
    </section>
  );
}

/** Records of the Knowledge Base unit and the legal service: a change of the procedure (p.13), the quarter's verification (p.11), a proposal (p.12). */
function Records({ p, reload }: { p: KbProcedureDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const change = useSubmit();
  const verification = useSubmit();
  const proposal = useSubmit();
  const [c, setC] = useState({ changedAct: '', adoptedOn: '', publishedOn: '', inForceOn: '', basis: 'entry_into_force' });
  const [ver, setVer] = useState({ verifiedOn: '', result: 'compliant', note: '' });
  const [proposalText, setProposalText] = useState('');
  const dates = (['adoptedOn', 'publishedOn', 'inForceOn'] as const).filter((k) => c[k]);
  return (
    <div className="kb-records">
      <form
        className="kb-form"
        onSubmit={(e) =>
          void change.run(e, async () => {
            await api.kbRecordChange({ procedureId: p.id, changedAct: c.changedAct, basis: c.basis, ...Object.fromEntries(dates.map((k) => [k, c[k]])) });
            setC({ changedAct: '', adoptedOn: '', publishedOn: '', inForceOn: '', basis: 'entry_into_force' });
            reload();
            return t('knowledge.editor.changeRecorded');
          })
        }
      >
        <fieldset>
          <legend>{t('knowledge.editor.change')}</legend>
          <ErrorBox error={change.error} />
          <Field label={t('knowledge.editor.changedAct')} error={fieldError(change.error, 'changedAct')}>
            {(props) => <input {...props} value={c.changedAct} onChange={(e) => setC({ ...c, changedAct: e.target.value })} />}
          </Field>
          {(['adoptedOn', 'publishedOn', 'inForceOn'] as const).map((k) => (
            <Field key={k} label={t(`knowledge.editor.${k}`)} error={fieldError(change.error, k)}>
              {(props) => <input {...props} type="date" value={c[k]} onChange={(e) => setC({ ...c, [k]: e.target.value })} />}
            </Field>
          ))}
          <Field label={t('knowledge.editor.changeBasis')} error={fieldError(change.error, 'basis')}>
            {(props) => (
              <select {...props} value={c.basis} onChange={(e) => setC({ ...c, basis: e.target.value })}>
                {['entry_into_force', 'publication', 'adoption'].map((b) => (
                  <option key={b} value={b}>
                    {t(`knowledge.editor.changeBases.${b}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={change.busy}>
            {t('knowledge.editor.record')}
          </button>
          <Said text={change.said} />
        </fieldset>
      </form>
      {can(me, 'kb.edit') && (
        <form
          className="kb-form"
          onSubmit={(e) =>
            void verification.run(e, async () => {
              await api.kbRecordVerification({ procedureId: p.id, result: ver.result, ...(ver.verifiedOn ? { verifiedOn: ver.verifiedOn } : {}), ...(ver.note.trim() ? { note: ver.note } : {}) });
              reload();
              return t('knowledge.editor.verificationRecorded');
            })
          }
        >
          <fieldset>
            <legend>{t('knowledge.editor.verification')}</legend>
            <ErrorBox error={verification.error} />
            <Field label={t('knowledge.editor.verifiedOn')} error={fieldError(verification.error, 'verifiedOn')}>
              {(props) => <input {...props} type="date" value={ver.verifiedOn} onChange={(e) => setVer({ ...ver, verifiedOn: e.target.value })} />}
            </Field>
            <Field label={t('knowledge.editor.result')} error={fieldError(verification.error, 'result')}>
              {(props) => (
                <select {...props} value={ver.result} onChange={(e) => setVer({ ...ver, result: e.target.value })}>
                  {['compliant', 'needs_update'].map((r) => (
                    <option key={r} value={r}>
                      {t(`knowledge.editor.results.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('knowledge.editor.note')} error={fieldError(verification.error, 'note')}>
              {(props) => <input {...props} value={ver.note} onChange={(e) => setVer({ ...ver, note: e.target.value })} />}
            </Field>
            <button type="submit" disabled={verification.busy}>
              {t('knowledge.editor.record')}
            </button>
            <Said text={verification.said} />
          </fieldset>
        </form>
      )}
      <form
        className="kb-form"
        onSubmit={(e) =>
          void proposal.run(e, async () => {
            await api.kbPropose({ procedureId: p.id, text: proposalText });
            setProposalText('');
            reload();
            return t('knowledge.editor.proposalRecorded');
          })
        }
      >
        <fieldset>
          <legend>{t('knowledge.editor.proposal')}</legend>
          <ErrorBox error={proposal.error} />
          <Field label={t('knowledge.editor.proposalText')} error={fieldError(proposal.error, 'text')}>
            {(props) => <textarea {...props} rows={2} value={proposalText} onChange={(e) => setProposalText(e.target.value)} />}
          </Field>
          <button type="submit" disabled={proposal.busy}>
            {t('knowledge.editor.record')}
          </button>
          <Said text={proposal.said} />
        </fieldset>
      </form>
    </div>
  );
}

/** Accept or reject an open proposal (p.12; a rejection says why). */
function ProposalActions({ id, reload }: { id: string; reload: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { error, busy, run } = useSubmit();
  const act = (action: 'accept' | 'reject') => void run(undefined, async () => (await api.kbObligationAction(id, action, note.trim() || undefined), reload(), ''));
  return (
    <div>
      <Field label={t('knowledge.editor.rejectNote')} error={fieldError(error, 'note')}>
        {(props) => <input {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="buttons">
        <button type="button" disabled={busy} onClick={() => act('accept')}>
          {t('knowledge.editor.accept')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => act('reject')}>
          {t('knowledge.editor.reject')}
        </button>
      </div>
      <ErrorBox error={error} />
    </div>
  );
}

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
  const { me } = useSession();
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
      <RowActions p={p} reload={d.reload} />

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
      <ManualEditor p={p} reload={d.reload} />

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
              {can(me, 'kb.edit') && <th />}
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
                {can(me, 'kb.edit') && <td>{o.kind === 'proposal' && o.state === 'open' && <ProposalActions id={o.id} reload={d.reload} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.state !== 'retired' && <Records p={p} reload={d.reload} />}
    </div>
  );
}
