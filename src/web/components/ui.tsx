/** Small building blocks shared by the pages: labelled fields with their error, errors, dates, states. */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { takeEarly } from '../early.ts';

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

/**
 * Loads data for a page; reloads when a key changes. A loader of early.ts's `pageData` may find its answer already
 * asked for while the page's code loaded (then the first render has it, or waits for that request, not a new one).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; reload: () => void } {
  const [early] = useState(() => takeEarly(load));
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
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((x) => x + 1) };
}

const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;
export function useDates() {
  const { i18n } = useTranslation();
  const locale = LOCALES[i18n.language as keyof typeof LOCALES] ?? 'kk-KZ';
  const numeric = locale === 'kk-KZ';
  // browsers carry few Kazakh month names (Chromium prints «2026 М11 22», or ISO for numeric dates): Kazakh dates
  // are numeric dd.mm.yyyy, the pattern Kazakhstan shares with ru-KZ, so they are formatted with it
  const format = numeric ? 'ru-KZ' : locale;
  return {
    day: (iso: string) => new Intl.DateTimeFormat(format, { day: '2-digit', month: numeric ? '2-digit' : 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    time: (iso: string) => new Intl.DateTimeFormat(format, { day: '2-digit', month: numeric ? '2-digit' : 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Almaty' }).format(new Date(iso)),
  };
}

/** Calendar days from today (Asia/Almaty) to an ISO date: negative when past. */
export function daysUntil(iso: string, now = new Date()): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(now);
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
