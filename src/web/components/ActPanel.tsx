/**
 * The administrative acts of a case (APC Chapter 11). An official drafts one from an approved standard form and
 * edits it while the API lists what APC 80 still lacks; the head or a deputy signs it with the external signing
 * tool (SignatureSteps). Signing is the adoption on the case (77(1)). Everyone who reads the case sees the adopted
 * act, its PDF and its public check.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Act, type ActContent, type ActTemplate, type Case, type Ground, type Lang } from '../api.ts';
import { can, useSession } from '../session.tsx';
import { Link } from '../router.tsx';
import { SignatureSteps } from './SignatureSteps.tsx';
import { ErrorBox, Field, Loading, almatyDate, fieldError, useDates, useLoad } from './ui.tsx';

/** Case states in which the decision is still to be taken: a draft act makes sense only then. */
const DECIDING = ['in_review', 'preliminary_notified'];
/** APC 80(2): the closed list of reasons to leave the justification out (labels under act.justificationExemptions). */
const JUSTIFICATION_EXEMPTIONS = ['favourable_no_third_party', 'identical_acts', 'published', 'other_law'];
const TEXTS = ['operative', 'justification', 'legalBasis', 'appealExplanation'] as const;

function Missing({ missing }: { missing: Ground[] }) {
  const { t } = useTranslation();
  return (
    <div role="status" data-testid="act-missing">
      {missing.length ? (
        <div className="note">
          <p>{t('act.missing')}</p>
          <ul>
            {missing.map((m) => (
              <li key={m.code}>
                {m.text} <span className="cite">{m.citation}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="ok">{t('act.complete')}</p>
      )}
    </div>
  );
}

function DraftEditor({ act, onSaved }: { act: Act; onSaved(a: Act): void }) {
  const { t } = useTranslation();
  const grounds = useLoad(() => api.grounds(), []);
  const [content, setContent] = useState<ActContent>(act.content);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<ActContent>) => {
    setSaved(false);
    setContent((c) => ({ ...c, ...patch }));
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { addressee, justificationExemption, hearingExemption, noHearingReasons } = content;
      const texts = Object.fromEntries(TEXTS.map((k) => [k, content[k] ?? '']));
      onSaved(await api.editAct(act, { ...texts, ...(addressee ? { addressee } : {}), justificationExemption: justificationExemption || null, hearingExemption: hearingExemption || null, noHearingReasons: noHearingReasons ?? '' }));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} noValidate className="act-editor">
      <ErrorBox error={error} />
      <Field label={t('act.addressee')} error={fieldError(error, 'addressee.name')} hint="APC 80(1)(3)">
        {(p) => <input {...p} value={content.addressee?.name ?? ''} onChange={(e) => set({ addressee: { kind: content.addressee?.kind ?? 'individual', name: e.target.value } })} />}
      </Field>
      {TEXTS.map((k) => (
        <Field key={k} label={t(`act.${k}`)} error={fieldError(error, k)} hint={t(`act.${k}Hint`)}>
          {(p) => <textarea {...p} rows={k === 'legalBasis' ? 2 : 4} value={content[k] ?? ''} onChange={(e) => set({ [k]: e.target.value })} />}
        </Field>
      ))}
      <Field label={t('act.justificationExemption')} error={fieldError(error, 'justificationExemption')} hint="APC 80(2)">
        {(p) => (
          <select {...p} value={content.justificationExemption ?? ''} onChange={(e) => set({ justificationExemption: e.target.value || null })}>
            <option value="">{t('act.none')}</option>
            {JUSTIFICATION_EXEMPTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`act.justificationExemptions.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('field.hearingExemption')} error={fieldError(error, 'hearingExemption')} hint="APC 73(2)">
        {(p) => (
          <select {...p} value={content.hearingExemption ?? ''} onChange={(e) => set({ hearingExemption: e.target.value || null })}>
            <option value="">{t('act.none')}</option>
            {(grounds.data?.hearingExemptions ?? []).map((g) => (
              <option key={g.code} value={g.code}>
                {g.text} ({g.citation})
              </option>
            ))}
          </select>
        )}
      </Field>
      {content.hearingExemption === 'urgent_protection' && (
        <Field label={t('act.noHearingReasons')} error={fieldError(error, 'noHearingReasons')} hint="APC 73(2)">
          {(p) => <textarea {...p} rows={3} value={content.noHearingReasons ?? ''} onChange={(e) => set({ noHearingReasons: e.target.value })} />}
        </Field>
      )}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {t('act.save')}
        </button>
        {saved && <span role="status">{t('act.saved')}</span>}
      </div>
    </form>
  );
}

/** APC 81: how the act reached the participant; it takes effect then (83(2)) and the execution term runs (86(3)). */
const COMMUNICATION_METHODS = ['cabinet', 'registered_post', 'email', 'in_person', 'published'];

function Communicate({ act, onDone }: { act: Act; onDone(): void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(() => almatyDate());
  const [method, setMethod] = useState('cabinet');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.communicateAct(act, on, method);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>
          {t('act.communicate')} <span className="cite">APC 81, 83(2)</span>
        </legend>
        <ErrorBox error={error} />
        <Field label={t('act.communicatedOn')} error={fieldError(error, 'communicatedOn')}>
          {(p) => <input {...p} type="date" required value={on} onChange={(e) => setOn(e.target.value)} />}
        </Field>
        <Field label={t('act.method')} error={fieldError(error, 'method')}>
          {(p) => (
            <select {...p} value={method} onChange={(e) => setMethod(e.target.value)}>
              {COMMUNICATION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`act.methods.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t('act.communicateSubmit')}
        </button>
      </fieldset>
    </form>
  );
}

function AdoptedAct({ act, appeal, onChanged }: { act: Act; appeal: Case; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { day, time } = useDates();
  const { me } = useSession();
  return (
    <>
      <dl className="facts">
        {act.adoptedOn && (
          <>
            <dt>{t('act.adoptedOn')}</dt>
            <dd>{day(act.adoptedOn)}</dd>
          </>
        )}
        {act.signer && (
          <>
            <dt>{t('act.signer')}</dt>
            <dd>
              {act.signer.name}
              {act.signer.position && `, ${act.signer.position}`} <span className="muted">{time(act.signer.signedAt)}</span>
            </dd>
          </>
        )}
        {act.inForceOn && (
          <>
            <dt>{t('act.inForceOn')}</dt>
            <dd>
              {day(act.inForceOn)} <span className="cite">APC 83(1)</span>
            </dd>
          </>
        )}
        {act.communicatedOn && (
          <>
            <dt>{t('act.communicatedOn')}</dt>
            <dd>{day(act.communicatedOn)}</dd>
          </>
        )}
        {act.executionDue && (
          <>
            <dt>{t('act.executionDue')}</dt>
            <dd>
              {day(act.executionDue)} <span className="cite">APC 86(3)</span>
            </dd>
          </>
        )}
      </dl>
      {act.content.operative && <p className="pre essence">{act.content.operative}</p>}
      {me?.kind === 'official' && act.state === 'in_force' && !act.communicatedOn && <Communicate act={act} onDone={onChanged} />}
      <p className="links">
        <a href={`/api/v1/acts/${act.id}.pdf?lang=${i18n.language === 'kk' || i18n.language === 'ru' ? i18n.language : act.language}`} target="_blank" rel="noopener">
          {t('act.pdf')}
        </a>
        {/* a plain link: /verify/ is a page of the server (the QR of the PDF points there), not of this application */}
        <a href={`/verify/${act.id}`}>{t('act.verify')}</a>
        {me?.kind === 'applicant' && (
          <Link className="button" href={`/appeals/${appeal.id}/complaint?act=${act.id}`}>
            {t('complaint.file')}
          </Link>
        )}
      </p>
    </>
  );
}

function NewDraft({ appeal, onDrafted }: { appeal: Case; onDrafted(a: Act): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const templates = useLoad(() => api.templates(), []);
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!templates.data) return <Loading error={templates.error} />;
  const usable = templates.data.filter((x: ActTemplate) => x.state === 'approved' && x.procedure === appeal.procedure && x.kind !== 'complaint_decision');
  const draft = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDrafted(await api.draftAct(appeal.id, templateId));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void draft(e)} noValidate>
      <ErrorBox error={error} />
      <fieldset className={fieldError(error, 'templateId') ? 'invalid' : undefined}>
        <legend>{t('act.template')}</legend>
        <p className="hint">{t('act.templateHint')}</p>
        {usable.map((x) => (
          <label key={x.id} className="choice">
            <input type="radio" name="template" value={x.id} checked={templateId === x.id} onChange={() => setTemplateId(x.id)} /> {x.title[lang]}{' '}
            <span className="muted">
              {t('act.version', { version: x.version })}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || !templateId}>
        {t('act.draft')}
      </button>
    </form>
  );
}

export function ActPanel({ appeal, onChanged }: { appeal: Case; onChanged(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const official = me?.kind === 'official';
  const canDraft = official && (can(me, 'appeal.decide') || can(me, 'appeal.sign'));
  const [tick, setTick] = useState(0);
  const acts = useLoad(() => api.actsOf(appeal.id), [appeal.id, appeal.version, tick]);
  if (!acts.data) return <Loading error={acts.error} />;
  // a draft is not yet an act: the participant sees only what was signed
  const shown = acts.data.filter((a) => official || a.state !== 'draft');
  const deciding = DECIDING.includes(appeal.state);
  const reload = () => setTick((x) => x + 1);
  if (!shown.length && !(canDraft && deciding)) return null;
  return (
    <section aria-labelledby="acts">
      <h2 id="acts">{t('act.title')}</h2>
      {shown.map((a) => (
        <article key={a.id} className="act card" data-testid="act">
          <h3>
            {t(`act.kind.${a.kind}`, { defaultValue: a.kind })} <span className="number">{a.number}</span>{' '}
            <span className={`badge a-${a.state}`}>{t(`act.state.${a.state}`, { defaultValue: a.state })}</span>
          </h3>
          {a.state === 'draft' ? (
            <>
              <Missing missing={a.missing} />
              {canDraft && deciding && <DraftEditor act={a} onSaved={reload} />}
              {can(me, 'appeal.sign') && deciding ? (
                <SignatureSteps
                  level={4}
                  fileName={`act-${a.number}.json`}
                  help={t('act.signHelp')}
                  submitLabel={t('act.sign')}
                  loadText={() => api.signingContent(a.id).then((c) => ({ text: c.canonical, sha256: c.sha256 }))}
                  sign={async (signature) => {
                    await api.signAct(a.id, a.version, signature);
                    reload();
                    onChanged();
                  }}
                />
              ) : (
                <p className="hint">{t('act.signerSigns')}</p>
              )}
            </>
          ) : (
            <AdoptedAct
              act={a}
              appeal={appeal}
              onChanged={() => {
                reload();
                onChanged();
              }}
            />
          )}
        </article>
      ))}
      {canDraft && deciding && !shown.some((a) => a.state === 'draft') && <NewDraft appeal={appeal} onDrafted={reload} />}
    </section>
  );
}
