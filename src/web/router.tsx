/** A tiny client-side router over the History API: the paths are few and known, so no router library. */
import { createContext, useContext, useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
// the server's prepaint renders the pages too, where there is no window
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = () => location.pathname + location.search;
/**
 * The address the server renders a page for (prepaint.tsx). React reads it while it hydrates that drawing in the
 * browser too, where it is the window's own.
 */
export const ServerLocation = createContext(typeof window === 'undefined' ? '/' : snapshot());

export function navigate(to: string, replace = false) {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const server = useContext(ServerLocation);
  const href = useSyncExternalStore(subscribe, snapshot, () => server);
  const url = new URL(href, 'http://tynda');
  return { path: url.pathname, query: url.searchParams };
}

/** Matches `/appeals/:id` against a path; returns the params or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const a = path.replace(/\/+$/, '').split('/');
  if (p.length !== a.length && !(path === '/' && pattern === '/')) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) out[seg.slice(1)] = decodeURIComponent(a[i] ?? '');
    else if (seg !== (a[i] ?? '')) return undefined;
  }
  return out;
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}

/** Moves the keyboard focus to the page's main heading after a navigation (screen readers announce it). */
export function useFocusHeading(dep: unknown) {
  useEffect(() => {
    const h = document.querySelector<HTMLElement>('main h1');
    if (h) {
      h.tabIndex = -1;
      h.focus({ preventScroll: true });
    }
  }, [dep]);
}
