/**
 * The steps of the procedure open to this user now (the API's `actions`), each as a button that opens a dialog
 * with its form; the dialog names the step and cites its article. Refusals show per field, in the user's language.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Case, type Grounds, type Lang, type Official } from '../api.ts';
import { ErrorBox, Field, almatyDate, fieldError } from './ui.tsx';

type Kind = 'text' | 'textarea' | 'date' | 'time' | 'datetime' | 'select' | 'checkbox' | 'lines' | 'checks' | 'body' | 'official';
interface Spec {
  name: string;
  kind: Kind;
  required?: boolean;
  /** a static list (labels under option.<name>.<value>) or a list of the API's grounds */
  options?: readonly string[] | keyof Grounds | 'termination';
  default?: 'today';
}

const REVIEW: Spec[] = [{ name: 'complete', kind: 'checkbox' }, { name: 'allIssuesAnswered', kind: 'checkbox' }, { name: 'legalBasis', kind: 'checkbox' }, { name: 'measuresTaken', kind: 'checkbox' }];

/** The labels of a step, its fields and options: the common ones first, then those of the appeal control block. */
export const stepKey = (group: 'action' | 'actionHelp' | 'field' | 'option' | 'event', key: string) => [`${group}.${key}`, `appealControl.${group}.${key}`];

const FORMS: Record<string, Spec[]> = {
  assign: [{ name: 'executorId', kind: 'official', required: true }],
  start_review: [],
  redirect: [{ name: 'toBodyId', kind: 'body', required: true }, { name: 'reasons', kind: 'textarea', required: true }],
  redirect_urgent: [{ name: 'toBodyId', kind: 'body', required: true }, { name: 'reasons', kind: 'textarea', required: true }],
  redirect_part: [{ name: 'toBodyId', kind: 'body', required: true }, { name: 'demands', kind: 'lines', required: true }],
  request_correction: [{ name: 'defects', kind: 'checks', options: 'appealContent', required: true }, { name: 'cureBy', kind: 'date', required: true }, { name: 'guidance', kind: 'textarea' }],
  correction_received: [{ name: 'note', kind: 'textarea' }],
  return: [],
  withdraw: [{ name: 'writtenOn', kind: 'date', default: 'today' }],
  terminate: [{ name: 'ground', kind: 'select', options: 'termination', required: true }, { name: 'reasons', kind: 'textarea', required: true }],
  extend: [{ name: 'newDue', kind: 'date', required: true }, { name: 'reasons', kind: 'textarea', required: true }],
  notify_preliminary_decision: [
    { name: 'draft', kind: 'textarea', required: true },
    { name: 'method', kind: 'select', options: ['hearing', 'information_system', 'other'], required: true },
    // with the method "hearing": its time and place go into the invitation (APC 20(1)(4), 66(1))
    { name: 'hearingAt', kind: 'datetime' },
    { name: 'place', kind: 'text' },
  ],
  schedule_hearing: [{ name: 'hearingAt', kind: 'datetime', required: true }, { name: 'place', kind: 'text', required: true }, { name: 'reasons', kind: 'textarea' }],
  invite_to_event: [{ name: 'event', kind: 'text', required: true }, { name: 'eventAt', kind: 'datetime', required: true }, { name: 'place', kind: 'text', required: true }],
  record_preliminary_receipt: [{ name: 'receivedOn', kind: 'date', required: true, default: 'today' }],
  record_objection: [{ name: 'text', kind: 'textarea', required: true }, { name: 'oral', kind: 'checkbox' }],
  record_hearing_protocol: [
    { name: 'place', kind: 'text', required: true },
    { name: 'heldOn', kind: 'date', required: true, default: 'today' },
    { name: 'startedAt', kind: 'time', required: true },
    { name: 'endedAt', kind: 'time', required: true },
    { name: 'presidingOfficial', kind: 'text', required: true },
    { name: 'secretary', kind: 'text', required: true },
    { name: 'participants', kind: 'lines', required: true },
    { name: 'issue', kind: 'textarea', required: true },
    { name: 'statements', kind: 'textarea', required: true },
    { name: 'participantEntries', kind: 'textarea' },
  ],
  record_protocol_reading: [{ name: 'readOn', kind: 'date', required: true, default: 'today' }, { name: 'readBy', kind: 'text', required: true }],
  record_protocol_remarks: [{ name: 'text', kind: 'textarea', required: true }, { name: 'receivedOn', kind: 'date', default: 'today' }],
  decide_protocol_remarks: [{ name: 'decision', kind: 'select', options: ['accepted', 'rejected', 'partly_rejected'], required: true }, { name: 'reasons', kind: 'textarea', required: true }],
  adopt_act: [
    { name: 'outcome', kind: 'select', options: ['satisfied', 'partly_satisfied', 'refused'], required: true },
    { name: 'favourable', kind: 'checkbox' },
    { name: 'reasons', kind: 'textarea', required: true },
    { name: 'hearingExemption', kind: 'select', options: 'hearingExemptions' },
    { name: 'exemptionReasons', kind: 'textarea' },
  ],
  communicate_act: [{ name: 'communicatedOn', kind: 'date', required: true, default: 'today' }],
  close: [],
  answer: [{ name: 'text', kind: 'textarea', required: true }],
  note: [{ name: 'text', kind: 'textarea', required: true }],
  join_interested: [{ name: 'name', kind: 'text', required: true }, { name: 'iin', kind: 'text' }, { name: 'postalAddress', kind: 'text' }, { name: 'interest', kind: 'textarea', required: true }],
  add_representative: [{ name: 'name', kind: 'text', required: true }, { name: 'iin', kind: 'text' }, { name: 'basis', kind: 'select', options: ['power_of_attorney', 'oral_declaration', 'law'], required: true }, { name: 'document', kind: 'text' }],
  declare_recusal: [{ name: 'officialId', kind: 'official', required: true }, { name: 'ground', kind: 'select', options: 'recusalGrounds', required: true }, { name: 'self', kind: 'checkbox' }, { name: 'statement', kind: 'textarea', required: true }],
  decide_recusal: [{ name: 'upheld', kind: 'checkbox' }, { name: 'replacementId', kind: 'official' }, { name: 'reasons', kind: 'textarea', required: true }],
  postpone: [{ name: 'reasons', kind: 'textarea', required: true }],
  resume: [],
  request_access: [{ name: 'note', kind: 'textarea' }],
  grant_access: [{ name: 'grantedOn', kind: 'date', required: true, default: 'today' }, { name: 'withheld', kind: 'textarea' }],
  // answers under control (REG p.5(4)-(5)): the quality-review form of D-5.4, the issues returned per line (D-5.5)
  take_under_control: [{ name: 'reason', kind: 'textarea', required: true }],
  return_for_rework: [...REVIEW, { name: 'issues', kind: 'lines', required: true }],
  accept_answer: [...REVIEW, { name: 'note', kind: 'textarea' }],
  resubmit_answer: [{ name: 'kind', kind: 'select', options: ['supplementary_answer', 'corrected_act', 'new_act'], required: true }, { name: 'text', kind: 'textarea', required: true }, { name: 'actNumber', kind: 'text' }],
};


