/**
 * Notice texts: the catalogue's template in the language of the appeal, filled with the case data. Pure: the
 * text is fixed when the notice is written, so what the person was told is on record. Data is substituted in one
 * pass by our own code, never by i18next, so a value that looks like a placeholder stays literal text.
 */
import { parseIsoDate, toAlmatyDay } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import type { FieldError } from '../../platform/problems.ts';
import { CATALOGUE, type FieldKind, type NoticeType } from './catalogue.ts';

export type NoticeData = Record<string, string | string[]>;

export interface RenderedNotice {
  title: string;
  body: string;
  sms: string;
}

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** The raw template of a key in one language; undefined when that language lacks it. */
export function template(key: string, lang: Language): string | undefined {
  const text = translator(lang)(key);
  return typeof text === 'string' && text !== key ? text : undefined;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`notice template placeholder {{${name}}} has no value`);
    return value;
  });
}

export function formatDate(date: string, lang: Language): string {
  const day = parseIsoDate(date);
  if (day === undefined) throw new RangeError(`not a date: ${date}`);
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(day * 86_400_000));
}

/** A moment as people in Kazakhstan read it: date and time in Asia/Almaty. */
export function formatDateTime(timestamp: string | Date, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Almaty',
  }).format(typeof timestamp === 'string' ? new Date(timestamp) : timestamp);
}

/** 'APC 73(1), 73(3)' -> 'ӘРПК 73(1), 73(3)'; the act's name from `notice.act.*`. */
export function localCitation(citation: string, lang: Language): string {
  return citation.replace(/\b(APC|LSS|REG)\b/g, (act) => template(`notice.act.${act}`, lang) ?? act);
}

const valid: Record<FieldKind, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= 4000,
  list: (v) => Array.isArray(v) && v.length > 0 && v.length <= 50 && v.every((x) => typeof x === 'string' && x.trim().length > 0 && x.length <= 1000),
  date: (v) => typeof v === 'string' && parseIsoDate(v) !== undefined,
  // an instant must carry its offset, so the server's zone never decides the date (law/dates.ts)
  datetime: (v) => typeof v === 'string' && v.includes('T') && toAlmatyDay(v) !== undefined,
};

/** Fields of the catalogue entry that are missing or of the wrong kind, as problem+json field errors. */
export function checkData(type: NoticeType, data: Record<string, unknown>): FieldError[] {
  const fields: Record<string, FieldKind> = CATALOGUE[type].fields;
  return Object.entries(fields)
    .filter(([name, kind]) => !valid[kind](data[name]))
    .map(([name, kind]) => ({ field: `data.${name}`, code: data[name] === undefined ? 'required' : kind === 'date' || kind === 'datetime' ? 'invalid_date' : 'invalid_value' }));
}

function formatValue(kind: FieldKind, value: string | string[], lang: Language): string {
  switch (kind) {
    case 'list':
      return (value as string[]).map((item) => `– ${item.trim()}`).join('\n');
    case 'date':
      return formatDate(value as string, lang);
    case 'datetime':
      return formatDateTime(value as string, lang);
    case 'text':
      return (value as string).trim();
  }
}

/** Title, body and SMS of a notice; the data must have passed `checkData`. */
export function renderNotice(type: NoticeType, lang: Language, data: NoticeData): RenderedNotice {
  const fields: Record<string, FieldKind> = CATALOGUE[type].fields;
  const values = Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, formatValue(kind, data[name]!, lang)]));
  const title = fill(requireText(`notice.${type}.title`, lang), values);
  return {
    title,
    body: fill(requireText(`notice.${type}.body`, lang), values),
    sms: fill(requireText('notice.sms', lang), { title }),
  };
}

/** The full text of an e-mail or a letter: the body, the notice's number and legal basis, and for a participant's
 * e-mail the line that the notice is in the cabinet too. */
export function fullText(notice: { id: string; body: string; citation: string; language: Language }, withCabinetLine: boolean): string {
  const reference = fill(requireText('notice.common.reference', notice.language), { id: notice.id, citation: localCitation(notice.citation, notice.language) });
  const cabinet = withCabinetLine ? `\n${requireText('notice.common.cabinet', notice.language)}` : '';
  return `${notice.body}\n\n${reference}${cabinet}`;
}

export function requireText(key: string, lang: Language): string {
  const raw = template(key, lang);
  if (raw === undefined) throw new Error(`no text ${key} in ${lang}`);
  return raw;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
