/**
 * Filing an appeal from the cabinet (APC 64(4)), as a guided form: the topic, the body suggested from it (the
 * competent body type of the topic), the text, a preview, then the registration ticket (64(2)).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Applicant, type Body, type Lang, type Ticket, type Topic } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, useDates, useLoad } from '../components/ui.tsx';
import { pageData } from '../early.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

const TYPES = ['application', 'proposal', 'feedback', 'request', 'report'] as const;
type Step = 'topic' | 'body' | 'text' | 'preview';
const STEPS: Step[] = ['topic', 'body', 'text', 'preview'];

export function TicketView({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { day, time } = useDates();
  return (
    <section className="ticket" aria-labelledby="ticket-title">
      <h2 id="ticket-title">{t('ticket.title')}</h2>
      <dl className="facts">
        <dt>{t('ticket.number')}</dt>
        <dd className="number" data-testid="ticket-number">{ticket.number}</dd>
        <dt>{t('ticket.body')}</dt>
        <dd>{ticket.bodyName}</dd>
        <dt>{t('ticket.received')}</dt>
        <dd>{time(ticket.receivedAt)}</dd>
        <dt>{t('ticket.registered')}</dt>
        <dd>{day(ticket.registeredOn)}</dd>
        <dt>{t('ticket.acceptedBy')}</dt>
        <dd>
          {ticket.acceptedBy}, {ticket.acceptedByPosition}
        </dd>
        <dt>{t('ticket.due')}</dt>
        <dd>
          {day(ticket.due)} <span className="cite">APC 76(1)</span>
        </dd>
      </dl>
      {ticket.missing.length > 0 && (
        <div className="note">
          <p>{t('ticket.missing')}</p>
          <ul>
            {ticket.missing.map((m) => (
              <li key={m.code}>
                {m.text} <span className="cite">{m.citation}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export default function FileAppeal() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const [step, setStep] = useState<Step>('topic');
  const [parentId, setParentId] = useState('');
  const [topicId, setTopicId] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('application');
  const [summary, setSummary] = useState('');
  const [essence, setEssence] = useState('');
  const [applicant, setApplicant] = useState<Applicant>({ kind: 'individual' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<Ticket>();
  const key = useRef(`web-${crypto.randomUUID()}`);
  const heading = useRef<HTMLHeadingElement>(null);

  // the loader opening.ts may already have asked (the form opened directly): its answer is then at hand
  const ref = useLoad(pageData.fileAppeal, []);
  useEffect(() => {
    if (me === null) navigate('/signin?next=/file', true);
    if (me?.kind === 'applicant')
      api.profile().then(
        (p) => setApplicant({ kind: p.kind, ...(p.name ? { name: p.name } : {}), ...(p.email ? { email: p.email } : {}), ...(p.phone ? { phone: p.phone } : {}), ...(p.postalAddress ? { postalAddress: p.postalAddress } : {}) }),
        () => undefined,
      );
  }, [me]);
  useEffect(() => heading.current?.focus(), [step, ticket]);

  const [topics, bodies] = ref.data ?? [[], []];
  const parent = topics.find((x) => x.id === parentId);
  const topic: Topic | Omit<Topic, 'children'> | undefined = parent?.children.find((c) => c.id === topicId) ?? parent;
  const suggested = useMemo(() => bodies.filter((b) => b.active && topic?.competentBodyType && b.type === topic.competentBodyType), [bodies, topic]);
  const others = useMemo(() => bodies.filter((b) => b.active && !suggested.includes(b) && b.type !== 'court' && b.type !== 'state_corporation'), [bodies, suggested]);
  const body: Body | undefined = bodies.find((b) => b.id === bodyId);

  // the heading is drawn at once, before the topics and bodies arrive (the first paint does not wait for the API)
  if (!ref.data)
    return (
      <div className="narrow">
        <h1 ref={heading} tabIndex={-1}>
          {t('file.title')}
        </h1>
        <p>{t('file.lead')}</p>
        <Loading error={ref.error} />
      </div>
    );
  if (ticket)
    return (
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {t('file.done')}
        </h1>
        <TicketView ticket={ticket} />
        <p>
          <Link className="button" href={`/appeals/${ticket.id}`}>
            {t('file.follow')}
          </Link>{' '}
          <Link href="/cabinet">{t('nav.cabinet')}</Link>
        </p>
      </div>
    );

  const index = STEPS.indexOf(step);
  const next = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (step === 'body' && !bodyId) return setError(new ApiError(400, 'validation', t('file.chooseBody'), [{ field: 'bodyId', code: 'required', message: t('file.chooseBody') }]));
    if (step === 'text' && !essence.trim()) return setError(new ApiError(400, 'validation', t('file.essenceRequired'), [{ field: 'essence', code: 'required', message: t('file.essenceRequired') }]));
    if (step === 'topic' && parentId && !bodyId && suggested.length === 1) setBodyId(suggested[0]!.id);
    setStep(STEPS[index + 1]!);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const clean = Object.fromEntries(Object.entries(applicant).filter(([, v]) => v !== '' && v !== undefined)) as unknown as Applicant;
      setTicket(await api.fileAppeal({ bodyId, type, language: lang, ...(topic ? { topicId: topic.id } : {}), ...(summary.trim() ? { summary: summary.trim() } : {}), essence, applicant: clean }, key.current));
    } catch (err) {
      setError(err);
      // a field error belongs to a step: go back to it
      if (err instanceof ApiError && err.errors.some((x) => /essence|summary|applicant|type/.test(x.field))) setStep('text');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('file.title')}
      </h1>
      <p>{t('file.lead')}</p>
      <ol className="stepper" aria-label={t('file.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'done' : undefined}>
            {t(`file.step.${s}`)}
          </li>
        ))}
      </ol>
      <ErrorBox error={error} />
      {step === 'topic' && (
        <form onSubmit={next}>
          <fieldset>
            <legend>{t('file.topicQuestion')}</legend>
            <div className="choices">
              {topics.map((x) => (
                <label key={x.id} className="choice">
                  <input type="radio" name="topic" value={x.id} checked={parentId === x.id} onChange={() => (setParentId(x.id), setTopicId(''), setBodyId(''))} />
                  {x.name[lang]}
                </label>
              ))}
            </div>
          </fieldset>
          {parent && parent.children.length > 0 && (
            <Field label={t('file.subtopic')}>
              {(p) => (
                <select {...p} value={topicId} onChange={(e) => (setTopicId(e.target.value), setBodyId(''))}>
                  <option value="">{t('file.anySubtopic')}</option>
                  {parent.children.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name[lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <p className="hint">{t('file.topicHint')}</p>
          <button type="submit">{t('file.next')}</button>
        </form>
      )}
      {step === 'body' && (
        <form onSubmit={next}>
          <fieldset>
            <legend>{t('file.bodyQuestion')}</legend>
            {suggested.length > 0 && <p className="hint">{t('file.suggested', { topic: topic?.name[lang] ?? '' })}</p>}
            <div className="choices">
              {[...suggested, ...others].map((b) => (
                <label key={b.id} className={suggested.includes(b) ? 'choice suggested' : 'choice'}>
                  <input type="radio" name="body" value={b.id} checked={bodyId === b.id} onChange={() => setBodyId(b.id)} />
                  <span>
                    {b.name[lang]}
                    {suggested.includes(b) && <span className="tag">{t('file.suggestedTag')}</span>}
                  </span>
                </label>
              ))}
            </div>
            {fieldError(error, 'bodyId') && <p className="error">{fieldError(error, 'bodyId')}</p>}
          </fieldset>
          <button type="button" className="secondary" onClick={() => setStep('topic')}>
            {t('file.back')}
          </button>{' '}
          <button type="submit">{t('file.next')}</button>
        </form>
      )}
      {step === 'text' && (
        <form onSubmit={next} noValidate>
          <Field label={t('file.type')} hint={t(`appealTypeHint.${type}`)} error={fieldError(error, 'type')}>
            {(p) => (
              <select {...p} value={type} onChange={(e) => setType(e.target.value as (typeof TYPES)[number])}>
                {TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`appealType.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('file.summary')} error={fieldError(error, 'summary')}>
            {(p) => <input {...p} maxLength={300} value={summary} onChange={(e) => setSummary(e.target.value)} />}
          </Field>
          <Field label={t('file.essence')} hint={t('file.essenceHint')} error={fieldError(error, 'essence')}>
            {(p) => <textarea {...p} rows={8} maxLength={20000} required value={essence} onChange={(e) => setEssence(e.target.value)} />}
          </Field>
          <fieldset>
            <legend>{t('file.aboutYou')}</legend>
            <Field label={t('file.name')} error={fieldError(error, 'applicant.name')}>
              {(p) => <input {...p} autoComplete="name" value={applicant.name ?? ''} onChange={(e) => setApplicant({ ...applicant, name: e.target.value })} />}
            </Field>
            <Field label={t('file.postalAddress')} hint={t('file.postalHint')} error={fieldError(error, 'applicant.postalAddress')}>
              {(p) => <input {...p} autoComplete="street-address" value={applicant.postalAddress ?? ''} onChange={(e) => setApplicant({ ...applicant, postalAddress: e.target.value })} />}
            </Field>
            <Field label={t('signin.email')} error={fieldError(error, 'applicant.email')}>
              {(p) => <input {...p} type="email" autoComplete="email" value={applicant.email ?? ''} onChange={(e) => setApplicant({ ...applicant, email: e.target.value })} />}
            </Field>
            <label className="choice">
              <input
                type="checkbox"
                checked={applicant.notifyBy?.includes('email') ?? false}
                onChange={(e) => setApplicant({ ...applicant, notifyBy: e.target.checked ? ['email'] : [] })}
              />{' '}
              {t('file.notifyByEmail')}
            </label>
          </fieldset>
          <button type="button" className="secondary" onClick={() => setStep('body')}>
            {t('file.back')}
          </button>{' '}
          <button type="submit">{t('file.preview')}</button>
        </form>
      )}
      {step === 'preview' && (
        <form onSubmit={(e) => void submit(e)}>
          <dl className="facts">
            <dt>{t('file.step.topic')}</dt>
            <dd>{topic ? topic.name[lang] : '—'}</dd>
            <dt>{t('file.step.body')}</dt>
            <dd>{body?.name[lang]}</dd>
            <dt>{t('file.type')}</dt>
            <dd>{t(`appealType.${type}`)}</dd>
            <dt>{t('file.summary')}</dt>
            <dd>{summary || '—'}</dd>
            <dt>{t('file.essence')}</dt>
            <dd className="pre">{essence}</dd>
            <dt>{t('file.name')}</dt>
            <dd>{applicant.name || '—'}</dd>
            <dt>{t('file.postalAddress')}</dt>
            <dd>{applicant.postalAddress || '—'}</dd>
          </dl>
          <p className="hint">{t('file.previewHint')}</p>
          <button type="button" className="secondary" onClick={() => setStep('text')}>
            {t('file.back')}
          </button>{' '}
          <button type="submit" disabled={busy}>
            {t('file.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
