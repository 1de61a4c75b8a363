/** A computed deadline in words, in one language: what the API returns and the CLI prints. */
import type { Deadline, Step, Warning } from '../../law/deadlines.ts';
import type { Language } from '../../law/i18n.ts';
import type { Term } from '../../law/term.ts';
import { translator } from '../../platform/i18n.ts';

export function renderStep(step: Step, lang: Language, term?: Term): string {
  const t = translator(lang);
  const params = {
    date: step.date,
    until: step.until,
    n: step.n,
    other: step.other,
    act: step.act,
    citation: step.citation,
    name: step.name?.[lang],
    event: step.name?.[lang] ?? term?.runsFrom[lang],
  };
  if (step.code === 'skipped') {
    const reason = t(`reason.${step.reason}`, params);
    return t(step.until ? 'explain.skipped_range' : 'explain.skipped', { ...params, reason });
  }
  return t(`explain.${step.code}`, params);
}

export function renderWarning(warning: Warning, lang: Language): string {
  const t = translator(lang);
  switch (warning.code) {
    case 'caveat':
      return warning.text[lang];
    case 'term_not_in_force':
      return t('warning.term_not_in_force', { from: warning.effective.from, to: warning.effective.to ?? t('words.until_now') });
    default:
      return t(`warning.${warning.code}`, warning);
  }
}

export function renderDeadline(deadline: Deadline, term: Term, lang: Language) {
  return {
    term: deadline.term,
    from: deadline.from,
    due: deadline.due,
    ...(deadline.internalTarget ? { internalTarget: deadline.internalTarget } : {}),
    urgent: deadline.urgent,
    citation: deadline.citation,
    description: term.description[lang],
    explanation: deadline.explanation.map((s) => ({ code: s.code, ...(s.date ? { date: s.date } : {}), text: renderStep(s, lang, term) })),
    warnings: deadline.warnings.map((w) => ({ code: w.code, text: renderWarning(w, lang) })),
    conventions: deadline.conventions,
  };
}
