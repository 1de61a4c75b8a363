/**
 * The uniformity analysis (APC 15-1(4); Rules No. 111 p.5(4), Annex 4 p.1): among the decided cases of one
 * administrative procedure, find those with similar facts and the same norms but different outcomes, and rank them.
 * Pure code, no I/O, so bench/uniformity.ts measures exactly what the service runs.
 *
 * Method (docs/uniformity.md):
 *  1. each case's facts (the appeal's essence and the act's reasons) become a set of crude stems (text.ts);
 *  2. a MinHash signature of BANDS × ROWS values; cases sharing all ROWS values of one band land in one bucket
 *     (locality-sensitive hashing: a pair with Jaccard similarity s meets in some band with probability
 *     1 − (1 − s^ROWS)^BANDS, 0.93 at s = 0.5, 0.995 at s = 0.65), found by sorting, not by comparing every pair;
 *  3. in each bucket the exact Jaccard similarity is checked: similar cases join one group (union-find), and
 *     pairs with different outcomes whose norms overlap (norms.ts) are divergences;
 *  4. a large bucket (thousands of near-identical cases) is sampled: every case of a rare outcome is compared
 *     with the first SAMPLE cases of each other outcome, so the work stays linear in the number of cases.
 */
import { outcomeDistance, type Outcome } from '../../law/uniformity.ts';
import { normOverlap } from './norms.ts';
import { hash32, jaccard, stems } from './text.ts';

/** A decided case as the analysis sees it. */
export interface DecidedCase {
  /** the appeal's id */
  id: string;
  procedureId: string;
  outcome: Outcome;
  /** the facts: the appeal's essence and the act's reasons */
  text: string;
  /** normalised norms (norms.ts parseNorms) */
  norms: readonly string[];
  bodyId: string;
  subdivisionId: string | null;
  executorId: string | null;
  regionId: string | null;
}

export interface DivergentPair {
  procedureId: string;
  /** the two appeal ids, smaller first: the key a review is kept under across runs */
  a: string;
  b: string;
  outcomeA: Outcome;
  outcomeB: Outcome;
  similarity: number;
  normOverlap: number;
  /** where the two decisions part: the executor, the subdivision, the body or the region */
  spread: Spread;
  score: number;
  /** the group of similar cases the pair belongs to: its smallest appeal id, its size and outcomes */
  group: { key: string; size: number; outcomes: Partial<Record<Outcome, number>> };
}

export type Spread = 'same_executor' | 'executor' | 'subdivision' | 'body' | 'region';

export interface AnalysisOptions {
  /** the smallest Jaccard similarity of the facts' stems for "similar facts" */
  minSimilarity?: number;
  /** the smallest overlap of the norms for "the same norms" */
  minNormOverlap?: number;
  /** pairs kept per group (the strongest; the group's size says how many cases it has) */
  pairsPerGroup?: number;
}

export interface AnalysisResult {
  pairs: DivergentPair[];
  cases: number;
  procedures: number;
  groups: number;
  comparisons: number;
}

/**
 * Thresholds (docs/uniformity.md explains them): rewordings of one set of facts measure 0.5–0.9 on the stems,
 * different facts under one procedure 0.05–0.3 (they share the procedure's vocabulary, not its details).
 */
export const DEFAULTS = { minSimilarity: 0.45, minNormOverlap: 0.5, pairsPerGroup: 10 } as const;
export const BANDS = 20;
export const ROWS = 3;
const HASHES = BANDS * ROWS;
/** cases of each outcome compared in one bucket: beyond this, a bucket is a crowd of near-identical cases */
const SAMPLE = 8;
/** cases of a rare outcome compared in one bucket (each against SAMPLE of every other outcome) */
const RARE = 64;

const SPREAD_WEIGHT: Record<Spread, number> = { region: 1, body: 0.9, subdivision: 0.8, executor: 0.7, same_executor: 0.6 };

/** one signature buffer reused for every case (the analysis is synchronous) */
const SIGNATURE = new Uint32Array(HASHES);
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => hash32(`minhash-${i}`));