/** The value the API expects, from what the form holds; empty optional values are left out. */
function payload(specs: Spec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const v = values[s.name];
    if (s.kind === 'checkbox') out[s.name] = !!v;
    // a local date and time in Kazakhstan (one zone, UTC+5, since 1 March 2024) as the API's instant with offset
    else if (s.kind === 'datetime') {
      if (v) out[s.name] = `${String(v)}:00+05:00`;
    }
    else if (s.kind === 'lines') {
      const lines = String(v ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
      if (lines.length || s.required) out[s.name] = lines;
    } else if (s.kind === 'checks') {
      const list = (v as string[] | undefined) ?? [];
      if (list.length || s.required) out[s.name] = list;
    } else if (v !== undefined && v !== '') out[s.name] = v;
  }
  return out;
}

function ActionDialog({ appeal, action, citation, bodies, officials, grounds, onClose, onDone }: {
  appeal: Case;
  action: string;
  citation: string;
  bodies: Body[];
  officials: Official[];
  grounds: Grounds | undefined;
  onClose(): void;
  onDone(c: Case): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const ref = useRef<HTMLDialogElement>(null);
  const specs = FORMS[action] ?? [];
  const [values, setValues] = useState<Record<string, unknown>>(() => Object.fromEntries(specs.filter((s) => s.default === 'today').map((s) => [s.name, almatyDate()])));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const set = (name: string, v: unknown) => setValues((x) => ({ ...x, [name]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.act(appeal.id, appeal.version, { action, ...payload(specs, values) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const optionsOf = (s: Spec): { value: string; label: string }[] => {
    if (Array.isArray(s.options)) return s.options.map((o) => ({ value: o, label: t(stepKey('option', `${s.name}.${o}`)) }));
    if (!grounds) return [];
    const list = s.options === 'termination' ? (appeal.procedure === 'simplified' ? [...grounds.simplifiedTerminationGrounds, ...grounds.terminationGrounds] : grounds.terminationGrounds) : grounds[s.options as keyof Grounds];
    return list.map((g) => ({ value: g.code, label: `${g.text} (${g.citation})` }));
  };
  const label = (s: Spec) => t(stepKey('field', s.name)) + (s.required ? ' *' : '');

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dlg-title" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="dlg-title">
          {t(stepKey('action', action), { defaultValue: action })} <span className="cite">{citation}</span>
        </h2>
        <p className="hint">{t(stepKey('actionHelp', action), { defaultValue: '' })}</p>
        <ErrorBox error={error} />
        {specs.map((s) => {
          const err = fieldError(error, s.name);
          if (s.kind === 'checkbox')
            return (
              <div key={s.name} className={err ? 'field check invalid' : 'field check'}>
                <label>
                  <input type="checkbox" name={s.name} checked={!!values[s.name]} onChange={(e) => set(s.name, e.target.checked)} /> {t(stepKey('field', s.name))}
                </label>
                {err && <p className="error">{err}</p>}
              </div>
            );
          if (s.kind === 'checks')
            return (
              <fieldset key={s.name} className={err ? 'invalid' : undefined}>
                <legend>{label(s)}</legend>
                {optionsOf(s).map((o) => {
                  const list = (values[s.name] as string[] | undefined) ?? [];
                  return (
                    <label key={o.value} className="choice">
                      <input type="checkbox" checked={list.includes(o.value)} onChange={(e) => set(s.name, e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))} /> {o.label}
                    </label>
                  );
                })}
                {err && <p className="error">{err}</p>}
              </fieldset>
            );
          return (
            <Field key={s.name} label={label(s)} error={err} {...(s.kind === 'lines' ? { hint: t('field.linesHint') } : {})}>
              {(p) => {
                const common = { ...p, name: s.name, required: s.required, value: String(values[s.name] ?? ''), onChange: (e: { target: { value: string } }) => set(s.name, e.target.value) };
                if (s.kind === 'textarea' || s.kind === 'lines') return <textarea {...common} rows={4} />;
                if (s.kind === 'date') return <input {...common} type="date" />;
                if (s.kind === 'time') return <input {...common} type="time" />;
                if (s.kind === 'datetime') return <input {...common} type="datetime-local" />;
                if (s.kind === 'text') return <input {...common} />;
                const opts =
                  s.kind === 'body'
                    ? bodies.filter((b) => b.id !== appeal.bodyId && b.active).map((b) => ({ value: b.id, label: b.name[lang] }))
                    : s.kind === 'official'
                      ? officials.length || !appeal.recusalCandidates
                        ? officials.map((o) => ({ value: o.id, label: `${o.fullName}${o.appointments[0] ? ` — ${o.appointments[0].title[lang]}` : ''}` }))
                        : appeal.recusalCandidates.map((o) => ({ value: o.id, label: o.fullName }))
                      : optionsOf(s);
                return (
                  <select {...common}>
                    <option value="">{t('field.choose')}</option>
                    {opts.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                );
              }}
            </Field>
          );
        })}
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {t('action.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function Actions({ appeal, onChanged }: { appeal: Case; onChanged(c: Case): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ action: string; citation: string }>();
  const [ref, setRef] = useState<{ bodies: Body[]; officials: Official[]; grounds?: Grounds }>({ bodies: [], officials: [] });
  const needs = (kind: Kind) => appeal.actions.some((a) => FORMS[a.action]?.some((s) => s.kind === kind));
  useEffect(() => {
    let live = true;
    const wantsGrounds = appeal.actions.some((a) => FORMS[a.action]?.some((s) => typeof s.options === 'string'));
    void Promise.all([
      needs('body') ? api.bodies() : Promise.resolve([]),
      needs('official') ? api.officials(appeal.bodyId).catch(() => []) : Promise.resolve([]),
      wantsGrounds ? api.grounds() : Promise.resolve(undefined),
    ]).then(([bodies, officials, grounds]) => live && setRef({ bodies, officials: officials.filter((o) => o.active), ...(grounds ? { grounds } : {}) }), () => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [appeal.id, appeal.version]);
  if (!appeal.actions.length) return <p>{t('case.noActions')}</p>;
  return (
    <>
      <ul className="actions">
        {appeal.actions.map((a) => (
          <li key={a.action}>
            <button type="button" onClick={() => setOpen(a)} data-action={a.action}>
              {t(stepKey('action', a.action), { defaultValue: a.action })}
            </button>{' '}
            <span className="cite">{a.citation}</span>
          </li>
        ))}
      </ul>
      {open && (
        <ActionDialog
          appeal={appeal}
          action={open.action}
          citation={open.citation}
          bodies={ref.bodies}
          officials={ref.officials}
          grounds={ref.grounds}
          onClose={() => setOpen(undefined)}
          onDone={(c) => {
            setOpen(undefined);
            onChanged(c);
          }}
        />
      )}
    </>
  );
}
