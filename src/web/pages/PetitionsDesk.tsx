/**
 * The petitions desk (docs/workspace.md). The petitions authority (petition.moderate) checks a petition that gathered
 * its pre-support and publishes or rejects it (APC 90-2(5)–(7)), tells the media (90-2(8)), records written
 * signatures (90-3(1)), sends one that reached its threshold to the competent body (90-4(1)) or returns one that did
 * not (90-3(5)). The competent body (petition.manage) registers it (90-4(2)), reviews it with its duties (90-5),
 * decides by its first head (90-6(1)) and publishes the decision (90-6(3)). The steps offered are the case's
 * `actions`: those of the petition's state that the user's roles take (the API decides, from the lifecycle).
 */
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type PetitionCase } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { can, useSession } from '../session.tsx';

type Kind = 'date' | 'datetime' | 'text' | 'textarea' | 'number' | 'lines' | 'select' | 'checks';
interface Input {
  name: string;
  kind: Kind;
  options?: readonly string[];
}
/**
 * The form of each step the API may offer (the case's `actions`); a step without one here is not offered. The API's
 * `sign` is the authority's recording of a signature collected on paper (90-3(1)), labelled `sign_written`.
 */
const FORMS: Record<string, Input[]> = {
  publish: [{ name: 'population', kind: 'number' }],
  reject: [{ name: 'grounds', kind: 'checks', options: ['no_pre_support', 'content_incomplete', 'forbidden_subject', 'same_subject_pending'] }, { name: 'reasons', kind: 'textarea' }],
  sign: [{ name: 'iin', kind: 'text' }, { name: 'name', kind: 'text' }],
  inform_media: [{ name: 'informedOn', kind: 'date' }, { name: 'outlets', kind: 'lines' }],
  send: [],
  return: [{ name: 'as', kind: 'select', options: ['proposal', 'report', 'feedback'] }],
  register: [],
  start_review: [],
  record_duty: [{ name: 'duty', kind: 'select', options: ['site_visit', 'public_discussion', 'working_group', 'comments_analysis', 'comparative_analysis'] }, { name: 'outcome', kind: 'select', options: ['done', 'waived'] }, { name: 'on', kind: 'date' }, { name: 'note', kind: 'textarea' }],
  schedule_discussion: [{ name: 'at', kind: 'datetime' }, { name: 'place', kind: 'text' }],
  decide: [{ name: 'decision', kind: 'select', options: ['satisfied', 'partly_satisfied', 'refused'] }, { name: 'reasons', kind: 'textarea' }],
  publish_decision: [],
  official_statement: [{ name: 'madeOn', kind: 'date' }, { name: 'text', kind: 'textarea' }],
};
const label = (action: string) => (action === 'sign' ? 'sign_written' : action);
const AUTHORITY_VIEWS = ['pre_supported', 'submitted', 'published'] as const;
const BODY_VIEWS = ['sent', 'registered', 'in_review', 'decided'] as const;

function useStaff(next: string) {
  const { me } = useSession();
  useEffect(() => {
    if (me === null) navigate(`/staff/signin?next=${encodeURIComponent(next)}`, true);
  }, [me, next]);
  return me;
}

