import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, type Localized } from './i18n.ts';
import type { Term, TermUnit } from './term.ts';
import { TERMS } from './terms.ts';

const ID = /^(APC|LSS|RULES|REG)-\d+(-\d+)?(\.\d+){0,3}(_[a-z]+)*$/;
const CYRILLIC = /[\u0400-\u04FF]/;
const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const COUNTED_UNITS: readonly TermUnit[] = ['working_days', 'working_days_before', 'calendar_days', 'calendar_days_before', 'months', 'years'];
const ACT_START: Record<Term['act'], string> = { APC: '2021-07-01', LSS: '2013-04-15', RULES: '2025-02-28', REG: '2020-09-08' };

const byId = new Map(TERMS.map((t) => [t.id, t]));
const term = (id: string): Term => {
  const t = byId.get(id);
  assert.ok(t, `${id} is missing`);
  return t;
};
const isIsoDate = (s: string) => /^\d{4}-\d\d-\d\d$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** every Localized value of a term, with a label for messages */
function localizedFields(t: Term): [string, Localized][] {
  const fields: [string, Localized][] = [['runsFrom', t.runsFrom], ['description', t.description]];
  if (t.caveat) fields.push(['caveat', t.caveat]);
  t.extension?.grounds?.forEach((g, i) => fields.push([`extension.grounds[${i}]`, g]));
  return fields;
}

test('ids are unique', () => {
  const seen = new Set<string>();
  for (const t of TERMS) {
    assert.ok(!seen.has(t.id), `duplicate id ${t.id}`);
    seen.add(t.id);
  }
});

test('ids follow the scheme ACT-article[.part…][_suffix] and name the term’s own act', () => {
  for (const t of TERMS) {
    assert.match(t.id, ID, t.id);
    assert.ok(t.id.startsWith(`${t.act}-`), `${t.id} is not an ${t.act} id`);
  }
});

test('every citation starts with its act’s abbreviation (no APC term cites another act)', () => {
  for (const t of TERMS) assert.ok(t.citation.startsWith(`${t.act} `), `${t.id}: citation "${t.citation}"`);
  for (const t of TERMS.filter((x) => x.act === 'APC')) assert.ok(t.citation.startsWith('APC '), t.id);
});

test('the article and parts in an id agree with the citation', () => {
  for (const t of TERMS) {
    const [, article, parts = ''] = /^[A-Z]+-(\d+(?:-\d+)?)((?:\.\d+)*)/.exec(t.id)!;
    const cited = /^[A-Z]+ (?:p\.)?(\d+(?:-\d+)?)/.exec(t.citation);
    assert.ok(cited, `${t.id}: no article in "${t.citation}"`);
    assert.equal(cited[1], article, `${t.id}: article differs from "${t.citation}"`);
    const idParts = parts.split('.').filter(Boolean);
    const citedParts = [...t.citation.matchAll(/\((\d+(?:-\d+)?)\)/g)].map((m) => m[1]);
    assert.deepEqual(citedParts.slice(0, idParts.length), idParts, `${t.id}: parts differ from "${t.citation}"`);
  }
});

test('every localized text has non-empty kk, ru and en', () => {
  for (const t of TERMS) {
    for (const [name, text] of localizedFields(t)) {
      for (const lang of LANGUAGES) assert.ok(text[lang]?.trim(), `${t.id}.${name}.${lang} is empty`);
    }
  }
});

test('Kazakh texts are Kazakh: Cyrillic, Kazakh letters in every description and caveat, and not copies of the Russian', () => {
  for (const t of TERMS) {
    for (const [name, text] of localizedFields(t)) {
      assert.match(text.kk, CYRILLIC, `${t.id}.${name}.kk has no Cyrillic letter`);
      if (name === 'description' || name === 'caveat') {
        assert.match(text.kk, KAZAKH_LETTER, `${t.id}.${name}.kk has no Kazakh letter: "${text.kk}"`);
      }
      assert.match(text.ru, CYRILLIC, `${t.id}.${name}.ru is not Russian`);
      assert.doesNotMatch(text.en, CYRILLIC, `${t.id}.${name}.en contains Cyrillic`);
    }
    assert.notEqual(t.description.kk, t.description.ru, `${t.id}: kk description copies ru`);
    assert.notEqual(t.runsFrom.kk, t.runsFrom.ru, `${t.id}: kk runsFrom copies ru`);
  }
});

