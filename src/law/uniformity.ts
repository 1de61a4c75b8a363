/**
 * Uniform administrative practice (APC 15-1; Rules No. 111 p.5(4), Annex 4 purposes 1 and 6): the outcomes of a
 * decided case that the analysis compares, how far apart two outcomes are, and what the legal service records
 * about a divergence it has reviewed. Pure data; texts in kk, ru, en.
 */
import type { Localized } from './i18n.ts';

const l = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

export const UNIFORMITY_CITATION = 'APC 15-1(4); Rules No. 111 p.5(4), Annex 4 p.1';

/**
 * The outcomes of a decided appeal the acts and appeals modules record: the act satisfies, partly satisfies or
 * refuses the application (APC 77(1)(1); `partly_satisfied` is the acts module's outcome of an act that grants
 * part of it), or the procedure is terminated (APC 70, 77(1)(2)). Answers in the simplified procedure (APC 89)
 * and decisions on complaints are not compared: they decide no application on its merits.
 */
export const OUTCOMES = {
  satisfied: { citation: 'APC 77(1)(1)', rank: 0, text: l('Қанағаттандырылды', 'Удовлетворено', 'Satisfied') },
  partly_satisfied: { citation: 'APC 77(1)(1)', rank: 1, text: l('Ішінара қанағаттандырылды', 'Удовлетворено частично', 'Partly satisfied') },
  refused: { citation: 'APC 77(1)(1)', rank: 2, text: l('Бас тартылды', 'Отказано', 'Refused') },
  terminated: { citation: 'APC 70, 77(1)(2)', rank: 3, text: l('Рәсім тоқтатылды', 'Процедура прекращена', 'Procedure terminated') },
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as Outcome[];

/**
 * How far apart two outcomes are (1 = opposite): a grant against a refusal is the sharpest divergence (15-1(4)
 * "различные результаты"); a partial grant lies between them; a termination ends the procedure without deciding
 * the merits, so it weighs less against either. The ranking uses it; any two different outcomes are a divergence.
 */
export function outcomeDistance(a: Outcome, b: Outcome): number {
  if (a === b) return 0;
  const key = [a, b].sort().join('|');
  const table: Record<string, number> = {
    'refused|satisfied': 1,
    'satisfied|terminated': 0.8,
    'partly_satisfied|refused': 0.6,
    'partly_satisfied|terminated': 0.6,
    'partly_satisfied|satisfied': 0.5,
    'refused|terminated': 0.4,
  };
  return table[key] ?? 0.5;
}

/** Annex 4 p.1: a difference the legal service found justified (different facts on closer reading), or a defect. */
export const VERDICTS = {
  justified: { citation: 'Rules No. 111 Annex 4 p.1', text: l('Айырмашылық негізді', 'Различие обоснованно', 'The difference is justified') },
  defect: { citation: 'Rules No. 111 Annex 4 p.1, p.5', text: l('Әртүрлі әкімшілік практика (кемшілік)', 'Различная административная практика (недостаток)', 'Divergent practice (a defect)') },
} as const;
export type Verdict = keyof typeof VERDICTS;

/** Annex 4 p.6 and step 8: the measures taken to "correct" the practice; Rules p.9–11 (the manual), p.5(6) (training), APC 84–85 (revoking the act). */
export const MEASURES = {
  update_manual: { citation: 'Rules No. 111 p.9–11', text: l('Нұсқаулықты жаңарту', 'Обновить руководство', 'Update the manual') },
  training: { citation: 'Rules No. 111 p.5(6)', text: l('Қызметкерлерді оқыту', 'Обучение работников', 'Train the staff') },
  revoke_act: { citation: 'APC 84, 85', text: l('Актінің күшін жою', 'Отменить акт', 'Revoke the act') },
  other: { citation: 'Rules No. 111 Annex 4 p.8', text: l('Өзге шара', 'Иная мера', 'Another measure') },
} as const;
export type Measure = keyof typeof MEASURES;

/** APC 70(5), 88(1)(1): a repeat appeal of the same person on the same issue is linked to the earlier one. */
export const REPEAT_CITATION = 'APC 70(5)';