function Desk() {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  const me = useStaff('/staff/petitions');
  const moderator = can(me, 'petition.moderate');
  const views: readonly string[] = moderator ? AUTHORITY_VIEWS : BODY_VIEWS;
  const [state, setState] = useState<string>();
  const chosen = state ?? views[0]!;
  const list = useLoad(() => (me ? api.petitionsIn({ state: chosen, ...(moderator ? {} : { bodyId: me.bodyId ?? undefined }) }) : Promise.resolve(undefined)), [chosen, me?.id, i18n.language]);
  if (!me) return <Loading />;
  if (!moderator && !can(me, 'petition.manage')) return <p>{t('admin.nothing')}</p>;
  return (
    <div>
      <h1>{t('workspace.pet.title')}</h1>
      <p className="muted">{t(moderator ? 'workspace.pet.leadAuthority' : 'workspace.pet.leadBody')}</p>
      <div className="tabs" role="group" aria-label={t('workspace.pet.views')}>
        {views.map((v) => (
          <button key={v} type="button" className="secondary" aria-pressed={chosen === v} onClick={() => setState(v)}>
            {t(`petitionState.${v}`)}
          </button>
        ))}
      </div>
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.length === 0 ? (
        <p>{t('workspace.pet.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="worklist" data-testid="petitions-desk">
            <thead>
              <tr>
                <th scope="col">{t('ticket.number')}</th>
                <th scope="col">{t('petition.titleField')}</th>
                <th scope="col">{t('petition.body')}</th>
                <th scope="col">{t('workspace.pet.submitted')}</th>
                <th scope="col">{t('workspace.pet.signatures')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`/staff/petitions/${p.id}`} className="case-link">
                      {p.number}
                    </Link>
                  </th>
                  <td className="wrap">{p.title}</td>
                  <td className="wrap">{p.bodyName}</td>
                  <td>{day(p.submittedOn)}</td>
                  <td className="number">
                    {p.count}
                    {p.threshold !== null && ` / ${p.threshold}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { day, time } = useDates();
  const me = useStaff(`/staff/petitions/${id}`);
  const c = useLoad(() => (me ? api.petitionCase(id) : Promise.resolve(undefined)), [id, me?.id, i18n.language]);
  if (!c.data) return <Loading error={c.error} />;
  const p = c.data;
  const terms: [string, string | null, string][] = [
    ['preSupportBy', p.state === 'submitted' ? p.preSupportBy : null, 'APC 90-2(4)(1)'],
    ['checkBy', p.checkBy, 'APC 90-2(5)'],
    ['mediaBy', p.mediaBy, 'APC 90-2(8)'],
    ['signingEndsOn', p.signingEndsOn, 'APC 90-3(2)'],
    ['sendBy', p.sendBy, 'APC 90-4(1)'],
    ['due', p.due, 'APC 90-5(1)'],
    ['publishDecisionBy', p.publishDecisionBy, 'APC 90-6(3)'],
  ];
  const applicant = p.applicant as { name?: string; residence?: string; email?: string };
  return (
    <div className="narrow">
      <p className="crumbs">
        <Link href="/staff/petitions">{t('workspace.pet.title')}</Link>
      </p>
      <h1>
        {p.number}: {p.title}
      </h1>
      <div className="meta status-line">
        <span className={`badge p-${p.state}`} data-testid="petition-state">
          {t(`petitionState.${p.state}`, { defaultValue: p.state })}
        </span>
        <span className="number">
          {t('petition.signatures', { count: p.count })}
          {p.threshold !== null && ` / ${p.threshold}`}
        </span>
      </div>
      <dl className="facts">
        <dt>{t('petition.body')}</dt>
        <dd>{p.bodyName}</dd>
        <dt>{t('workspace.pet.applicant')}</dt>
        <dd>
          {applicant.name} {applicant.residence && <span className="muted">· {applicant.residence}</span>}
        </dd>
        <dt>{t('workspace.pet.submitted')}</dt>
        <dd>{day(p.submittedOn)}</dd>
        {terms
          .filter(([, date]) => date)
          .map(([key, date, cite]) => (
            <Fragment key={key}>
              <dt>{t(`workspace.pet.terms.${key}`)}</dt>
              <dd>
                {day(date!)} <span className="cite">{cite}</span>
              </dd>
            </Fragment>
          ))}
      </dl>
      <section aria-labelledby="pet-content">
        <h2 id="pet-content">{t('petition.content')}</h2>
        <p className="pre">{p.content}</p>
        <h3>{t('petition.proposals')}</h3>
        <p className="pre">{p.proposals}</p>
      </section>
      <Steps petition={p} onDone={c.reload} />
      <section aria-labelledby="pet-timeline">
        <h2 id="pet-timeline">{t('case.timeline')}</h2>
        <ol className="timeline">
          {p.timeline.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{time(e.at)}</time>
              <p>
                {t(`workspace.pet.action.${e.action}`, { defaultValue: e.action })} {e.state && <span className="tag">{t(`petitionState.${e.state}`, { defaultValue: e.state })}</span>} {e.citation && <span className="cite">{e.citation}</span>}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Steps({ petition, onDone }: { petition: PetitionCase; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const open = petition.actions.flatMap((a) => (FORMS[a.action] ? [{ ...a, inputs: FORMS[a.action]! }] : []));
  const [chosen, setChosen] = useState<string>();
  const [form, setForm] = useState<Record<string, string | string[]>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  if (open.length === 0) return null;
  const step = open.find((s) => s.action === chosen);
  const set = (k: string, v: string | string[]) => setForm((f) => ({ ...f, [k]: v }));
  const value = (i: Input): string => {
    const v = form[i.name];
    return typeof v === 'string' ? v : i.kind === 'select' ? i.options![0]! : '';
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!step) return;
    setBusy(true);
    setError(undefined);
    const input: Record<string, unknown> = {};
    for (const i of step.inputs) {
      const v = i.kind === 'checks' ? (form[i.name] ?? []) : value(i);
      if (i.kind === 'lines') input[i.name] = String(v).split('\n').map((x) => x.trim()).filter(Boolean);
      else if (i.kind === 'number') v !== '' && (input[i.name] = Number(v));
      else if (i.kind === 'datetime') v !== '' && (input[i.name] = new Date(String(v)).toISOString());
      else if (i.kind === 'checks' || v !== '' || i.kind === 'textarea' || i.kind === 'text') input[i.name] = v;
    }
    if (step.action === 'decide') input.language = i18n.language as Lang;
    try {
      if (step.action === 'sign') {
        const r = await api.writtenSignature(petition.id, { iin: String(input.iin ?? ''), name: String(input.name ?? '') });
        setSaid(t('workspace.pet.signedWritten', { count: r.count }));
      } else {
        await api.petitionAct(petition, { action: step.action, ...input });
        setSaid(t('workspace.pet.done', { step: t(`workspace.pet.action.${label(step.action)}`) }));
      }
      setChosen(undefined);
      setForm({});
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="pet-actions">
      <h2 id="pet-actions">{t('case.actions')}</h2>
      <p role="status" className="ok">
        {said}
      </p>
      <div className="buttons">
        {open.map((s) => (
          <button key={s.action} type="button" className={chosen === s.action ? undefined : 'secondary'} aria-expanded={chosen === s.action} aria-controls="pet-step" data-action={s.action} onClick={() => (setChosen(chosen === s.action ? undefined : s.action), setError(undefined))}>
            {t(`workspace.pet.action.${label(s.action)}`)}
          </button>
        ))}
      </div>
      <div id="pet-step">
        {step && (
          <form onSubmit={(e) => void submit(e)} noValidate className="card plain">
            <h3>
              {t(`workspace.pet.action.${label(step.action)}`)} <span className="cite">{step.citation}</span>
            </h3>
            <p className="hint">{t(`workspace.pet.help.${label(step.action)}`)}</p>
            <ErrorBox error={error} />
            {step.inputs.map((i) =>
              i.kind === 'checks' ? (
                <fieldset key={i.name} className={fieldError(error, i.name) ? 'invalid' : undefined}>
                  <legend>{t(`workspace.pet.field.${i.name}`)}</legend>
                  {i.options!.map((o) => {
                    const list = (form[i.name] as string[] | undefined) ?? [];
                    return (
                      <div key={o} className="field check">
                        <label>
                          <input type="checkbox" checked={list.includes(o)} onChange={(e) => set(i.name, e.target.checked ? [...list, o] : list.filter((x) => x !== o))} /> {t(`workspace.pet.option.${o}`)}
                        </label>
                      </div>
                    );
                  })}
                  {fieldError(error, i.name) && <p className="error">{fieldError(error, i.name)}</p>}
                </fieldset>
              ) : (
                <Field key={i.name} label={t(`workspace.pet.field.${i.name}`)} error={fieldError(error, i.name)} {...(i.kind === 'lines' ? { hint: t('field.linesHint') } : {})}>
                  {(p) =>
                    i.kind === 'textarea' || i.kind === 'lines' ? (
                      <textarea {...p} rows={4} value={value(i)} onChange={(e) => set(i.name, e.target.value)} />
                    ) : i.kind === 'select' ? (
                      <select {...p} value={value(i)} onChange={(e) => set(i.name, e.target.value)}>
                        {i.options!.map((o) => (
                          <option key={o} value={o}>
                            {t(`workspace.pet.option.${o}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input {...p} type={i.kind === 'datetime' ? 'datetime-local' : i.kind === 'text' ? 'text' : i.kind} {...(i.kind === 'number' || i.name === 'iin' ? { inputMode: 'numeric' as const } : {})} value={value(i)} onChange={(e) => set(i.name, e.target.value)} />
                    )
                  }
                </Field>
              ),
            )}
            <div className="buttons">
              <button type="submit" disabled={busy}>
                {t('action.confirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setChosen(undefined)}>
                {t('action.cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}

export default function PetitionsDesk({ id }: { id?: string }) {
  return id ? <CasePage id={id} /> : <Desk />;
}
