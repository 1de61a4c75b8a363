/**
 * The facts of a case as a set of crude stems, so that rewording does not hide similarity (kk, ru, en): lower
 * case, letters only, stop words and the words of outcomes and citations dropped (the outcome and the norms are
 * compared on their own), the common English suffixes cut, the word truncated to 6 letters and the vowels left at its end cut
 * ("крыша", "крыши", "крышу" → "крыш"; "протекающую", "протекает" → "протек"; "жөндеуді", "жөндеу" → "жөнд").
 * Pure code: no I/O.
 */

const STOP = new Set(
  [
    // ru
    'и', 'в', 'во', 'на', 'по', 'с', 'со', 'к', 'ко', 'у', 'о', 'об', 'от', 'до', 'за', 'из', 'для', 'не', 'ни', 'что', 'как', 'так', 'это', 'этот', 'эта', 'его', 'ее', 'её', 'их', 'мы', 'я', 'он', 'она', 'они', 'вы', 'а', 'но', 'или', 'же', 'ли', 'бы', 'уже', 'при', 'также', 'который', 'которая', 'которые', 'прошу', 'просим', 'просьба', 'нам', 'мне', 'меня', 'наш', 'наша', 'наше', 'наши', 'нашего', 'нашей', 'нашему', 'нашим', 'наших', 'ваш', 'вашего', 'все', 'всё', 'весь', 'ничего', 'очень', 'только', 'еще', 'ещё', 'мой', 'моя', 'моё', 'мое', 'мои', 'был', 'была', 'было', 'были', 'есть', 'данный', 'данная', 'данное', 'связи', 'согласно', 'соответствии', 'основании', 'года', 'году', 'г', 'ул', 'д', 'кв', 'рк', 'республики', 'казахстан',
    // citations and outcomes (compared separately)
    'статья', 'статьи', 'статье', 'статьей', 'ст', 'пункт', 'пункта', 'пунктом', 'подпункт', 'подпункта', 'пп', 'п', 'часть', 'части', 'кодекс', 'кодекса', 'кодексом', 'закон', 'закона', 'аппк',
    'удовлетворить', 'удовлетворено', 'удовлетворении', 'удовлетворено', 'частично', 'отказать', 'отказано', 'отказ', 'отказе', 'прекратить', 'прекращено', 'прекращении', 'решение', 'решил', 'решено', 'заявление', 'заявления', 'заявитель', 'заявителя', 'обращение', 'обращения',
    // kk
    'және', 'мен', 'пен', 'бен', 'да', 'де', 'та', 'те', 'үшін', 'бойынша', 'туралы', 'бұл', 'осы', 'ол', 'олар', 'біз', 'мен', 'сіз', 'сол', 'немесе', 'бірақ', 'сондай', 'ақ', 'деп', 'екен', 'еді', 'жоқ', 'бар', 'сұраймын', 'сұраймыз', 'көше', 'көшесі', 'үй', 'пәтер', 'қазақстан', 'республикасы', 'жылғы', 'жыл',
    'бап', 'бабы', 'бабының', 'тармақ', 'тармағы', 'тармағының', 'тармақша', 'тармақшасы', 'кодекс', 'кодексі', 'кодексінің', 'заң', 'заңы', 'әрпк',
    'қанағаттандыру', 'қанағаттандырылсын', 'қанағаттандырылды', 'ішінара', 'бас', 'тарту', 'тартылсын', 'тартылды', 'тоқтату', 'тоқтатылсын', 'шешім', 'шешімі', 'өтініш', 'өтінішті', 'өтініші', 'өтініш', 'берушінің',
    // en
    'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'we', 'i', 'our', 'my', 'me', 'us', 'please', 'not', 'no', 'as', 'under', 'per', 'street', 'st',
    'article', 'art', 'paragraph', 'para', 'subparagraph', 'code', 'law', 'apc', 'satisfy', 'satisfied', 'satisfaction', 'partly', 'partially', 'refuse', 'refused', 'refusal', 'terminate', 'terminated', 'termination', 'decision', 'decided', 'application', 'applicant',
  ],
);

const VOWELS = new Set([...'аеёиоуыэюяйьъәіөүұaeiouy'].map((c) => c.charCodeAt(0)));
const EN_SUFFIX = /(?:ing|ed|es|s|ly)$/;

/** A crude stem: good enough to make inflected and reordered wordings meet, and cheap enough for millions of texts. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.charCodeAt(0) < 128) w = w.replace(EN_SUFFIX, '');
  // truncate first, then cut the vowels left at the end: "жөндеуді" and "жөндеу" both become "жөнд"
  if (w.length > 6) w = w.slice(0, 6);
  let end = w.length;
  while (end > 3 && VOWELS.has(w.charCodeAt(end - 1))) end--;
  return w.slice(0, end);
}

/** Letters of Latin, Russian and Kazakh, tested on the code (a regular expression per word is too slow for millions). */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x45f) || (c >= 0x490 && c <= 0x4ff) || (c > 0xff && c < 0x430) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/** The distinct stems of a text (numbers and words shorter than 3 letters dropped: house numbers are not facts). */
export function stems(text: string): string[] {
  const out = new Set<string>();
  const t = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= t.length; i++) {
    const letter = i < t.length && isLetter(t.charCodeAt(i));
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= 3) {
      const w = t.slice(start, i);
      if (!STOP.has(w)) {
        const s = stem(w);
        if (s.length >= 3 && !STOP.has(s)) out.add(s);
      }
    }
    start = -1;
  }
  return [...out];
}

/** FNV-1a, 32 bits: the stem as a number (the engine keeps numbers, not strings). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Exact Jaccard similarity of two sorted sets of stem hashes. */
export function jaccard(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): number {
  let i = aFrom;
  let j = bFrom;
  let both = 0;
  while (i < aTo && j < bTo) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = aTo - aFrom + (bTo - bFrom) - both;
  return union === 0 ? 0 : both / union;
}
