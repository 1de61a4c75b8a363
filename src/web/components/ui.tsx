/** Small building blocks shared by the pages: labelled fields with their error, errors, dates, states. */
import { createContext, startTransition, useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { drawnAnswer, takeEarly } from '../early.ts';

/** A labelled input; the API's message for this field (in the user's language) sits under it and is announced. */
export function Field({ label, error, hint, children }: { label: string; error?: string | undefined; hint?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {error && (
        <p className="error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The refusal of the API as a whole (its title, detail and article); field messages are shown by the fields. */
export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : undefined;
  return (
    <div className="alert" role="alert">
      <p>
        <strong>{e ? e.title : t('error.network')}</strong>
      </p>
      {e?.detail && <p>{e.detail}</p>}
      {e?.citation && <p className="cite">{e.citation}</p>}
      {e && e.errors.length > 0 && <p>{t('error.checkFields')}</p>}
    </div>
  );
}

export const fieldError = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);

/** The API's answers the server draws a page with (prepaint.tsx); in the browser they come through early.ts. */
export const DrawnAnswers = createContext<Record<string, unknown> | undefined>(undefined);

/**
 * Loads data for a page; reloads when a key changes. A loader of early.ts's `pageData` may find its answer already
 * asked for while the page's code loaded (then the first render has it, or waits for that request, not a new one);
 * one that says which API paths it reads (`from`) has their answers at once on a page the server drew with them.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], from?: string | readonly string[]): { data: T | undefined; error: unknown; reload: () => void } {
  const server = useContext(DrawnAnswers);
  const [early] = useState(() => {
    if (!server) return takeEarly(load, from);
    const answer = from === undefined ? undefined : drawnAnswer(from, server);
    return answer && { value: answer as { data: T }, promise: Promise.resolve(answer.data as T) };
  });
  const handed = useRef(false);
  const [data, setData] = useState<T | undefined>(early?.value?.data);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    // the early answer serves the first load only
    const first = handed.current ? undefined : early;
    handed.current = true;
    if (first?.value) return;
    let live = true;
    setError(undefined);
    (first?.promise ?? load()).then(
      // a transition: a long list renders in slices between which the phone stays responsive
      (d) => live && startTransition(() => setData(d)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((x) => x + 1) };
}

/** Intl formats made once per kind, locale and options: making one costs a phone far more than using it (a list made hundreds). */
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatOnce<F extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, make());
  return formats.get(key) as F;
}
export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) => formatOnce('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => formatOnce('number', locale, options, () => new Intl.NumberFormat(locale, options));
/**
 * The date (YYYY-MM-DD) and time (HH:MM) in Almaty of a moment, by arithmetic: a phone's first Intl date format costs
 * it a tenth of a second of ICU's start-up. Almaty keeps UTC+5 since 1 March 2024 (UTC+6 before).
 */
export function almatyClock(at: Date): { date: string; time: string } {
  const hours = at.getTime() >= Date.UTC(2024, 1, 29, 18) ? 5 : 6;
  const local = new Date(at.getTime() + hours * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
/** The date in Almaty (YYYY-MM-DD) of a moment, today by default. */
export const almatyDate = (at = new Date()) => almatyClock(at).date;
/** dd.mm.yyyy of YYYY-MM-DD: Kazakhstan's numeric date. */
const numericDay = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;
export function useDates() {
  const { i18n } = useTranslation();
  const locale = LOCALES[i18n.language as keyof typeof LOCALES] ?? 'kk-KZ';
  const numeric = locale === 'kk-KZ';
  // browsers carry few Kazakh month names (Chromium prints «2026 М11 22», or ISO for numeric dates): Kazakh dates
  // are numeric dd.mm.yyyy, Kazakhstan's pattern (ru-KZ's too), written without Intl
  if (numeric)
    return {
      day: (iso: string) => numericDay(iso.slice(0, 10)),
      time: (iso: string) => {
        const { date, time } = almatyClock(new Date(iso));
        return `${numericDay(date)}, ${time}`;
      },
    };
  return {
    day: (iso: string) => dateFormat(locale, { day: '2-digit', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    time: (iso: string) => dateFormat(locale, { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Almaty' }).format(new Date(iso)),
  };
}

/** Calendar days from today (Asia/Almaty) to an ISO date: negative when past. */
export function daysUntil(iso: string, now = new Date()): number {
  const today = almatyDate(now);
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return <span className={`badge s-${state}`}>{t(`state.${state}`, { defaultValue: state })}</span>;
}

export function Countdown({ due, open = true }: { due: string; open?: boolean }) {
  const { t } = useTranslation();
  if (!open) return <span className="count done">{t('term.closed')}</span>;
  const d = daysUntil(due);
  if (d < 0) return <span className="count late">{t('term.overdue', { count: -d })}</span>;
  if (d === 0) return <span className="count soon">{t('term.today')}</span>;
  return <span className={d <= 3 ? 'count soon' : 'count'}>{t('term.left', { count: d })}</span>;
}

export function Loading({ error }: { error?: unknown }) {
  const { t } = useTranslation();
  if (error) return <ErrorBox error={error} />;
  return <p role="status">{t('app.loading')}</p>;
}

/** One submit at a time with its refusal kept for the fields, and a polite status line once done. */
export function useSubmit() {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const run = async (e: FormEvent | undefined, action: () => Promise<string>) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaid('');
    try {
      setSaid(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, said, run };
}
