/**
 * Errors as RFC 9457 problem+json: a stable `code` for programs, a `title` and `detail` in the request's
 * language for people, and per-field `errors`. Use cases throw Problem; the HTTP layer renders it.
 */
import type { Language } from '../law/i18n.ts';
import { hasText, translator } from './i18n.ts';

export interface FieldError {
  /** dotted path in the request: 'body.from', 'params.year', 'body.holidays.0.date' */
  field: string;
  /** stable code; `field.<code>` in the locale files gives the message */
  code: string;
  params?: Record<string, string | number>;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    /** stable code; `problem.<code>` titles it, `detail.<code>` (if present) details it */
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly errors: FieldError[] = [],
    /** the legal basis of a refusal, shown to the person: 'APC 73(1)' */
    readonly citation?: string,
  ) {
    super(code);
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  citation?: string;
  errors?: { field: string; code: string; message: string }[];
}

export function renderProblem(problem: Problem, lang: Language): ProblemBody {
  const t = translator(lang);
  return {
    type: `urn:tynda:problem:${problem.code}`,
    title: t(`problem.${problem.code}`),
    status: problem.status,
    code: problem.code,
    ...(hasText(`detail.${problem.code}`) ? { detail: t(`detail.${problem.code}`, problem.params) } : {}),
    ...(problem.citation ? { citation: problem.citation } : {}),
    ...(problem.errors.length
      ? {
          errors: problem.errors.map((e) => ({
            field: e.field,
            code: e.code,
            message: t(hasText(`field.${e.code}`) ? `field.${e.code}` : 'field.invalid', e.params ?? {}),
          })),
        }
      : {}),
  };
}

/** Refuses a step of a procedure: the problem cites the article, and names the input at fault when there is one. */
export function refuse(status: number, code: string, citation: string, params: Record<string, string | number> = {}, field?: string): never {
  throw new Problem(status, code, params, field ? [{ field, code }] : [], citation);
}
