/**
 * Public services (Law "On State Services", docs/services.md): the register searched by words of the name or the
 * code and by channel (LSS 12, 18(2)); a service's page with its providers, channels, term, documents (those from
 * information systems are not asked of the recipient, 5(2)), fee (24), grounds for refusal (19-1), the act that
 * sets the procedure (13–14), whether it is proactive (21-1), its quality figure (28–29), and the two things a
 * citizen does with it: rate it and complain about it (25). The register and the page need no sign-in.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Lang, type PublicService } from '../api.ts';
import { ErrorBox, Field, Loading, fieldError, numberFormat, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

/** LSS 18(2): where applications are accepted and results issued (the filter of the register). */
// Chromium carries no Kazakh number data (it prints 0.5): Kazakhstan's convention, a decimal comma, is ru-KZ's
const LOCALES = { kk: 'ru-KZ', ru: 'ru-RU', en: 'en-GB' } as const;
/** A number as written in the language: 0,5 in Kazakh and Russian, 0.5 in English. */
const num = (n: number | null | undefined, lang: Lang, digits = 2) => (n === null || n === undefined ? '—' : numberFormat(LOCALES[lang] ?? 'ru-KZ', { maximumFractionDigits: digits }).format(n));

export const CHANNELS = ['provider', 'state_corporation', 'partner', 'egov_portal', 'stationary_device', 'cellular_device', 'information_object'] as const;

