/**
 * The norms an act applies, read out of its legal basis and justification (APC 15-1(4): "acts applying the same
 * norms"). Kazakh, Russian and English citation forms become one normal form, `APC 77(1)(2)`:
 *   "ӘРПК 77-бабы 1-тармағының 2) тармақшасы", "ст. 77 п. 1 пп. 2) АППК", "подпункт 2) пункта 1 статьи 77 АППК",
 *   "APC 77(1)(2)", "Article 77(1)(2) of the APC", "Жер кодексінің 43-бабы", "ст. 43 ЗК РК".
 * Pure code: no I/O.
 */

/** Codes and laws recognised by name or abbreviation in kk, ru, en; the key is the normal form's prefix. */
const CODES: readonly [string, RegExp][] = [
  ['APC', /^(?:apc|аппк|әрпк|административн\S* процедурно-процессуальн\S* кодекс\S*|әкімшілік рәсімдік-процестік кодекс\S*|administrative procedur\S* code)$/u],
  ['LC', /^(?:зк|land code|земельн\S* кодекс\S*|жер кодекс\S*)$/u],
  ['TC', /^(?:нк|tax code|налогов\S* кодекс\S*|салық кодекс\S*)$/u],
  ['CC', /^(?:гк|civil code|гражданск\S* кодекс\S*|азаматтық кодекс\S*)$/u],
  ['LabC', /^(?:тк|labou?r code|трудов\S* кодекс\S*|еңбек кодекс\S*)$/u],
  ['EC', /^(?:эк|environmental code|экологическ\S* кодекс\S*|экологиялық кодекс\S*)$/u],
  ['HousingLaw', /^(?:закон\S* о жилищных отношениях|тұрғын үй қатынастары туралы заң\S*|law on housing relations)$/u],
];

// one alternation per kind of component; the order matters (a longer form before its prefix: "тармақша" before "тармақ")
const CODE_WORDS = [
  'административн\\S* процедурно-процессуальн\\S* кодекс\\S*',
  'әкімшілік рәсімдік-процестік кодекс\\S*',
  'administrative procedur\\S* code',
  '(?:земельн|налогов|гражданск|трудов|экологическ)\\S* кодекс\\S*',
  '(?:жер|салық|азаматтық|еңбек|экологиялық) кодекс\\S*',
  '(?:land|tax|civil|labou?r|environmental) code',
  'закон\\S* о жилищных отношениях',
  'тұрғын үй қатынастары туралы заң\\S*',
  'law on housing relations',
  'apc', 'аппк', 'әрпк', 'зк', 'нк', 'гк', 'тк', 'эк',
].join('|');

const L = 'a-zа-яёәіңғүұқөһ';
const TOKEN = new RegExp(
  [
    // APC 77(1)(2), Article 77(1)(2): the compact English form
    `(?<compact>(?<cArt>\\d+(?:-\\d+)?)(?<cParts>(?:\\(\\d+\\))+))`,
    // kk: 77-бабы / 77-бап; 1-тармағы / 1-тармақ; 2) тармақшасы
    `(?<kkSub>(?<kkSubN>\\d+)\\)\\s*тармақша[${L}]*)`,
    `(?<kkPara>(?<kkParaN>\\d+)-(?:тармақ|тармағ)[${L}]*)`,
    `(?<kkArt>(?<kkArtN>\\d+(?:-\\d+)?)-(?:бап|баб)[${L}]*)`,
    // ru / en: пп. 2), подпункт 2); п. 1, пункт 1; ст. 77, статья 77; art. 77, para 1, subpara 2
    `(?<sub>(?<![${L}])(?:пп\\.|подпункт[${L}]*|subpara(?:graph)?\\.?)\\s*(?<subN>\\d+)\\)?)`,
    `(?<para>(?<![${L}])(?:п\\.|пункт[${L}]*|ч\\.|част[${L}]*|para(?:graph)?\\.?|part)\\s*(?<paraN>\\d+))`,
    `(?<art>(?<![${L}])(?:ст\\.|стать[${L}]*|art(?:icle)?\\.?)\\s*(?<artN>\\d+(?:-\\d+)?)(?<artParts>(?:\\(\\d+\\))*))`,
    `(?<code>(?<![${L}])(?:${CODE_WORDS})(?![${L}]))`,
    `(?<stop>[;\\n])`,
  ].join('|'),
  'gu',
);

