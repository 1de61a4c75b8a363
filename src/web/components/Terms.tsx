/** Every term of a case with its countdown and, on demand, the steps that produced its due date. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CaseDeadline, type Explained } from '../api.ts';
import { Countdown, useDates } from './ui.tsx';

function Term({ d }: { d: CaseDeadline }) {
  const { t, i18n } = useTranslation();
  const { day } = useDates();
  const [explained, setExplained] = useState<{ lang: string; data: Explained } | 'error'>();
  const load = () => {
    if (explained && explained !== 'error' && explained.lang === i18n.language) return;
    api.explain(d.term, d.from).then((data) => setExplained({ lang: i18n.language, data }), () => setExplained('error'));
  };
  const data = explained && explained !== 'error' ? explained.data : undefined;
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
            <p>{data.description}</p>
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

export function Terms({ deadlines }: { deadlines: CaseDeadline[] }) {
  const { t } = useTranslation();
  if (!deadlines.length) return <p>{t('term.none')}</p>;
  return (
    <ul className="terms">
      {deadlines.map((d) => (
        <Term key={d.id} d={d} />
      ))}
    </ul>
  );
}
