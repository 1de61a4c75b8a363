import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../locales/en.json' with { type: 'json' };
import kk from '../../locales/kk.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };
import { LANGUAGES } from '../../law/i18n.ts';
import { TERMS } from '../../law/terms.ts';
import { Problem } from '../../platform/problems.ts';
import { CATALOGUE, NOTICE_TYPES, type FieldKind, type NoticeSpec } from './catalogue.ts';
import { chooseChannels, type Recipient } from './channels.ts';
import { checkData, localCitation, placeholders, renderNotice, template, type NoticeData } from './render.ts';
import { smsBody } from './transports.ts';

const SAMPLE: Record<FieldKind, (name: string) => string | string[]> = {
  text: (name) => `<${name}>`,
  list: (name) => [`<${name} 1>`, `<${name} 2>`],
  date: () => '2025-04-23',
  datetime: () => '2025-04-23T09:30:00Z',
};

function sampleData(spec: NoticeSpec): NoticeData {
  return Object.fromEntries(Object.entries(spec.fields).map(([name, kind]) => [name, SAMPLE[kind](name)]));
}

function keys(obj: unknown, prefix = ''): string[] {
  return typeof obj === 'object' && obj !== null
    ? Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];
}

describe('notice catalogue and texts', () => {
  test('kk, ru and en have the same notice.* keys, and every catalogue notice has a title and a body in each (DESIGN principle 6)', () => {
    const [k, r, e] = [kk, ru, en].map((l) => keys((l as { notice: unknown }).notice).sort());
    assert.deepEqual(k, e);
    assert.deepEqual(r, e);
    for (const type of NOTICE_TYPES) {
      for (const lang of LANGUAGES) {
        for (const part of ['title', 'body']) assert.ok(template(`notice.${type}.${part}`, lang)?.trim(), `notice.${type}.${part} in ${lang}`);
      }
    }
  });

  test('every placeholder of a notice text is a data field of its catalogue entry, and every field is used in every language', () => {
    for (const type of NOTICE_TYPES) {
      const fields = Object.keys(CATALOGUE[type].fields).sort();
      for (const lang of LANGUAGES) {
        const used = new Set([...placeholders(template(`notice.${type}.title`, lang)!), ...placeholders(template(`notice.${type}.body`, lang)!)]);
        assert.deepEqual([...used].sort(), fields, `${type} in ${lang}`);
      }
    }
  });

  test('every notice renders in kk, ru and en with its data, leaves no placeholder, and writes dates in that language', () => {
    const month = { kk: 'сәуір', ru: 'апреля', en: 'April' };
    for (const type of NOTICE_TYPES) {
      const data = sampleData(CATALOGUE[type]);
      for (const lang of LANGUAGES) {
        const text = renderNotice(type, lang, data);
        for (const part of [text.title, text.body, text.sms]) assert.doesNotMatch(part, /\{\{|\}\}/, `${type} in ${lang}`);
        for (const [name, value] of Object.entries(data)) {
          if (typeof value === 'string' && value.startsWith('<')) assert.ok(text.title.includes(value) || text.body.includes(value), `${type}.${name} in ${lang}`);
        }
        if (Object.values(CATALOGUE[type].fields).some((k) => k === 'date' || k === 'datetime')) assert.match(text.body, new RegExp(month[lang]), `${type} in ${lang}`);
        assert.ok(text.sms.startsWith(text.title), `${type} sms in ${lang}`);
      }
    }
  });

  test('the terms and sending deadlines a notice cites exist in the terms table, and a due date is a date field of the notice', () => {
    const ids = new Set(TERMS.map((t) => t.id));
    for (const type of NOTICE_TYPES) {
      const spec: NoticeSpec = CATALOGUE[type];
      for (const term of spec.terms ?? []) {
        assert.ok(ids.has(term.id), `${type}: ${term.id}`);
        if ('due' in term) assert.equal(spec.fields[term.due], 'date', `${type}: ${term.due}`);
      }
      if (spec.sendWithin) assert.ok(ids.has(spec.sendWithin), `${type}: ${spec.sendWithin}`);
    }
  });

  test('a notice whose receipt must be recorded says why in kk, ru and en; the preliminary decision, hearing and decision are such notices (APC 73(3), 20(1)(4), 83(2))', () => {
    for (const type of NOTICE_TYPES) {
      const spec: NoticeSpec = CATALOGUE[type];
      if (spec.recorded) for (const lang of LANGUAGES) assert.ok(spec.why?.[lang].trim(), `${type} why in ${lang}`);
      if (spec.recipient === 'official') assert.equal(spec.recorded, false, type);
    }
    for (const type of ['preliminary_decision', 'hearing_invitation', 'decision_on_case', 'complaint_decided'] as const) assert.equal(CATALOGUE[type].recorded, true, type);
    assert.deepEqual(CATALOGUE.preliminary_decision.terms, [{ id: 'APC-73.3', fromReceipt: true }]);
  });

  test('LSS 27-2(3): the notice of an inspection carries the nine required elements and its receipt is recorded (27-4: no notice makes the inspection invalid)', () => {
    const spec = CATALOGUE.inspection_notice;
    // (1) inspectors, (2) experts, (3) subject and location, (4) subject matter, (5) duration, (6) period, (7) type, (8) grounds, (9) signatory
    for (const f of ['inspectors', 'experts', 'subjectName', 'subjectLocation', 'matter', 'startsOn', 'endsOn', 'period', 'kind', 'grounds', 'signatory']) assert.ok(f in spec.fields, f);
    assert.equal(spec.recorded, true);
    assert.equal(spec.sendWithin, 'LSS-27-2.2');
    const subject: Recipient = { kind: 'participant', id: 'provider-1', online: false, contacts: { email: 'office@provider.kz' } };
    assert.throws(() => chooseChannels(spec, subject), (e: unknown) => e instanceof Problem && e.code === 'notice_unreachable');
    assert.deepEqual(chooseChannels(spec, { ...subject, contacts: { postalAddress: 'Астана, ул. Бейбитшилик, 1' } }).map((c) => c.channel), ['cabinet', 'post']);
    const text = renderNotice('inspection_notice', 'ru', { ...sampleData(spec), startsOn: '2025-05-12', endsOn: '2025-06-09' });
    assert.match(text.body, /Срок проведения: с 12 мая 2025 г\. по 9 июня 2025 г\./);
    assert.deepEqual(CATALOGUE.inspection_certificate.terms, [{ id: 'LSS-27-2.9', fromReceipt: true }]);
  });

  test('missing or malformed data is named field by field', () => {
    const errors = checkData('hearing_invitation', { registrationNumber: 'A-1', bodyName: '', hearingAt: '2025-04-23 10:00', place: 'Room 5' });
    assert.deepEqual(errors, [
      { field: 'data.bodyName', code: 'invalid_value' },
      { field: 'data.hearingAt', code: 'invalid_date' },
    ]);
    assert.deepEqual(checkData('appeal_defects', { registrationNumber: 'A-1', bodyName: 'B', cureBy: '2025-02-30', defects: [] }), [
      { field: 'data.defects', code: 'invalid_value' },
      { field: 'data.cureBy', code: 'invalid_date' },
    ]);
  });

  test('data is put in literally: a value that looks like a placeholder is not expanded', () => {
    const data = { ...sampleData(CATALOGUE.term_extended), reason: '{{registrationNumber}} $t(notice.sms)' };
    const text = renderNotice('term_extended', 'en', data);
    assert.match(text.body, /Reason: \{\{registrationNumber\}\} \$t\(notice\.sms\)$/);
  });

  test('a hearing time is shown in Asia/Almaty, whatever the offset it was given with', () => {
    const data = { ...sampleData(CATALOGUE.hearing_invitation), hearingAt: '2025-04-23T04:30:00Z' };
    assert.match(renderNotice('hearing_invitation', 'ru', data).body, /Время: 23 апреля 2025 г\. в 09:30/);
  });

  test('citations are written with the act name of the language', () => {
    assert.equal(localCitation('APC 73(1), 73(3)', 'kk'), 'ӘРПК 73(1), 73(3)');
    assert.equal(localCitation('APC 73(1), 73(3)', 'ru'), 'АППК 73(1), 73(3)');
    assert.equal(localCitation('LSS 25(4)', 'ru'), 'Закон «О государственных услугах» 25(4)');
  });
});