test('amount is a positive integer exactly for the counted units and null for the others', () => {
  for (const t of TERMS) {
    if (COUNTED_UNITS.includes(t.unit)) {
      assert.ok(Number.isInteger(t.amount) && t.amount! > 0, `${t.id}: ${t.unit} needs a positive amount, has ${t.amount}`);
    } else {
      assert.equal(t.amount, null, `${t.id}: ${t.unit} must have amount null`);
    }
  }
});

test('fixedDates are present exactly for fixed_dates, as sorted unique real MM-DD days', () => {
  for (const t of TERMS) {
    if (t.unit !== 'fixed_dates') {
      assert.equal(t.fixedDates, undefined, `${t.id} has fixedDates but unit ${t.unit}`);
      continue;
    }
    assert.ok(t.fixedDates && t.fixedDates.length > 0, `${t.id} needs fixedDates`);
    for (const md of t.fixedDates) {
      assert.match(md, /^\d\d-\d\d$/, `${t.id}: ${md}`);
      assert.ok(isIsoDate(`2024-${md}`), `${t.id}: ${md} is not a day of the year`);
    }
    assert.deepEqual([...t.fixedDates].sort(), t.fixedDates, `${t.id}: fixedDates not sorted`);
    assert.equal(new Set(t.fixedDates).size, t.fixedDates.length, `${t.id}: duplicate fixedDates`);
  }
});

test('a "… before" unit is a minimum bound', () => {
  for (const t of TERMS.filter((x) => x.unit === 'working_days_before' || x.unit === 'calendar_days_before')) {
    assert.equal(t.bound, 'min', t.id);
  }
});

test('effective.from is a valid ISO date not before the act itself; effective.to is after from', () => {
  for (const t of TERMS) {
    assert.ok(isIsoDate(t.effective.from), `${t.id}: from "${t.effective.from}"`);
    assert.ok(t.effective.from >= ACT_START[t.act], `${t.id}: in force before the ${t.act} existed`);
    if (t.effective.to !== undefined) {
      assert.ok(isIsoDate(t.effective.to), `${t.id}: to "${t.effective.to}"`);
      assert.ok(t.effective.to > t.effective.from, `${t.id}: to is not after from`);
    }
  }
});

test('petition terms (APC Chapter 12-1) start when the chapter took effect, not with the Code', () => {
  const petitions = TERMS.filter((t) => /^APC-90-\d/.test(t.id));
  assert.ok(petitions.length >= 11, `only ${petitions.length} petition terms (rows 49–58 of §3.2 give 11)`);
  for (const t of petitions) assert.equal(t.effective.from, '2024-04-04', t.id);
});

test('provisions the sources end have an end date: 169(3) and 169(5) ¶2 on 2025-07-01, the 175(2-1) suspension on 2026-01-01', () => {
  assert.equal(term('APC-169.3').effective.to, '2025-07-01');
  assert.equal(term('APC-169.5_motion').effective.to, '2025-07-01');
  assert.equal(term('APC-175_suspension').effective.to, '2026-01-01');
  assert.equal(term('APC-169.2').effective.to, undefined, '169(2) is reworded, not ended');
});

test('the ids other modules rely on exist with the agreed unit, amount and party', () => {
  const required: [string, TermUnit, number | null, Term['party'] | undefined][] = [
    ['APC-76.1', 'working_days', 15, 'body'],
    ['APC-65.1', 'working_days', 3, 'body'],
    ['APC-90-5.1.2', 'working_days', 20, 'body'],
    ['APC-90-5.1.1', 'working_days', 40, 'body'],
    ['APC-99', 'working_days', 20, 'body'],
    ['APC-64.3', 'same_or_next_working_day', null, 'body'],
    ['APC-76.3', 'months', 2, 'body'],
    ['APC-73.1', 'working_days_before', 3, 'body'],
    ['APC-73.3', 'working_days', 2, 'participant'],
    ['APC-90-6.3', 'next_working_day', null, 'body'],
    ['APC-91.2', 'on_expiry', null, undefined],
    ['APC-100.5', 'on_expiry', null, undefined],
    ['APC-92.1', 'months', 3, 'participant'],
    ['APC-171.2', 'months', 1, 'body'],
    ['APC-168.2', 'months', 2, 'participant'],
    ['APC-169.2', 'months', 1, 'participant'],
    ['LSS-25.2', 'working_days', 5, 'body'],
    ['LSS-25.2_authorized_body', 'working_days', 15, 'body'],
    ['LSS-25.4', 'working_days', 3, 'body'],
    ['RULES-16', 'fixed_dates', null, 'body'],
    ['RULES-13', 'months', 3, 'body'],
  ];
  for (const [id, unit, amount, party] of required) {
    const t = term(id);
    assert.equal(t.unit, unit, `${id}.unit`);
    assert.equal(t.amount, amount, `${id}.amount`);
    if (party) assert.equal(t.party, party, `${id}.party`);
  }
  assert.deepEqual(term('RULES-16').fixedDates, ['06-10', '12-10']);
  assert.ok(term('APC-169.2').caveat?.en.includes('07.2025'), 'APC-169.2 warns of the 01.07.2025 cassation reform');
});

