/**
 * The officials' list of administrative procedures of their body (Rules No. 111 p.8, Annex 1): each row with the
 * manual in force, an "outdated" mark (p.13) and its overdue obligations; the diagnosis of appeals no procedure
 * covers; the overdue Knowledge Base obligations of the body (p.11–13). The Knowledge Base unit (kb.edit) adds a
 * procedure here (the eight columns of Annex 1) and keeps the typical answers (REG p.5(8)); the API's refusals,
 * e.g. a public service (p.8, AT-26), stand next to the fields.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type KbProcedure, type KbProcedureInput, type Lang, type Localized } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad, useSubmit } from '../components/ui.tsx';
import { LANGS } from '../lang.ts';
import { Link, navigate } from '../router.tsx';
import { can, useSession } from '../session.tsx';



export function Said({ text }: { text: string }) {
  return text ? (
    <p role="status" className="ok">
      {text}
    </p>
  ) : null;
}

type Draft = Omit<KbProcedureInput, 'informationSystem' | 'appealBinding' | 'publicServiceCode'> & { informationSystem: string; appealBinding: string; publicServiceCode: string };
const emptyProcedure = (): Draft => ({
  code: '', scope: '', name: { kk: '', ru: '', en: '' }, regulatedBy: '', format: 'both', informationSystem: '', performer: '', complaintBody: '', appealProcedure: '',
  appealBinding: '', appealTerms: '', legalRefs: '', topicIds: [], publicServiceCode: '',
});
const draftOf = (p: KbProcedure): Draft => ({
  code: p.code, scope: p.scope, name: { ...p.name }, regulatedBy: p.regulatedBy, format: p.format, informationSystem: p.informationSystem ?? '', performer: p.performer,
  complaintBody: p.complaintBody, appealProcedure: p.appealProcedure, appealBinding: p.appealBinding ?? '', appealTerms: p.appealTerms, legalRefs: p.legalRefs, topicIds: [...p.topicIds],
  publicServiceCode: '',
});

/**
 * The eight columns of Annex 1 under their labels in the Rules (§1.3), the name in kk, ru and en, the topics the
 * procedure covers (diagnosis, p.8). Creates a row of the body's list, or changes `procedure`.
 */
