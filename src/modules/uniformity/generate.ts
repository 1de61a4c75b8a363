/**
 * Synthetic decided cases for the engine's tests and bench/uniformity.ts: per procedure, a number of "issues"
 * (sets of facts), each decided with its own outcome under its own norms; every case words its issue anew
 * (order, inflections, one word dropped, a little noise) and cites the norms in a random kk/ru/en form. A share
 * of cases gets another outcome: those are the planted divergences. Deterministic for a seed.
 */
import { OUTCOME_CODES, type Outcome } from '../../law/uniformity.ts';
import type { DecidedCase } from './engine.ts';

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'бвгджзклмнпрстфхцчшқғң';
const VOWELS = 'аоуиеыәі';
const ENDINGS = ['', 'а', 'у', 'ы', 'е', 'ой', 'ою', 'ами'];

export interface GeneratedCase extends DecidedCase {
  /** the issue the case words (cases of one issue have similar facts) */
  issue: string;
  /** true when the outcome differs from the issue's usual one: a planted divergence */
  planted: boolean;
  /** the act's legal basis as written (the norms are parsed out of it) */
  legalBasis: string;
}

export interface GenerateOptions {
  cases: number;
  procedures: number;
  issuesPerProcedure: number;
  /** share of cases decided against their issue's usual outcome */
  divergenceRate: number;
  regions?: number;
  bodiesPerRegion?: number;
  executorsPerBody?: number;
  seed?: number;
}

function citation(rnd: () => number, art: number, para: number, sub: number): string {
  switch (Math.floor(rnd() * 3)) {
    case 0:
      return `ӘРПК ${art}-бабы ${para}-тармағының ${sub}) тармақшасы`;
    case 1:
      return `ст. ${art} п. ${para} пп. ${sub}) АППК`;
    default:
      return `APC ${art}(${para})(${sub})`;
  }
}

/** Decided cases, lazily: a million of them never sit in memory as text at once. */
export function* generateCases(o: GenerateOptions): Generator<GeneratedCase> {
  const rnd = random(o.seed ?? 1);
  const word = () => {
    let w = '';
    for (let s = 0; s < 3; s++) w += CONSONANTS[Math.floor(rnd() * CONSONANTS.length)]! + VOWELS[Math.floor(rnd() * VOWELS.length)]!;
    return w + CONSONANTS[Math.floor(rnd() * CONSONANTS.length)]!;
  };
  const noise = Array.from({ length: 500 }, word);
  const procedures = Array.from({ length: o.procedures }, (_, p) => {
    const shared = Array.from({ length: 5 }, word);
    return {
      id: `proc-${p}`,
      issues: Array.from({ length: o.issuesPerProcedure }, (_, k) => ({
        id: `proc-${p}/issue-${k}`,
        words: [...shared, ...Array.from({ length: 12 }, word)],
        outcome: OUTCOME_CODES[Math.floor(rnd() * 3)]!,
        norm: [60 + (k % 30), 1 + (k % 3), 1 + (k % 4)] as const,
      })),
    };
  });
  const regions = o.regions ?? 3;
  const bodies = o.bodiesPerRegion ?? 5;
  const executors = o.executorsPerBody ?? 6;
  for (let n = 0; n < o.cases; n++) {
    const proc = procedures[Math.floor(rnd() * procedures.length)]!;
    const issue = proc.issues[Math.floor(rnd() * proc.issues.length)]!;
    const planted = rnd() < o.divergenceRate;
    let outcome: Outcome = issue.outcome;
    if (planted) while (outcome === issue.outcome) outcome = OUTCOME_CODES[Math.floor(rnd() * 3)]!;
    const drop = Math.floor(rnd() * issue.words.length);
    const words = issue.words.filter((_, i) => i !== drop).map((w) => w + ENDINGS[Math.floor(rnd() * ENDINGS.length)]!);
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [words[i], words[j]] = [words[j]!, words[i]!];
    }
    words.push(noise[Math.floor(rnd() * noise.length)]!, noise[Math.floor(rnd() * noise.length)]!);
    const region = Math.floor(rnd() * regions);
    const body = Math.floor(rnd() * bodies);
    const executor = Math.floor(rnd() * executors);
    const [art, para, sub] = issue.norm;
    const text = words.join(' ');
    yield {
      id: `case-${String(n).padStart(8, '0')}`,
      procedureId: proc.id,
      issue: issue.id,
      planted,
      outcome,
      text,
      legalBasis: citation(rnd, art, para, sub),
      norms: [`APC ${art}(${para})(${sub})`],
      regionId: `region-${region}`,
      bodyId: `body-${region}-${body}`,
      subdivisionId: `sub-${region}-${body}-${executor % 2}`,
      executorId: `exec-${region}-${body}-${executor}`,
    };
  }
}