describe('channel choice (APC 66(2), LSS 25(4))', () => {
  const online: Recipient = { kind: 'participant', id: 'p1', online: true, contacts: { email: 'a@example.kz', phone: '+77011234567', postalAddress: 'Астана, Мәңгілік Ел 8' } };
  const channels = (spec: NoticeSpec, r: Recipient) => chooseChannels(spec, r).map((c) => c.channel);

  test('the cabinet always; then the channels the person asked for whose contact is known', () => {
    assert.deepEqual(channels(CATALOGUE.appeal_registered, { ...online, preferred: ['email'] }), ['cabinet', 'email']);
    assert.deepEqual(channels(CATALOGUE.appeal_registered, { ...online, contacts: {}, preferred: ['email', 'sms', 'post'] }), ['cabinet']);
    assert.deepEqual(chooseChannels(CATALOGUE.appeal_registered, { ...online, preferred: ['post'] }), [
      { channel: 'cabinet', address: null },
      { channel: 'post', address: 'Астана, Мәңгілік Ел 8' },
    ]);
  });

  test('a notice whose receipt must be recorded goes to the cabinet with an SMS to a person who uses it (APC 66(2))', () => {
    assert.deepEqual(channels(CATALOGUE.preliminary_decision, { ...online, preferred: ['email'] }), ['cabinet', 'email', 'sms']);
    assert.deepEqual(channels(CATALOGUE.appeal_registered, online), ['cabinet']);
  });

  test('to a person who filed on paper it goes by registered letter; without a postal address it is refused (APC 66(2), 73(3))', () => {
    const paper: Recipient = { ...online, online: false, contacts: { postalAddress: 'Алматы, Абай 10' } };
    assert.deepEqual(channels(CATALOGUE.preliminary_decision, paper), ['cabinet', 'post']);
    assert.deepEqual(channels(CATALOGUE.appeal_registered, paper), ['cabinet']);
    assert.throws(() => chooseChannels(CATALOGUE.hearing_invitation, { ...paper, contacts: { email: 'a@example.kz' }, preferred: ['email'] }), (e: unknown) => {
      assert.ok(e instanceof Problem);
      assert.equal(e.status, 422);
      assert.equal(e.code, 'notice_unreachable');
      assert.equal(e.citation, 'APC 66(1), 73(1), 20(1)(4)');
      return true;
    });
  });

  test('an answer about a state-service complaint filed on paper is given in writing (LSS 25(4))', () => {
    const paper: Recipient = { ...online, online: false };
    assert.deepEqual(channels(CATALOGUE.service_complaint_extended, paper), ['cabinet', 'post']);
    assert.deepEqual(channels(CATALOGUE.service_complaint_extended, online), ['cabinet']);
  });

  test('an official gets the workspace cabinet and, if asked, e-mail; never a forced letter', () => {
    const official: Recipient = { kind: 'official', id: 'u7', online: false, contacts: { email: 'clerk@akimat.kz' }, preferred: ['email'] };
    assert.deepEqual(channels(CATALOGUE.official_overdue, official), ['cabinet', 'email']);
  });

  test('malformed contacts are not used', () => {
    assert.deepEqual(channels(CATALOGUE.appeal_registered, { ...online, contacts: { email: 'not-an-address', phone: '12' }, preferred: ['email', 'sms'] }), ['cabinet']);
  });
});

describe('SMS gateway body', () => {
  test('values are JSON-escaped for a JSON body and URL-encoded for a form body', () => {
    const values = { to: '+77011234567', text: 'Іс "№ 5"\nкабинетте', id: 'n-1' };
    const json = smsBody({ url: 'http://x', body: '{"to":"{{to}}","text":"{{text}}","ref":"{{id}}"}', contentType: 'application/json', authorization: undefined }, values);
    assert.deepEqual(JSON.parse(json), { to: '+77011234567', text: 'Іс "№ 5"\nкабинетте', ref: 'n-1' });
    const form = smsBody({ url: 'http://x', body: 'phone={{to}}&msg={{text}}', contentType: 'application/x-www-form-urlencoded', authorization: undefined }, values);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(form)), { phone: '+77011234567', msg: 'Іс "№ 5"\nкабинетте' });
  });
});