function ServiceList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const channel = query.get('channel') ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [words, setWords] = useState(q);
  const [where, setWhere] = useState(channel);
  // back and forward change the address: the form follows it
  useEffect(() => {
    setWords(q);
    setWhere(channel);
  }, [q, channel]);
  const list = useLoad(() => api.services({ q, channel, page }), [q, channel, page, lang]);
  // the search lives in the address: the back button and a shared link give the same list
  const go = (next: { q: string; channel: string; page: number }) => {
    const s = new URLSearchParams();
    if (next.q) s.set('q', next.q);
    if (next.channel) s.set('channel', next.channel);
    if (next.page > 1) s.set('page', String(next.page));
    navigate(`/services${s.size ? `?${s}` : ''}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: words.trim(), channel: where, page: 1 });
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <div>
      <h1>{t('services.title')}</h1>
      <p>{t('services.lead')}</p>
      <form role="search" className="filters" onSubmit={submit}>
        <Field label={t('services.search')} hint={t('services.searchHint')}>
          {(p) => <input {...p} type="search" name="q" value={words} onChange={(e) => setWords(e.target.value)} />}
        </Field>
        <Field label={t('services.channel')}>
          {(p) => (
            <select {...p} name="channel" value={where} onChange={(e) => setWhere(e.target.value)}>
              <option value="">{t('services.anyChannel')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`services.channels.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('services.find')}</button>
      </form>
      {!list.data ? (
        <Loading error={list.error} />
      ) : (
        <>
          <p role="status" className="muted">
            {list.data.total === 0 ? t('services.none') : t('services.found', { count: list.data.total })}
          </p>
          <ul className="cases" data-testid="services">
            {list.data.items.map((s) => (
              <li key={s.code}>
                <Link href={`/services/${s.code}`} className="case-link">
                  {s.name[lang]}
                </Link>
                <div className="meta">
                  <span className="number">{s.code}</span>
                  <span>
                    {t('services.term')}: {s.term.text}
                  </span>
                  <span>{s.fee.free ? t('services.free') : t('services.mci', { mci: num(s.fee.mci, lang) })}</span>
                  {s.proactive && <span className="tag">{t('services.proactiveTag')}</span>}
                </div>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label={t('inbox.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => go({ q, channel, page: page - 1 })}>
                {t('inbox.prev')}
              </button>
              <span>{t('services.page', { page, pages })}</span>
              <button type="button" disabled={page >= pages} onClick={() => go({ q, channel, page: page + 1 })}>
                {t('inbox.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}

/** The bodies that provide a service: those of its body types and those named (LSS 14(3-1)). */
export function providersOf(s: PublicService, bodies: Body[]): Body[] {
  return bodies.filter((b) => b.active && (s.providers.bodyTypes.includes(b.type) || s.providers.bodies.some((x) => x.id === b.id)));
}

function QualityFigure({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const quality = useLoad(() => api.serviceQuality(code), [code]);
  if (!quality.data) return <Loading error={quality.error} />;
  const row = quality.data.rows.find((r) => r.serviceCode === code);
  const { minRatings } = quality.data.method;
  return (
    <div data-testid="service-quality">
      {!row || row.ratings === 0 ? (
        <p>{t('services.noRatings')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('services.average')}</dt>
          <dd>
            <strong>{num(row.average, lang)}</strong> / 5 ({t('services.ratings', { count: row.ratings })})
          </dd>
          <dt>{t('services.satisfied')}</dt>
          <dd>{num(row.satisfiedPer100, lang, 1)}</dd>
          <dt>{t('services.dissatisfied')}</dt>
          <dd>{num(row.dissatisfiedPer100, lang, 1)}</dd>
        </dl>
      )}
      {row && row.complaints > 0 && <p>{t('services.complaints', { count: row.complaints })}</p>}
      {row && row.ratings > 0 && !row.reliable && <p className="hint">{t('services.unreliable', { min: minRatings })}</p>}
      <p className="hint">
        {t('services.qualityNote')} <span className="cite">{quality.data.citation}</span>
      </p>
    </div>
  );
}

/** Rating 1–5 by a recipient: once per application for the service (its number) or per own complaint about it. */
function RateForm({ service, providers, onRated }: { service: PublicService; providers: Body[]; onRated(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const mine = useLoad(() => api.serviceComplaints().then((l) => l.filter((c) => c.serviceCode === service.code)), [service.code]);
  const [score, setScore] = useState(0);
  const [provider, setProvider] = useState(providers.length === 1 ? providers[0]!.id : '');
  const [receiptRef, setReceiptRef] = useState('');
  const [complaintId, setComplaintId] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (done)
    return (
      <p className="ok" role="status">
        {t('services.rated')}
      </p>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.rateService(service.code, {
        providerBodyId: provider,
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(receiptRef.trim() ? { receiptRef: receiptRef.trim() } : complaintId ? { complaintId } : {}),
      });
      setDone(true);
      onRated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const scoreError = fieldError(error, 'score');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorBox error={error} />
      <fieldset className={scoreError ? 'invalid' : undefined}>
        <legend>{t('services.score')} *</legend>
        <div className="scores">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} /> {t(`services.scores.${n}`)}
            </label>
          ))}
        </div>
        {scoreError && <p className="error">{scoreError}</p>}
      </fieldset>
      <Field label={t('services.provider') + ' *'} error={fieldError(error, 'providerBodyId')}>
        {(p) => (
          <select {...p} required value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">{t('field.choose')}</option>
            {providers.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name[lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('services.receiptRef')} hint={t('services.receiptHint')} error={fieldError(error, 'receiptRef')}>
        {(p) => <input {...p} value={receiptRef} onChange={(e) => setReceiptRef(e.target.value)} />}
      </Field>
      {mine.data && mine.data.length > 0 && (
        <Field label={t('services.orComplaint')} error={fieldError(error, 'complaintId')}>
          {(p) => (
            <select {...p} value={complaintId} onChange={(e) => setComplaintId(e.target.value)}>
              <option value="">{t('field.choose')}</option>
              {mine.data!.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.number}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('services.comment')} error={fieldError(error, 'comment')}>
        {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('services.rateSubmit')}
      </button>
    </form>
  );
}

function ServicePage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { day } = useDates();
  const { me } = useSession();
  // the service is drawn by the server with its page; the bodies (for the providers' kinds and the rating form) follow
  const loaded = useLoad(() => api.service(code), [code, lang], `/api/v1/services/${encodeURIComponent(code)}`);
  const listed = useLoad(() => api.bodies(), [lang]);
  const [tick, setTick] = useState(0);
  if (!loaded.data) return <Loading error={loaded.error} />;
  const s = loaded.data;
  const bodies = listed.data ?? [];
  const providers = providersOf(s, bodies);
  // the kinds of body that provide it, named as the organisation names them (a kind with no body here is not shown)
  const typeNames = [...new Set(s.providers.bodyTypes.map((type) => bodies.find((b) => b.type === type)?.typeName).filter((x): x is string => !!x))];
  const applicant = me?.kind === 'applicant';
  const complainHref = `/services/${s.code}/complaint`;
  return (
    <div className="narrow service">
      <p className="crumbs">
        <Link href="/services">{t('services.title')}</Link>
      </p>
      <h1>{s.name[lang]}</h1>
      <div className="meta">
        <span className="number">{s.code}</span>
        {s.proactive && <span className="tag">{t('services.proactiveTag')}</span>}
        {s.sociallySignificant && <span className="tag">{t('services.socialTag')}</span>}
      </div>
      <p className="links">
        <Link className="button" href={applicant ? complainHref : `/signin?next=${encodeURIComponent(complainHref)}`}>
          {t('services.complain')}
        </Link>
        <a className="button secondary" href="#rate">
          {t('services.rate')}
        </a>
      </p>
      <dl className="facts" data-testid="service-facts">
        <dt>{t('services.names')}</dt>
        <dd>
          {(['kk', 'ru', 'en'] as const).map((l) => (
            <span key={l} lang={l} className="name-line">
              {s.name[l]}
            </span>
          ))}
        </dd>
        <dt>{t('services.providers')}</dt>
        <dd>
          {[...typeNames, ...s.providers.bodies.map((b) => b.name[lang])].join('; ')}
          {s.providerNote && <span className="hint name-line">{s.providerNote[lang]}</span>}
        </dd>
        <dt>{t('services.channelsTitle')}</dt>
        <dd>
          <ul className="plain-list">
            {s.channels.map((c) => (
              <li key={c.code}>
                {c.name} <span className="cite">{c.citation}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('services.term')}</dt>
        <dd data-testid="service-term">
          <strong>{s.term.text}</strong> <span className="cite">LSS 14(3-1)</span>
          {s.term.note && <span className="hint name-line">{s.term.note[lang]}</span>}
        </dd>
        <dt>{t('services.fee')}</dt>
        <dd>
          {s.fee.free ? t('services.free') : t('services.mci', { mci: num(s.fee.mci, lang) })}
          {s.fee.note && ` (${s.fee.note[lang]})`} <span className="cite">LSS 24</span>
        </dd>
        {s.result && (
          <>
            <dt>{t('services.result')}</dt>
            <dd>{s.result[lang]}</dd>
          </>
        )}
        <dt>{t('services.proactive')}</dt>
        <dd>
          {t(s.proactive ? 'services.proactiveYes' : 'services.proactiveNo')} <span className="cite">LSS 21-1</span>
        </dd>
        <dt>{t('services.act')}</dt>
        <dd>
          {t('services.actLine', { title: s.procedureAct.title[lang], number: s.procedureAct.number, date: day(s.procedureAct.date) })} <span className="cite">LSS 13–14</span>
        </dd>
      </dl>

      <section aria-labelledby="service-documents">
        <h2 id="service-documents">{t('services.documents')}</h2>
        {s.documents.length === 0 ? (
          <p>{t('services.noDocuments')}</p>
        ) : (
          <ul data-testid="service-documents">
            {s.documents.map((d, i) => (
              <li key={i}>
                {d[lang]} {d.fromIs && <span className="tag">{t('services.fromIs')}</span>}
              </li>
            ))}
          </ul>
        )}
        {s.documents.some((d) => d.fromIs) && (
          <p className="hint">
            {t('services.fromIsHint')} <span className="cite">LSS 5(2)</span>
          </p>
        )}
      </section>

      <section aria-labelledby="service-refusal">
        <h2 id="service-refusal">{t('services.refusal')}</h2>
        {s.refusalGrounds.length === 0 ? (
          <p>{t('services.noRefusal')}</p>
        ) : (
          <ul>
            {s.refusalGrounds
              .filter((g) => g.code !== 'other_law')
              .map((g) => (
                <li key={g.code}>
                  {g.text} <span className="cite">{g.citation}</span>
                </li>
              ))}
            {s.refusalOther.map((o, i) => (
              <li key={`other-${i}`}>
                {o[lang]} <span className="cite">LSS 19-1(5)</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="service-quality">
        <h2 id="service-quality">{t('services.quality')}</h2>
        <QualityFigure key={tick} code={s.code} />
      </section>

      <section aria-labelledby="rate" id="rate-section">
        <h2 id="rate" tabIndex={-1}>
          {t('services.rate')}
        </h2>
        <p>{t('services.rateLead')}</p>
        {applicant ? (
          listed.data ? (
            <RateForm service={s} providers={providers} onRated={() => setTick((x) => x + 1)} />
          ) : (
            <Loading error={listed.error} />
          )
        ) : (
          <Link className="button secondary" href={`/signin?next=${encodeURIComponent(`/services/${s.code}`)}`}>
            {t('services.signInToRate')}
          </Link>
        )}
      </section>

      <section aria-labelledby="complain">
        <h2 id="complain">{t('services.complainTitle')}</h2>
        <p>
          {t('services.complainLead')} <span className="cite">LSS 25(2)</span>
        </p>
      </section>
    </div>
  );
}

export default function Services({ code }: { code?: string }) {
  return code ? <ServicePage code={code} /> : <ServiceList />;
}
