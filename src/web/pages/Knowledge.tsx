/**
 * The Knowledge Base for citizens (Rules No. 111 p.6, p.11; docs/knowledge.md): search of the published manuals,
 * standard forms of acts and typical answers in the chosen language, with the matched words highlighted, and the
 * page of a published manual with its sixteen rows (Annex 2). No sign-in.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../api.ts';
import { Field, Loading, useDates, useLoad } from '../components/ui.tsx';
import { Link, navigate, useLocation } from '../router.tsx';

/** The server marks matches with <mark>…</mark> (ts_headline); everything else is shown as text, never as HTML. */
export function Highlighted({ text }: { text: string }): ReactNode {
  const parts = text.split(/<mark>(.*?)<\/mark>/gs);
  return parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : p));
}

function Search() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [words, setWords] = useState(q);
  useEffect(() => setWords(q), [q]);
  const found = useLoad(() => (q ? api.kbSearch(q, lang) : Promise.resolve(undefined)), [q, lang]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const w = words.trim();
    navigate(`/knowledge${w ? `?q=${encodeURIComponent(w)}` : ''}`);
  };
  return (
    <div>
      <h1>{t('knowledge.title')}</h1>
      <p>{t('knowledge.lead')}</p>
      <form role="search" className="filters" onSubmit={submit}>
        <Field label={t('knowledge.search')} hint={t('knowledge.searchHint')}>
          {(p) => <input {...p} type="search" name="q" value={words} onChange={(e) => setWords(e.target.value)} />}
        </Field>
        <button type="submit">{t('knowledge.find')}</button>
      </form>
      {q &&
        (!found.data ? (
          <Loading error={found.error} />
        ) : (
          <>
            <p role="status" className="muted">
              {found.data.correctedQuery && <>{t('knowledge.corrected', { q: found.data.correctedQuery })} </>}
              {found.data.items.length === 0 ? t('knowledge.none') : t('knowledge.found', { count: found.data.items.length })}
            </p>
            <ul className="cases" data-testid="kb-results">
              {found.data.items.map((r) => (
                <li key={`${r.kind}:${r.id}`}>
                  {r.kind === 'manual' ? (
                    <Link href={`/knowledge/manuals/${r.id}`} className="case-link">
                      <Highlighted text={r.titleHighlighted} />
                    </Link>
                  ) : (
                    <strong>
                      <Highlighted text={r.titleHighlighted} />
                    </strong>
                  )}
                  <span className="tag">{t(`knowledge.kind.${r.kind}`)}</span>
                  <p className="snippet">
                    <Highlighted text={r.snippet} />
                  </p>
                </li>
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}

function Manual({ procedureId }: { procedureId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dates = useDates();
  const m = useLoad(() => api.kbPublicManual(procedureId), [procedureId]);
  if (!m.data) return <Loading error={m.error} />;
  const d = m.data;
  // a row's text in the chosen language, else in another one that has it (at least one language is filled)
  const text = (v: Partial<Record<Lang, string>>) => v[lang] ?? v.kk ?? v.ru ?? v.en ?? '';
  return (
    <article className="manual">
      <p>
        <Link href="/knowledge">{t('knowledge.back')}</Link>
      </p>
      <h1>{d.procedure.name[lang]}</h1>
      <p className="muted">
        {d.title[lang]} · {t('knowledge.version', { version: d.version })} · {t('knowledge.effective', { date: dates.day(d.effectiveFrom) })}
      </p>
      {d.outdatedSince && (
        <p className="alert" role="note">
          {t('knowledge.outdated', { date: dates.day(d.outdatedSince) })}
        </p>
      )}
      <dl className="manual-rows">
        {d.rows.map((r) => (
          <div key={r.key}>
            <dt>
              {r.row}. {r.label[lang]}
            </dt>
            <dd>{r.none ? t('knowledge.noneMarked') : text(r.text) || '—'}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

export default function Knowledge({ procedureId }: { procedureId?: string }) {
  return procedureId ? <Manual procedureId={procedureId} /> : <Search />;
}