test('only the main term and its cap are receipt-based', () => {
  assert.deepEqual(TERMS.filter((t) => t.receiptBased).map((t) => t.id).sort(), ['APC-76.1', 'APC-76.3']);
});

test('extensions are well formed: roles given, a positive max, non-empty grounds, a citation of the same act', () => {
  for (const t of TERMS) {
    const ext = t.extension;
    if (!ext) continue;
    assert.ok(ext.by.length > 0, `${t.id}: extension without roles`);
    assert.equal(new Set(ext.by).size, ext.by.length, `${t.id}: duplicate roles`);
    assert.ok(ext.citation.startsWith(`${t.act} `), `${t.id}: extension citation "${ext.citation}"`);
    if (ext.max) assert.ok(Number.isInteger(ext.max.amount) && ext.max.amount > 0, `${t.id}: extension max`);
    if (ext.grounds) assert.ok(ext.grounds.length > 0, `${t.id}: empty grounds list`);
    assert.notEqual(t.unit, 'on_expiry', `${t.id}: a legal fact cannot be extended`);
  }
});

test('APC 76(3): head or deputy may extend the main term to a total of two months from initiation, on the fact-finding ground only', () => {
  for (const id of ['APC-76.1', 'APC-76.3']) {
    const ext = term(id).extension;
    assert.ok(ext, `${id} has no extension`);
    assert.deepEqual([...ext.by].sort(), ['deputy_head', 'head']);
    assert.deepEqual(ext.max, { amount: 2, unit: 'months', counted: 'from_start' });
    assert.equal(ext.grounds?.length, 1);
    assert.equal(ext.citation, 'APC 76(3)');
  }
});

test('complaints under the APC have no extension (Art. 99, §9 C)', () => {
  for (const id of ['APC-99', 'APC-91.4', 'APC-91.4_satisfy', 'APC-95.2', 'APC-100.2']) {
    assert.equal(term(id).extension, undefined, id);
  }
});

test('LSS 25(4): complaint terms extend by at most 10 working days beyond the due date, on the two closed grounds', () => {
  for (const id of ['LSS-25.2', 'LSS-25.2_authorized_body']) {
    const ext = term(id).extension;
    assert.ok(ext, `${id} has no extension`);
    assert.deepEqual(ext.max, { amount: 10, unit: 'working_days', counted: 'from_due' });
    assert.equal(ext.grounds?.length, 2);
    assert.equal(ext.citation, 'LSS 25(4)');
  }
  assert.deepEqual(term('LSS-25.2_authorized_body').extension?.by, ['authorized_body']);
  assert.equal(term('LSS-25.4_extension').amount, 10);
});

test('quotes are Russian for the APC and English for the other acts', () => {
  for (const t of TERMS) {
    assert.ok(t.quote?.trim(), `${t.id} has no quote`);
    if (t.act === 'APC') assert.match(t.quote!, CYRILLIC, `${t.id}: APC quote must be Russian`);
    else assert.doesNotMatch(t.quote!, CYRILLIC, `${t.id}: ${t.act} quote must be the English text`);
  }
});

test('the table covers every act and chapter the requirements list', () => {
  const count = (act: Term['act']) => TERMS.filter((t) => t.act === act).length;
  assert.ok(count('APC') >= 68 + 30, `APC: ${count('APC')}`);
  assert.ok(count('LSS') >= 30, `LSS: ${count('LSS')}`);
  assert.ok(count('RULES') >= 3, `RULES: ${count('RULES')}`);
  assert.ok(count('REG') >= 1, `REG: ${count('REG')}`);
});
