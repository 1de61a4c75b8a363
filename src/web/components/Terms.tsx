/**
 * Every term of a case with its countdown and, on demand, the steps that produced its due date: asked of the API
 * when opened, or given by the page when the case already carries them (a complaint about a public service).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CaseDeadline, type Explained } from '../api.ts';
import { Countdown, useDates } from './ui.tsx';

/** A term as the pages have it: a case's stored deadline, or a row with its steps already counted. */
export type TermRow = Pick<CaseDeadline, 'term' | 'from' | 'due' | 'open'> & { id?: number | string; steps?: { text: string }[] };

function Term({ d }: { d: TermRow }) {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  const [explained, setExplained] = useState<{ lang: string; data: Explained } | 'error'>();
  const load = () => {
    if (d.steps || (explained && explained !== 'error' && explained.lang === i18n.language)) return;
    api.explain(d.term, d.from).then((data) => setExplained({ lang: i18n.language, data }), () => setExplained('error'));
  };
  const data = d.steps ? { description: '', explanation: d.steps } : explained && explained !== 'error' ? explained.data : undefined;
  return (
    <li className={d.open ? 'term' : 'term closed'}>
      <div className="term-head">
        <span className="term-id">{t(`termName.${d.term}`, { defaultValue: data?.description ?? d.term })}</span>
        <span className="term-due">
          {t('term.due')}: <time dateTime={d.due}>{day(d.due)}</time>
        </span>
        <Countdown due={d.due} open={d.open} />
      </div>
      <details onToggle={(e) => (e.currentTarget.open ? load() : undefined)}>
        <summary>{t('term.explain')}</summary>
        {explained === 'error' ? (
          <p>{t('error.network')}</p>
        ) : data ? (
          <div>
            {data.description && <p>{data.description}</p>}
            <ol className="steps">
              {data.explanation.map((s, i) => (
                <li key={i}>{s.text}</li>
              ))}
            </ol>
          </div>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </details>
    </li>
  );
}

export function Terms({ deadlines }: { deadlines: TermRow[] }) {
  const { t } = useTranslation();
  if (!deadlines.length) return <p>{t('term.none')}</p>;
  return (
    <ul className="terms">
      {deadlines.map((d, i) => (
        <Term key={d.id ?? i} d={d} />
      ))}
    </ul>
  );
}