export function ProcedureForm({ bodyId, procedure, onDone }: { bodyId: string; procedure?: KbProcedure; onDone: (p: KbProcedure | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [v, setV] = useState<Draft>(() => (procedure ? draftOf(procedure) : emptyProcedure()));
  const topics = useLoad(() => api.topics(), []);
  const { error, busy, run } = useSubmit();
  const set = (patch: Partial<Draft>) => setV((x) => ({ ...x, ...patch }));
  const col = (field: string) => t(`knowledge.editor.col.${field}`);
  const input = (): KbProcedureInput => {
    const { informationSystem, appealBinding, publicServiceCode, ...rest } = v;
    return { ...rest, ...(informationSystem.trim() ? { informationSystem } : {}), ...(appealBinding ? { appealBinding } : {}), ...(publicServiceCode.trim() ? { publicServiceCode } : {}) };
  };
  const text = (field: 'scope' | 'regulatedBy' | 'performer' | 'complaintBody' | 'appealTerms' | 'informationSystem' | 'publicServiceCode' | 'code', label: string, hint?: string) => (
    <Field label={label} error={fieldError(error, field)} {...(hint ? { hint } : {})}>
      {(p) => <input {...p} value={v[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  const area = (field: 'appealProcedure' | 'legalRefs', label: string) => (
    <Field label={label} error={fieldError(error, field)}>
      {(p) => <textarea {...p} rows={3} value={v[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  return (
    <form
      className="kb-form"
      data-testid="kb-procedure-form"
      onSubmit={(e) =>
        void run(e, async () => {
          onDone(procedure ? await api.kbUpdateProcedure(procedure.id, input()) : await api.kbCreateProcedure(bodyId, input()));
          return t('knowledge.editor.saved');
        })
      }
    >
      <ErrorBox error={error} />
      {procedure?.state === 'approved' && <p className="hint">{t('knowledge.editor.editHint')}</p>}
      {text('code', t('knowledge.editor.code'))}
      {text('scope', `1. ${col('scope')}`)}
      <fieldset>
        <legend>2. {col('name')}</legend>
        <fieldset className="names">
          <legend>{t('knowledge.editor.nameLegend')}</legend>
          {LANGS.map((l) => (
            <Field key={l} label={t(`knowledge.editor.inLang.${l}`)} error={fieldError(error, `name.${l}`)}>
              {(p) => <input {...p} lang={l} value={v.name[l]} onChange={(e) => set({ name: { ...v.name, [l]: e.target.value } as Localized })} />}
            </Field>
          ))}
        </fieldset>
        {text('regulatedBy', t('knowledge.editor.regulatedBy'))}
      </fieldset>
      <fieldset>
        <legend>3. {col('format')}</legend>
        <Field label={t('knowledge.editor.formatLabel')} error={fieldError(error, 'format')}>
          {(p) => (
            <select {...p} value={v.format} onChange={(e) => set({ format: e.target.value })}>
              {['paper', 'electronic', 'both'].map((f) => (
                <option key={f} value={f}>
                  {t(`knowledge.format.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('informationSystem', t('knowledge.editor.informationSystem'))}
      </fieldset>
      {text('performer', `4. ${col('performer')}`)}
      {text('complaintBody', `5. ${col('complaintBody')}`)}
      <fieldset>
        <legend>6. {col('appealProcedure')}</legend>
        {area('appealProcedure', col('appealProcedure'))}
        <Field label={t('knowledge.editor.binding')} error={fieldError(error, 'appealBinding')}>
          {(p) => (
            <select {...p} value={v.appealBinding} onChange={(e) => set({ appealBinding: e.target.value })}>
              <option value="">{t('knowledge.editor.bindingUnset')}</option>
              {['recommendatory', 'mandatory'].map((b) => (
                <option key={b} value={b}>
                  {t(`knowledge.binding.${b}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      {text('appealTerms', `7. ${col('appealTerms')}`)}
      {area('legalRefs', `8. ${col('legalRefs')}`)}
      <Field label={t('knowledge.editor.topics')} hint={t('knowledge.editor.topicsHint')} error={fieldError(error, 'topicIds')}>
        {(p) => (
          <select {...p} multiple size={6} value={v.topicIds} onChange={(e) => set({ topicIds: Array.from(e.target.selectedOptions, (o) => o.value) })}>
            {(topics.data ?? []).map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.code} {tp.name[lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('publicServiceCode', t('knowledge.editor.publicServiceCode'), t('knowledge.editor.publicServiceHint'))}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {t('knowledge.editor.save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(undefined)}>
          {t('knowledge.editor.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The typical answers of the body (REG p.5(8)): a list, and a form for a question and its answer per language. */
function Answers({ bodyId }: { bodyId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const list = useLoad(() => api.kbAnswers(bodyId), [bodyId]);
  const empty = () => ({ kk: '', ru: '', en: '' });
  const [question, setQuestion] = useState<Localized>(empty);
  const [answer, setAnswer] = useState<Localized>(empty);
  const [publish, setPublish] = useState(false);
  const { error, busy, said, run } = useSubmit();
  const publishOne = useSubmit();
  const some = (x: Localized) => Object.fromEntries(LANGS.filter((l) => x[l].trim()).map((l) => [l, x[l]]));
  const pick = (x: Partial<Localized>) => x[lang] || x.kk || x.ru || x.en || '';
  return (
    <section data-testid="kb-answers">
      <h2>{t('knowledge.editor.answers')}</h2>
      <p className="muted">{t('knowledge.editor.answersLead')}</p>
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.length === 0 ? (
        <p className="muted">{t('knowledge.editor.noAnswers')}</p>
      ) : (
        <ul className="cases">
          {list.data.map((a) => (
            <li key={a.id}>
              <strong>{pick(a.question)}</strong>
              <p>{pick(a.answer)}</p>
              <div className="meta">
                <span className={`badge s-${a.state}`}>{t(`knowledge.editor.answerState.${a.state}`)}</span>
                {a.state === 'draft' && (
                  <button type="button" disabled={publishOne.busy} onClick={() => void publishOne.run(undefined, async () => (await api.kbPublishAnswer(a.id), list.reload(), t('knowledge.editor.published')))}>
                    {t('knowledge.editor.publishAnswer')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ErrorBox error={publishOne.error} />
      <Said text={publishOne.said} />
      <form
        className="kb-form"
        onSubmit={(e) =>
          void run(e, async () => {
            await api.kbCreateAnswer({ bodyId, question: some(question), answer: some(answer), publish });
            setQuestion(empty());
            setAnswer(empty());
            list.reload();
            return t('knowledge.editor.answerAdded');
          })
        }
      >
        <ErrorBox error={error} />
        {(['question', 'answer'] as const).map((k) => {
          const value = k === 'question' ? question : answer;
          const setter = k === 'question' ? setQuestion : setAnswer;
          return (
            <fieldset key={k} className="names">
              <legend>{t(`knowledge.editor.${k}`)}</legend>
              {LANGS.map((l) => (
                <Field key={l} label={t(`knowledge.editor.inLang.${l}`)} error={fieldError(error, `${k}.${l}`) ?? (l === 'kk' ? fieldError(error, k) : undefined)}>
                  {(p) => <textarea {...p} lang={l} rows={k === 'question' ? 1 : 3} value={value[l]} onChange={(e) => setter({ ...value, [l]: e.target.value })} />}
                </Field>
              ))}
            </fieldset>
          );
        })}
        <div className="field check">
          <label>
            <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} /> {t('knowledge.editor.publishNow')}
          </label>
        </div>
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {t('knowledge.editor.addAnswer')}
          </button>
        </div>
        <Said text={said} />
      </form>
    </section>
  );
}

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
  const [adding, setAdding] = useState(false);
  const editor = can(me, 'kb.edit');
  return (
    <div>
      <h1>{t('knowledge.procedures')}</h1>
      <p className="muted">{t('knowledge.proceduresLead')}</p>
      {bodyId && editor && !adding && (
        <p>
          <button type="button" onClick={() => setAdding(true)}>
            {t('knowledge.editor.add')}
          </button>
        </p>
      )}
      {bodyId && adding && (
        <section>
          <h2>{t('knowledge.editor.newTitle')}</h2>
          <ProcedureForm bodyId={bodyId} onDone={(p) => (p ? navigate(`/staff/procedures/${p.id}`) : setAdding(false))} />
        </section>
      )}
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
      {bodyId && editor && <Answers bodyId={bodyId} />}
    </div>
  );
}