interface Group {
  code?: string;
  art?: string;
  para?: string;
  sub?: string;
  start: number;
  end: number;
}

function codeOf(word: string): string | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return CODES.find(([, re]) => re.test(w))?.[0];
}

/** The norm in its normal form: `APC 77(1)(2)`; a reference with no code named anywhere keeps `?` for it. */
export function formatNorm(code: string, art: string, para?: string, sub?: string): string {
  return `${code} ${art}${para ? `(${para})` : ''}${para && sub ? `(${sub})` : ''}`;
}

/** Every article reference in the text, normalised, without duplicates, in the order found. */
export function parseNorms(text: string): string[] {
  const lower = text.toLowerCase();
  const groups: Group[] = [];
  const codes: { at: number; code: string }[] = [];
  let g: Group | undefined;
  const close = () => {
    if (g?.art) groups.push(g);
    g = undefined;
  };
  for (const m of lower.matchAll(TOKEN)) {
    const x = m.groups!;
    const at = m.index;
    // components far apart belong to different references (40 characters covers "пункта 1 статьи 77 Кодекса")
    if (g && at - g.end > 40) close();
    if (x.stop !== undefined) {
      close();
      continue;
    }
    if (x.code !== undefined) {
      const code = codeOf(x.code);
      if (!code) continue;
      codes.push({ at, code });
      if (g && g.code) close();
      if (g) g.code = code;
      else g = { code, start: at, end: at + m[0].length };
      g.end = at + m[0].length;
      // "ст. 77 п. 1 АППК": a code named after the article ends the reference; "ӘРПК 77-бабы" opens it
      if (g.art) close();
      continue;
    }
    let kind: 'art' | 'para' | 'sub';
    let value: string;
    if (x.compact !== undefined || x.artParts) {
      if (g?.art) close();
      g ??= { start: at, end: at };
      g.art = (x.cArt ?? x.artN)!;
      const parts = [...(x.cParts ?? x.artParts)!.matchAll(/\((\d+)\)/g)].map((p) => p[1]!);
      g.para = parts[0];
      g.sub = parts[1];
      g.end = at + m[0].length;
      continue;
    }
    if (x.kkSub !== undefined || x.sub !== undefined) [kind, value] = ['sub', (x.kkSubN ?? x.subN)!];
    else if (x.kkPara !== undefined || x.para !== undefined) [kind, value] = ['para', (x.kkParaN ?? x.paraN)!];
    else [kind, value] = ['art', (x.kkArtN ?? x.artN)!];
    if (g && g[kind] !== undefined) close();
    g ??= { start: at, end: at };
    g[kind] = value;
    g.end = at + m[0].length;
  }
  close();
  const out: string[] = [];
  for (const r of groups) {
    // a reference without its code takes the nearest code named after it, else before it ("ст. 77 ... АППК")
    const code = r.code ?? codes.find((c) => c.at >= r.end)?.code ?? codes.filter((c) => c.at < r.start).at(-1)?.code ?? '?';
    const n = formatNorm(code, r.art!, r.para, r.sub);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * How far two acts apply the same norms, 0..1: the share of the larger set matched in the other, where a norm
 * matches the same norm or one that contains it (`APC 77(1)` and `APC 77(1)(2)`: the narrower is part of the wider).
 * Two acts that cite nothing the parser recognises count as matching (nothing tells them apart).
 */
export function normOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const within = (x: string, y: string) => x === y || y.startsWith(`${x}(`) || x.startsWith(`${y}(`);
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  let hit = 0;
  for (const x of large) if (small.some((y) => within(x, y))) hit++;
  return hit / large.length;
}

/** Legal bases repeat (standard forms): parsing each distinct one once keeps a region's run cheap. */
const basisCache = new Map<string, string[]>();

/** The norms of an act: those of its legal basis, and those its justification cites. */
export function normsOfAct(legalBasis: string, justification: string): string[] {
  let basis = basisCache.get(legalBasis);
  if (!basis) {
    if (basisCache.size > 50_000) basisCache.clear();
    basisCache.set(legalBasis, (basis = parseNorms(legalBasis)));
  }
  if (!/\d/.test(justification)) return basis;
  return [...new Set([...basis, ...parseNorms(justification)])];
}