function mix(x: number, seed: number): number {
  let v = Math.imul(x ^ seed, 0x9e3779b1);
  v ^= v >>> 15;
  v = Math.imul(v, 0x85ebca77);
  v ^= v >>> 13;
  return v >>> 0;
}

/** The cases of one procedure in compact form: stems in one pool, band keys in one array. */
/** A Uint32Array that grows: a million cases' stems are tens of millions of numbers, kept off the JS heap. */
class Numbers {
  data = new Uint32Array(1024);
  length = 0;
  push(x: number) {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

class Procedure {
  readonly cases: DecidedCase[] = [];
  readonly stems = new Numbers();
  readonly offsets = new Numbers();
  readonly bands = new Numbers();
  constructor() {
    this.offsets.push(0);
  }

  add(c: DecidedCase, stemCache: Map<string, number>) {
    const set: number[] = [];
    for (const s of stems(c.text)) {
      let h = stemCache.get(s);
      if (h === undefined) {
        h = hash32(s);
        stemCache.set(s, h);
      }
      set.push(h);
    }
    set.sort((x, y) => x - y);
    // the MinHash signature, folded into one key per band at once (the signature itself is not kept)
    const sig = SIGNATURE.fill(0xffffffff);
    for (const h of set) {
      for (let k = 0; k < HASHES; k++) {
        const v = mix(h, SEEDS[k]!);
        if (v < sig[k]!) sig[k] = v;
      }
    }
    for (let b = 0; b < BANDS; b++) {
      let key = 0x811c9dc5 ^ b;
      for (let r = 0; r < ROWS; r++) key = Math.imul(key ^ sig[b * ROWS + r]!, 0x01000193);
      this.bands.push(key >>> 0);
    }
    for (const h of set) this.stems.push(h);
    this.offsets.push(this.stems.length);
    this.cases.push(c);
  }
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export function spreadOf(a: DecidedCase, b: DecidedCase): Spread {
  if (a.regionId !== b.regionId) return 'region';
  if (a.bodyId !== b.bodyId) return 'body';
  if (a.subdivisionId !== b.subdivisionId) return 'subdivision';
  if (a.executorId !== b.executorId) return 'executor';
  return 'same_executor';
}

/** Finds the divergent decisions of every procedure in the cases, strongest first. */
export function findDivergences(input: Iterable<DecidedCase>, options: AnalysisOptions = {}): AnalysisResult {
  const opts = { ...DEFAULTS, ...options };
  const procedures = new Map<string, Procedure>();
  const stemCache = new Map<string, number>();
  let count = 0;
  for (const c of input) {
    let p = procedures.get(c.procedureId);
    if (!p) procedures.set(c.procedureId, (p = new Procedure()));
    p.add(c, stemCache);
    count++;
  }
  const pairs: DivergentPair[] = [];
  let groups = 0;
  let comparisons = 0;
  for (const p of procedures.values()) {
    const r = analyseProcedure(p, opts);
    pairs.push(...r.pairs);
    groups += r.groups;
    comparisons += r.comparisons;
  }
  pairs.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return { pairs, cases: count, procedures: procedures.size, groups, comparisons };
}

function analyseProcedure(p: Procedure, opts: Required<AnalysisOptions>) {
  const n = p.cases.length;
  // a bucket is found by sorting (band key, case index) packed into one float: 32 bits of key, 21 of index
  if (n >= 2 ** 21) throw new RangeError('more than 2 097 151 decided cases in one procedure');
  const uf = new UnionFind(n);
  const stemsOf = p.stems.data;
  const offsets = p.offsets.data;
  const bands = p.bands.data;
  let comparisons = 0;
  const sim = (i: number, j: number) => {
    comparisons++;
    return jaccard(stemsOf, offsets[i]!, offsets[i + 1]!, stemsOf, offsets[j]!, offsets[j + 1]!);
  };
  const found = new Map<number, { i: number; j: number; s: number; norms: number }>();
  const metBefore = (i: number, j: number, band: number) => {
    for (let b = 0; b < band; b++) if (bands[i * BANDS + b] === bands[j * BANDS + b]) return true;
    return false;
  };
  const keys = new Float64Array(n);
  const byOutcome = new Map<Outcome, number[]>();
  for (let b = 0; b < BANDS; b++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      // an empty text has no stems: it is similar to nothing
      if (offsets[i + 1]! > offsets[i]!) keys[m++] = bands[i * BANDS + b]! * 2 ** 21 + i;
    }
    const sorted = keys.subarray(0, m).sort();
    let start = 0;
    while (start < m) {
      const key = Math.floor(sorted[start]! / 2 ** 21);
      let end = start + 1;
      while (end < m && Math.floor(sorted[end]! / 2 ** 21) === key) end++;
      if (end - start > 1) {
        const members: number[] = [];
        for (let k = start; k < end; k++) members.push(sorted[k]! % 2 ** 21);
        // similar cases join the group of the bucket's first case
        const anchor = members[0]!;
        for (let k = 1; k < members.length; k++) {
          const x = members[k]!;
          if (uf.find(x) !== uf.find(anchor) && sim(anchor, x) >= opts.minSimilarity) uf.union(anchor, x);
        }
        byOutcome.clear();
        for (const x of members) {
          const o = p.cases[x]!.outcome;
          const list = byOutcome.get(o);
          if (list) list.push(x);
          else byOutcome.set(o, [x]);
        }
        if (byOutcome.size > 1) {
          const lists = [...byOutcome.values()];
          for (let u = 0; u < lists.length; u++) {
            for (let v = 0; v < lists.length; v++) {
              if (u === v) continue;
              const rare = lists[u]!.slice(0, RARE);
              const other = lists[v]!.slice(0, SAMPLE);
              for (const i of rare) {
                for (const j of other) {
                  const lo = Math.min(i, j);
                  const hi = Math.max(i, j);
                  // a pair meets in every band it shares: it is looked at in the first one only (no set of seen pairs to hold)
                  if (metBefore(lo, hi, b)) continue;
                  const pk = lo * 2 ** 21 + hi;
                  const s = sim(lo, hi);
                  if (s < opts.minSimilarity) continue;
                  const norms = normOverlap(p.cases[lo]!.norms, p.cases[hi]!.norms);
                  if (norms < opts.minNormOverlap) continue;
                  found.set(pk, { i: lo, j: hi, s, norms });
                  uf.union(lo, hi);
                }
              }
            }
          }
        }
      }
      start = end;
    }
  }
  // the groups: size, outcomes and the smallest appeal id (the group's key, stable across runs)
  const size = new Map<number, { size: number; key: string; outcomes: Partial<Record<Outcome, number>> }>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const c = p.cases[i]!;
    let g = size.get(root);
    if (!g) size.set(root, (g = { size: 0, key: c.id, outcomes: {} }));
    g.size++;
    if (c.id < g.key) g.key = c.id;
    g.outcomes[c.outcome] = (g.outcomes[c.outcome] ?? 0) + 1;
  }
  const perGroup = new Map<number, DivergentPair[]>();
  for (const { i, j, s, norms } of found.values()) {
    const a = p.cases[i]!;
    const b = p.cases[j]!;
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const root = uf.find(i);
    const g = size.get(root)!;
    const spread = spreadOf(a, b);
    // similarity, how far apart the outcomes are, where the decisions part, and (slightly) how large the group is
    const score = s * outcomeDistance(a.outcome, b.outcome) * SPREAD_WEIGHT[spread] * (1 + Math.min(1, Math.log10(g.size) / 3) * 0.25);
    const pair: DivergentPair = {
      procedureId: a.procedureId, a: first.id, b: second.id, outcomeA: first.outcome, outcomeB: second.outcome,
      similarity: round(s), normOverlap: round(norms), spread, score: round(score),
      group: { key: g.key, size: g.size, outcomes: g.outcomes },
    };
    const list = perGroup.get(root);
    if (list) list.push(pair);
    else perGroup.set(root, [pair]);
  }
  const pairs: DivergentPair[] = [];
  for (const list of perGroup.values()) {
    list.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
    pairs.push(...list.slice(0, opts.pairsPerGroup));
  }
  let groupCount = 0;
  for (const g of size.values()) if (g.size > 1) groupCount++;
  return { pairs, groups: groupCount, comparisons };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
