/**
 * Administrative acts through the API on both engines (APC Chapter 11, apc-requirements §4.2): a draft from a
 * standard form, the APC 80 checks, signing with an e-signature made by `openssl cms -sign` (which is the
 * adoption on the case, under the APC 73 hearing guard), communication and execution control (81, 83, 86),
 * corrections (82), the oral act put in writing (78(4)), revocation (84–85), the public check, the PDFs, and the
 * applicant's signed electronic appeal (64(4), AT-32). Scenario numbers are those of apc-requirements §8.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import type { InjectOptions } from 'fastify';
import { appealSigningContent } from '../../src/platform/signature.ts';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';
import { makeTestPki, type Identity, type TestPki } from '../support/pki.ts';

type App = Awaited<ReturnType<typeof testApp>>;

/**
 * The text on the pages of a PDF made by pdfmake (pdfkit): every object is read (a stream by its /Length), the
 * FlateDecode streams are inflated with node:zlib, each font's ToUnicode CMap is parsed, and the hex strings of the
 * content streams are decoded with the CMap of the font selected by the `Tf` before them. Whitespace is dropped
 * (pdfmake writes a line word by word), so compare without spaces.
 */
function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; data?: Buffer }>();
  const head = /(\d+) 0 obj/g;
  for (let m = head.exec(src); m; m = head.exec(src)) {
    const from = m.index + m[0].length;
    const streamAt = src.indexOf('stream', from);
    const endAt = src.indexOf('endobj', from);
    if (streamAt < 0 || endAt < streamAt) {
      objects.set(Number(m[1]), { dict: src.slice(from, endAt) });
      head.lastIndex = endAt;
      continue;
    }
    const dict = src.slice(from, streamAt);
    let start = streamAt + 6;
    if (src[start] === '\r') start++;
    if (src[start] === '\n') start++;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(m[1]), { dict, data: /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw });
    head.lastIndex = src.indexOf('endobj', start + length);
  }
  const utf16 = (hex: string) => new TextDecoder('utf-16be').decode(Buffer.from(hex, 'hex'));
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (obj: number) => {
    if (cmaps.has(obj)) return cmaps.get(obj)!;
    const map = new Map<number, string>();
    const text = objects.get(obj)?.data?.toString('latin1') ?? '';
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
        const lo = parseInt(r[1]!, 16);
        const hi = parseInt(r[2]!, 16);
        if (r[3]!.startsWith('[')) [...r[3]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((d, i) => map.set(lo + i, utf16(d[1]!)));
        else for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(parseInt(r[3]!.slice(1, -1), 16) + (c - lo)));
      }
    }
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(r[1]!, 16), utf16(r[2]!));
    cmaps.set(obj, map);
    return map;
  };
  // font resource names -> font objects -> their ToUnicode CMaps
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const res of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of res[1]!.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(f[2]))?.dict ?? '');
        if (toUnicode) fonts.set(f[1]!, cmapOf(Number(toUnicode[1])));
      }
    }
  }
  let out = '';
  for (const { data } of objects.values()) {
    const content = data?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content)) continue;
    let font = new Map<number, string>();
    for (const t of content.matchAll(/\/([\w.+-]+)\s+[-\d.]+\s+Tf|<([0-9a-fA-F]*)>/g)) {
      if (t[1]) font = fonts.get(t[1]) ?? new Map();
      else for (let i = 0; i + 4 <= t[2]!.length; i += 4) out += font.get(parseInt(t[2]!.slice(i, i + 4), 16)) ?? '';
    }
  }
  return out.replace(/\s+/g, '');
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

for (const { engine, skip } of ENGINES) {
  describe(`administrative acts API [${engine}]`, { skip }, () => {
    let app: App;
    let pki: TestPki;
    let now = new Date('2025-04-14T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    const templates: Record<string, string> = {};

    before(async () => {
      pki = makeTestPki();
      app = await testApp(engine, { TYNDA_TRUST_DIR: pki.trustDir, TYNDA_PUBLIC_URL: 'https://tynda.example.kz' }, { clock: () => now });
      for (const role of ['registrar', 'executor', 'body_head', 'applicant'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      const list = await call({ method: 'GET', url: '/api/v1/act-templates', as: 'executor' });
      for (const t of list.body.items) templates[t.code] = t.id;
    });
    after(async () => {
      await app?.close();
      pki?.cleanup();
    });

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      const json = res.headers['content-type']?.toString().includes('json');
      return { status: res.statusCode, body: json && res.body ? (res.json() as Json) : undefined, raw: res.rawPayload, type: res.headers['content-type'] };
    };
    const caseAt = async (receivedAt: string, language = 'ru') => {
      const reg = await call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: {
          bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language, essence: 'Прошу выдать разрешение на установку ограждения', summary: 'Разрешение на ограждение',
          applicant: { kind: 'individual', name: 'Құрманғалиева Әлия Нұрланқызы', postalAddress: 'Байзақ ауданы, Абай к-сі 3' }, signed: true, filedOn: receivedAt.slice(0, 10), receivedAt,
        },
      });
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      const id = reg.body.id;
      const step = async (who: string, action: Record<string, unknown>) => {
        const cur = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'body_head' });
        const r = await call({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, as: who, payload: { version: cur.body.version, ...action } });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      };
      await step('body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await step('executor', { action: 'start_review' });
      return { id, step };
    };
    const draft = async (appealId: string, template: string, content: Record<string, unknown> = {}) => {
      const r = await call({ method: 'POST', url: '/api/v1/acts', as: 'executor', payload: { appealId, templateId: templates[template], content } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    const sign = async (actId: string, who: Identity = 'head', tamper?: (s: string) => string) => {
      const content = await call({ method: 'GET', url: `/api/v1/acts/${actId}/signing-content`, as: 'body_head' });
      assert.equal(content.status, 200, JSON.stringify(content.body));
      const signature = pki.sign(who, tamper ? tamper(content.body.canonical) : content.body.canonical).toString('base64');
      return call({ method: 'POST', url: `/api/v1/acts/${actId}/sign`, as: 'body_head', payload: { version: content.body.version, signature } });
    };
    const get = (actId: string) => call({ method: 'GET', url: `/api/v1/acts/${actId}`, as: 'body_head' });
    const step = async (actId: string, path: string, payload: Record<string, unknown>, who = 'body_head') => {
      const cur = await get(actId);
      return call({ method: 'POST', url: `/api/v1/acts/${actId}/${path}`, as: who, payload: { version: cur.body.version, ...payload } });
    };

    test('R-05: the demo standard forms are approved, versioned and bound to case data in kk and ru', async () => {
      for (const code of ['appeal.satisfaction', 'appeal.refusal', 'appeal.termination', 'simplified.answer', 'complaint.decision']) assert.ok(templates[code], code);
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-10T10:00:00+05:00', 'kk');
      const act = await draft(id, 'appeal.satisfaction');
      assert.equal(act.state, 'draft');
      assert.equal(act.template.code, 'appeal.satisfaction');
      assert.equal(act.manualVersion, 'demo-1');
      assert.match(act.content.operative, /Құрманғалиева Әлия Нұрланқызы .*10\.04\.2025.*қанағаттандырылсын/);
    });

    test('REG p.5(4)-(5): executing the act of an answer under control is recorded, and the case stays open until the reviewer accepts the answer', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      as.monitoring ??= await signIn(app, 'monitoring');
      const { id } = await caseAt('2025-04-10T10:00:00+05:00');
      const onCase = async (who: string, action: Record<string, unknown>) => {
        const cur = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'body_head' });
        const r = await call({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, as: who, payload: { version: cur.body.version, ...action } });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body;
      };
      await onCase('monitoring', { action: 'take_under_control', reason: 'На контроле акима области' });
      const act = await draft(id, 'appeal.satisfaction', { hearingExemption: 'favourable_no_third_party', justificationExemption: 'favourable_no_third_party' });
      assert.equal((await sign(act.id)).status, 200);
      assert.equal((await step(act.id, 'communicate', { communicatedOn: '2025-04-14', method: 'cabinet' })).status, 200);
      const executed = await step(act.id, 'execute', { executedOn: '2025-04-14' });
      assert.equal(executed.status, 200, JSON.stringify(executed.body));
      assert.equal(executed.body.state, 'executed');
      const open = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'body_head' });
      assert.deepEqual([open.body.state, open.body.controlStatus], ['decided', 'under_control']);
      await onCase('monitoring', { action: 'accept_answer', complete: true, allIssuesAnswered: true, legalBasis: true, measuresTaken: true });
      assert.equal((await onCase('body_head', { action: 'close' })).state, 'closed');
    });

    test('#26 APC 77(1)(1), 83(1)-(2), 86(3): signing adopts the act on the case; communicated on 16.04 it takes effect and is due for execution on 23.04; executed, the case closes', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-10T10:00:00+05:00');
      const act = await draft(id, 'appeal.satisfaction', { hearingExemption: 'favourable_no_third_party', justificationExemption: 'favourable_no_third_party' });
      assert.deepEqual(act.missing, []);
      const signed = await sign(act.id);
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      assert.equal(signed.body.state, 'in_force');
      assert.equal(signed.body.adoptedOn, '2025-04-14');
      assert.equal(signed.body.inForceOn, '2025-04-14');
      assert.equal(signed.body.signer.name, 'Смағұлов Ержан Қанатұлы');
      const appeal = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'body_head' });
      assert.equal(appeal.body.state, 'decided');
      assert.equal(appeal.body.decision.actId, act.id, 'the decision on the case references the act');
      const notice = await app.database.db.selectFrom('notice').select(['type', 'body']).where('subject_id', '=', id).where('type', '=', 'decision_on_case').executeTakeFirstOrThrow();
      assert.match(notice.body, new RegExp(`https://tynda.example.kz/verify/${act.id}`));

      now = new Date('2025-04-16T09:00:00Z');
      const communicated = await step(act.id, 'communicate', { communicatedOn: '2025-04-16', method: 'cabinet' });
      assert.equal(communicated.status, 200, JSON.stringify(communicated.body));
      assert.equal(communicated.body.state, 'effective');
      assert.equal(communicated.body.executionDue, '2025-04-23');
      now = new Date('2025-04-24T05:00:00Z');
      const overdue = await call({ method: 'GET', url: '/api/v1/acts?view=overdue', as: 'body_head' });
      assert.ok(overdue.body.items.some((a: Json) => a.id === act.id), 'execution control lists the overdue act');
      const executed = await step(act.id, 'execute', { executedOn: '2025-04-24' });
      assert.equal(executed.status, 200, JSON.stringify(executed.body));
      assert.equal(executed.body.state, 'executed');
      const closed = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'body_head' });
      assert.equal(closed.body.state, 'closed');
      const timeline = await app.database.db.selectFrom('case_event').select(['action', 'details']).where('case_type', '=', 'act').where('case_id', '=', act.id).orderBy('seq').execute();
      assert.deepEqual(timeline.map((e) => e.action), ['drafted', 'sign', 'communicate', 'execute']);
      assert.equal((timeline.at(-1)!.details as Json).late, true);
      assert.deepEqual((await verifyCaseEvents(app.database.db)).breaks, []);
    });

    test('APC 80(1)(4): a refusal without justification cannot be signed; the error names the item of Art. 80', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-11T10:00:00+05:00');
      const act = await draft(id, 'appeal.refusal');
      assert.deepEqual(act.missing.map((m: Json) => m.citation), ['APC 80(1)(4)']);
      const res = await sign(act.id);
      assert.equal(res.status, 422);
      assert.equal(res.body.code, 'act_content_missing');
      assert.equal(res.body.citation, 'APC 80(1)(4)');
      assert.equal(res.body.errors[0].field, 'content.justification');
    });

    test('APC 73(1): the hearing guard blocks signing a burdensome act; nothing is half-done (the act stays a draft, the case undecided)', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-11T11:00:00+05:00');
      const act = await draft(id, 'appeal.refusal', { justification: 'Участок относится к землям общего пользования', legalBasis: 'ст. 107 Земельного кодекса РК' });
      const res = await sign(act.id);
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.code, 'hearing_required');
      assert.equal(res.body.citation, 'APC 73(1)');
      assert.equal((await get(act.id)).body.state, 'draft');
      assert.equal((await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'body_head' })).body.state, 'in_review');
      assert.equal(await app.database.db.selectFrom('act_version').select('act_id').where('act_id', '=', act.id).executeTakeFirst(), undefined);
    });

    test('APC 45(7): forgeries fail with a clear reason: a changed text, a revoked or expired certificate, an unknown CA, another person\'s key', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-11T12:00:00+05:00');
      const act = await draft(id, 'appeal.satisfaction', { hearingExemption: 'favourable_no_third_party' });
      const tampered = await sign(act.id, 'head', (s) => s.replace('удовлетворить', 'отказать'));
      assert.equal(tampered.status, 422);
      assert.equal(tampered.body.code, 'signature_invalid');
      assert.match(tampered.body.detail, /content_mismatch/);
      assert.equal(tampered.body.errors[0].code, 'signature_content_mismatch');
      for (const [who, reason] of [['revoked', 'certificate_revoked'], ['expired', 'certificate_expired'], ['stranger', 'unknown_ca'], ['encipher_only', 'key_usage']] as const) {
        const r = await sign(act.id, who);
        assert.equal(r.status, 422, who);
        assert.equal(r.body.errors[0].code, `signature_${reason}`, who);
      }
      const other = await sign(act.id, 'signer'); // the executor's certificate presented by the head
      assert.equal(other.status, 403);
      assert.equal(other.body.code, 'signer_not_official');
      assert.equal((await get(act.id)).body.state, 'draft');
    });

    test('#24 APC 82: a clerical error is corrected as a new signed version; the copy is due within 3 working days and the applicant is told', async () => {
      now = new Date('2025-04-01T05:00:00Z');
      const { id } = await caseAt('2025-03-31T10:00:00+05:00');
      const act = await draft(id, 'appeal.satisfaction', { hearingExemption: 'favourable_no_third_party', justificationExemption: 'favourable_no_third_party' });
      assert.equal((await sign(act.id)).status, 200);
      now = new Date('2025-04-04T05:00:00Z');
      const proposed = await step(act.id, 'corrections', { content: { operative: 'Заявление удовлетворить (исправлена описка в дате).' }, description: 'Описка в дате', motionReceivedOn: '2025-04-03' });
      assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
      const corrected = await sign(act.id);
      assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
      assert.equal(corrected.body.contentVersion, 2);
      assert.equal(corrected.body.state, 'in_force');
      const e = await app.database.db.selectFrom('case_event').select(['action', 'details', 'citation']).where('case_type', '=', 'act').where('case_id', '=', act.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(e.action, 'correct');
      assert.equal(e.citation, 'APC 82(4), 82(5)');
      assert.equal((e.details as Json).decideBy, '2025-04-08');
      assert.equal((e.details as Json).sendBy, '2025-04-09');
      assert.ok(await app.database.db.selectFrom('notice').select('id').where('subject_id', '=', id).where('type', '=', 'act_corrected').executeTakeFirst());
      const versions = await app.database.db.selectFrom('act_version').select(['version', 'reason']).where('act_id', '=', act.id).orderBy('version').execute();
      assert.deepEqual(versions.map((v) => v.reason), ['adopted', 'correction']);
    });

    test('#25 APC 78(4): an oral act of Friday 07.03.2025 is put in writing on the motion by Tuesday 11.03 (10.03 moved day off)', async () => {
      now = new Date('2025-03-07T10:00:00Z');
      const oral = await call({
        method: 'POST', url: '/api/v1/acts/oral', as: 'body_head',
        payload: { bodyId: bodies['KRG-BZH'], language: 'ru', oralGround: 'protection', adoptedOn: '2025-03-07', favourable: false, addressee: { kind: 'individual', name: 'Иванов Иван Иванович' }, operative: 'Немедленно прекратить работы на аварийном объекте' },
      });
      assert.equal(oral.status, 201, JSON.stringify(oral.body));
      assert.equal(oral.body.state, 'effective');
      const motion = await step(oral.body.id, 'written-form', { motionOn: '2025-03-07', content: { justification: 'Угроза обрушения', legalBasis: 'п. 3 ст. 78 АППК' } });
      assert.equal(motion.status, 200, JSON.stringify(motion.body));
      assert.equal(motion.body.writtenFormDue, '2025-03-11');
      now = new Date('2025-03-11T05:00:00Z');
      const written = await sign(oral.body.id);
      assert.equal(written.status, 200, JSON.stringify(written.body));
      assert.equal(written.body.form, 'written_electronic');
    });

    test('APC 84(6)-(7): an unlawful favourable act is revoked only on a ground of 84(6), with the legal consequences decided (84(3))', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-11T13:00:00+05:00');
      const act = await draft(id, 'appeal.satisfaction', { hearingExemption: 'favourable_no_third_party', justificationExemption: 'favourable_no_third_party' });
      assert.equal((await sign(act.id)).status, 200);
      const noGround = await step(act.id, 'revoke', { basis: 'unlawful', reasons: 'Нарушена процедура', invalidFrom: 'adoption' });
      assert.equal(noGround.status, 422);
      assert.equal(noGround.body.citation, 'APC 84(6), 84(7)');
      const byExecutor = await step(act.id, 'revoke', { basis: 'unlawful', ground: 'false_information', reasons: 'x', invalidFrom: 'adoption' }, 'executor');
      assert.ok([403, 404].includes(byExecutor.status));
      const revoked = await step(act.id, 'revoke', { basis: 'unlawful', ground: 'false_information', reasons: 'Представлена заведомо ложная справка', invalidFrom: 'adoption' });
      assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
      assert.equal(revoked.body.state, 'revoked');
      assert.equal(revoked.body.revocation.damagesMayArise, true);
    });

    /** a signed act of `template` on a new case */
    const signedAct = async (receivedAt: string, template: string, content: Record<string, unknown>) => {
      const { id } = await caseAt(receivedAt);
      const act = await draft(id, template, content);
      const signed = await sign(act.id);
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      return { appealId: id, act: signed.body };
    };
    const refusal = { justification: 'Участок относится к землям общего пользования', legalBasis: 'ст. 107 Земельного кодекса РК', hearingExemption: 'participant_motion' };
    const favourable = { hearingExemption: 'favourable_no_third_party', justificationExemption: 'favourable_no_third_party' };

    test('APC 85(3)–(4): a lawful burdensome act may be revoked unless the law forbids it; a lawful favourable act only on a ground of 85(4); only the head or a deputy revokes', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { act: burdensome } = await signedAct('2025-04-11T09:00:00+05:00', 'appeal.refusal', refusal);
      assert.equal(burdensome.favourable, false);
      const byExecutor = await step(burdensome.id, 'revoke', { basis: 'lawful', ground: 'burdensome_not_prohibited', reasons: 'Обстоятельства изменились' }, 'executor');
      assert.ok([403, 404].includes(byExecutor.status), String(byExecutor.status));
      const favourableGround = await step(burdensome.id, 'revoke', { basis: 'lawful', ground: 'condition_unmet', reasons: 'x' });
      assert.equal(favourableGround.status, 422);
      assert.equal(favourableGround.body.citation, 'APC 85(3)', 'a ground of 85(4) does not serve a burdensome act');
      const revoked = await step(burdensome.id, 'revoke', { basis: 'lawful', ground: 'burdensome_not_prohibited', reasons: 'Обстоятельства изменились: участок выведен из земель общего пользования' });
      assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
      assert.equal(revoked.body.state, 'revoked');
      assert.equal(revoked.body.ceaseCause, 'revoked');
      assert.equal(revoked.body.ceasedOn, '2025-04-14');
      assert.deepEqual([revoked.body.revocation.basis, revoked.body.revocation.ground, revoked.body.revocation.scope], ['lawful', 'burdensome_not_prohibited', 'full']);
      const e = (await app.database.db.selectFrom('case_event').select(['action', 'citation']).where('case_type', '=', 'act').where('case_id', '=', burdensome.id).orderBy('seq', 'desc').executeTakeFirstOrThrow());
      assert.deepEqual(e, { action: 'revoke_lawful', citation: 'APC 85(3)' });
      assert.equal((await step(burdensome.id, 'revoke', { basis: 'lawful', ground: 'burdensome_not_prohibited', reasons: 'again' })).status, 409, 'a revoked act is closed');

      const { act: permit } = await signedAct('2025-04-11T09:30:00+05:00', 'appeal.satisfaction', favourable);
      const noGround = await step(permit.id, 'revoke', { basis: 'lawful', ground: 'burdensome_not_prohibited', reasons: 'Передумали' });
      assert.equal(noGround.status, 422);
      assert.equal(noGround.body.code, 'revocation_ground_required');
      assert.equal(noGround.body.citation, 'APC 85(4)', 'trust: a favourable act is not revoked at will');
      const unmet = await step(permit.id, 'revoke', { basis: 'lawful', ground: 'condition_unmet', reasons: 'Условие о согласовании с соседями не исполнено' });
      assert.equal(unmet.status, 200, JSON.stringify(unmet.body));
      assert.equal(unmet.body.state, 'revoked');
    });

    test('APC 84(1)–(4): an unlawful burdensome act is revoked without a ground of 84(6), but with its legal consequences decided (84(3)); a partial revocation keeps the rest in force', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { act } = await signedAct('2025-04-11T10:00:00+05:00', 'appeal.refusal', refusal);
      const noConsequences = await step(act.id, 'revoke', { basis: 'unlawful', reasons: 'Не исследован кадастровый план' });
      assert.equal(noConsequences.status, 422);
      assert.equal(noConsequences.body.code, 'legal_consequences_required');
      assert.equal(noConsequences.body.citation, 'APC 84(3)');
      const partial = await step(act.id, 'revoke', { basis: 'unlawful', scope: 'partial', invalidFrom: 'adoption', reasons: 'Отказ в части ограждения по южной границе незаконен' });
      assert.equal(partial.status, 200, JSON.stringify(partial.body));
      assert.equal(partial.body.state, 'partially_revoked');
      assert.equal(partial.body.ceasedOn, null, 'the rest of the act stays in force');
      assert.equal(partial.body.revocation.invalidFrom, 'adoption');
      assert.equal(partial.body.revocation.damagesMayArise, undefined, '84(8) concerns favourable acts');
      const full = await step(act.id, 'revoke', { basis: 'unlawful', scope: 'full', invalidFrom: 'finding', reasons: 'Отказ незаконен полностью' });
      assert.equal(full.status, 200, JSON.stringify(full.body));
      assert.equal(full.body.state, 'revoked');
      const events = await app.database.db.selectFrom('case_event').select(['action', 'citation']).where('case_type', '=', 'act').where('case_id', '=', act.id).orderBy('seq').execute();
      assert.deepEqual(events.slice(-2), [{ action: 'revoke_unlawful', citation: 'APC 84(4)' }, { action: 'revoke_unlawful', citation: 'APC 84(4)' }]);
    });

    test('APC 83(1)–(2): an act stating a later date enters into force on it through the daily job (acts-enter-into-force); communicated before, it takes effect then', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { act } = await signedAct('2025-04-11T11:00:00+05:00', 'appeal.satisfaction', { ...favourable, inForceOn: '2025-04-21' });
      assert.equal(act.state, 'adopted_pending_force');
      assert.equal(act.adoptedOn, '2025-04-14');
      assert.equal(act.inForceOn, '2025-04-21');
      now = new Date('2025-04-16T05:00:00Z');
      const communicated = await step(act.id, 'communicate', { communicatedOn: '2025-04-16', method: 'cabinet' });
      assert.equal(communicated.status, 200, JSON.stringify(communicated.body));
      assert.equal(communicated.body.state, 'adopted_pending_force', 'communicated, but not yet in force');
      assert.equal((await step(act.id, 'execute', { executedOn: '2025-04-16' })).status, 409, 'not executed before it is in force');
      now = new Date('2025-04-18T05:00:00Z');
      await app.acts.enterIntoForce();
      assert.equal((await get(act.id)).body.state, 'adopted_pending_force', 'not on Friday 18.04');
      now = new Date('2025-04-20T19:30:00Z'); // 00:30 on Monday 21.04 in Almaty: the job counts Almaty days
      assert.ok((await app.acts.enterIntoForce()) >= 1);
      const inForce = (await get(act.id)).body;
      assert.equal(inForce.state, 'effective', 'in force and already communicated: in effect (83(2))');
      const e = await app.database.db.selectFrom('case_event').select(['action', 'actor', 'citation', 'details']).where('case_type', '=', 'act').where('case_id', '=', act.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual([e.action, e.actor, e.citation, (e.details as Json).inForceOn], ['enter_into_force', 'system', 'APC 83(1)', '2025-04-21']);
      assert.equal(await app.acts.enterIntoForce(), 0, 'running again changes nothing');
    });

    test('#52 APC 80(2)(2): the justification may be left out only from the sixth identical act within 30 calendar days', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-11T14:00:00+05:00');
      const act = await draft(id, 'appeal.refusal', { justificationExemption: 'identical_acts', hearingExemption: 'participant_motion', subjectKey: 'fence-permits' });
      const put = async (n: number, on: string) => {
        for (let i = 0; i < n; i++) {
          await app.database.db.insertInto('act').values({
            number: `T-${on}-${i}-${Math.random()}`, body_id: bodies['KRG-BZH']!, kind: 'refusal', outcome: 'refused', favourable: false, form: 'written_electronic', language: 'ru',
            template_code: 'appeal.refusal', subject_key: 'fence-permits', state: 'in_force', content: '{}', adopted_on: on,
          }).execute();
        }
      };
      await put(4, '2025-04-01');
      await put(3, '2025-03-10'); // outside the 30 days ending 14.04
      const fifth = await sign(act.id);
      assert.equal(fifth.status, 422, JSON.stringify(fifth.body));
      assert.equal(fifth.body.code, 'identical_acts_not_reached');
      assert.equal(fifth.body.citation, 'APC 80(2)(2)');
      await put(1, '2025-04-13');
      const sixth = await sign(act.id);
      assert.equal(sixth.status, 200, JSON.stringify(sixth.body));
    });

    test('/verify/{id}: anyone checks an act; the PDF opens in Kazakh and Russian with its QR link; a changed stored text is detected', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-11T15:00:00+05:00', 'kk');
      const act = await draft(id, 'appeal.satisfaction', { hearingExemption: 'favourable_no_third_party', justificationExemption: 'favourable_no_third_party' });
      assert.equal((await sign(act.id)).status, 200);
      const check = await call({ method: 'GET', url: `/api/v1/verify/${act.id}` });
      assert.equal(check.status, 200, JSON.stringify(check.body));
      assert.equal(check.body.hashMatch, true);
      assert.equal(check.body.signatureValid, true);
      const names = (await app.database.db.selectFrom('body').select('name').where('id', '=', bodies['KRG-BZH']!).executeTakeFirstOrThrow()).name as { kk: string; ru: string };
      assert.equal(check.body.body, names.kk, 'the name of the body in the language of the appeal (kk)');
      assert.notEqual(names.kk, names.ru);
      assert.equal(check.body.signer, 'Смағұлов Ержан Қанатұлы');
      const page = await call({ method: 'GET', url: `/verify/${act.id}`, headers: { 'accept-language': 'kk' } });
      assert.equal(page.status, 200);
      assert.match(String(page.type), /text\/html/);
      assert.match(page.raw.toString('utf8'), new RegExp(act.number));
      const flat = (t: string) => t.replace(/\s+/g, '');
      const url = `https://tynda.example.kz/verify/${act.id}`;
      for (const lang of ['kk', 'ru', 'both'] as const) {
        const pdf = await call({ method: 'GET', url: `/api/v1/acts/${act.id}.pdf?lang=${lang}`, as: 'executor' });
        assert.equal(pdf.status, 200);
        assert.equal(pdf.raw.subarray(0, 5).toString(), '%PDF-');
        const text = pdfText(pdf.raw);
        assert.ok(text.includes(flat(url)), `${lang}: the /verify link is printed`);
        assert.ok(pdf.raw.toString('latin1').includes(`/URI (${url})`), `${lang}: and is a link`);
        assert.ok(text.includes(flat(act.number)), `${lang}: the number of the act`);
        assert.equal(text.includes(flat(names.kk)), lang !== 'ru', `${lang}: the Kazakh name of the body`);
        assert.equal(text.includes(flat(names.ru)), lang !== 'kk', `${lang}: the Russian name of the body`);
        if (lang !== 'ru') assert.ok(text.includes(flat('Құрманғалиева Әлия Нұрланқызы')), 'the addressee with Kazakh letters');
      }
      const anonymous = await call({ method: 'GET', url: `/api/v1/acts/${act.id}.pdf` });
      assert.equal(anonymous.status, 401);
      await app.database.db.updateTable('act_version').set({ content: JSON.stringify({ operative: 'подменённый текст' }) }).where('act_id', '=', act.id).execute();
      assert.equal((await call({ method: 'GET', url: `/api/v1/verify/${act.id}` })).body.hashMatch, false);
    });

    test('#33 APC 96: a complaint against an act in effect suspends its execution through the acts module; a suspended act cannot be executed; an exception of 96(1) resumes it', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const { id } = await caseAt('2025-04-11T17:00:00+05:00');
      const act = await draft(id, 'appeal.satisfaction', { hearingExemption: 'favourable_no_third_party', justificationExemption: 'favourable_no_third_party' });
      assert.equal((await sign(act.id)).status, 200);
      assert.equal((await step(act.id, 'communicate', { communicatedOn: '2025-04-14', method: 'in_person' })).body.state, 'effective');
      now = new Date('2025-04-15T05:00:00Z');
      const complaint = await call({
        method: 'POST', url: '/api/v1/complaints/register', as: 'registrar',
        payload: {
          appealId: id, actId: act.id, challengedKind: 'act', challengedSummary: 'Разрешение выдано без учёта прав соседей', circumstances: 'Ограждение перекрывает проезд', language: 'ru', channel: 'paper', signed: true,
          receivedAt: '2025-04-15T10:00:00+05:00', complainant: { kind: 'individual', name: 'Петров Пётр Петрович', iin: '881102400005', postalAddress: 'Байзақ ауданы, Абай к-сі 5', actualAddress: 'Байзақ ауданы, Абай к-сі 5' },
        },
      });
      assert.equal(complaint.status, 201, JSON.stringify(complaint.body));
      assert.equal((await get(act.id)).body.state, 'execution_suspended');
      const executed = await step(act.id, 'execute', { executedOn: '2025-04-15' });
      assert.equal(executed.status, 409, 'a suspended act is not executed');
      const events = await app.database.db.selectFrom('case_event').select(['action', 'citation']).where('case_type', '=', 'act').where('case_id', '=', act.id).orderBy('seq').execute();
      assert.deepEqual(events.at(-1), { action: 'suspend_execution', citation: 'APC 96' });

      // APC 96(1): the head records the exception (protection of rights); execution resumes and the act is executed
      const c = await call({ method: 'GET', url: `/api/v1/complaints/${complaint.body.id}`, as: 'body_head' });
      const exception = await call({ method: 'POST', url: `/api/v1/complaints/${complaint.body.id}/actions`, as: 'body_head', payload: { version: c.body.version, action: 'record_suspension_exception', ground: 'protection_of_rights', reasons: 'Ограждение защищает детей от проезжей части' } });
      assert.equal(exception.status, 200, JSON.stringify(exception.body));
      assert.equal(exception.body.executionSuspended, false);
      const resumed = (await get(act.id)).body;
      assert.equal(resumed.state, 'effective');
      const last = await app.database.db.selectFrom('case_event').select(['action', 'citation', 'details']).where('case_type', '=', 'act').where('case_id', '=', act.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual([last.action, last.citation, (last.details as Json).complaintId, (last.details as Json).reason], ['resume_execution', 'APC 96', complaint.body.id, 'exception:protection_of_rights']);
      const done = await step(act.id, 'execute', { executedOn: '2025-04-15' });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.state, 'executed');
    });

    test('APC 64(2): the registration ticket as a PDF', async () => {
      const { id } = await caseAt('2025-04-11T16:00:00+05:00', 'kk');
      const pdf = await call({ method: 'GET', url: `/api/v1/appeals/${id}/ticket.pdf`, as: 'registrar' });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.raw.subarray(0, 5).toString(), '%PDF-');
    });

    test('APC 64(4), AT-32: a signed electronic appeal is verified; one signed with a revoked certificate is registered all the same, unsigned and flagged "EDS invalid"', async () => {
      now = new Date('2025-09-15T05:00:00Z');
      const filing = { bodyId: bodies['KRG-BZH'], type: 'application', language: 'kk', essence: 'Көше жарығын жөндеуді сұраймын', applicant: { kind: 'individual', name: 'Сапарова Әлия', postalAddress: 'Байзақ ауданы, Абай к-сі 3' } };
      const good = await call({ method: 'POST', url: '/api/v1/appeals', as: 'applicant', payload: { ...filing, signature: { format: 'cms', value: pki.sign('signer', appealSigningContent(filing)).toString('base64') } } });
      assert.equal(good.status, 201, JSON.stringify(good.body));
      assert.equal(good.body.signature.valid, true);
      assert.ok(!good.body.missing.some((m: Json) => m.code === 'signature'));
      const filing2 = { ...filing, essence: 'Аулада балалар алаңын салуды сұраймын' };
      const bad = await call({ method: 'POST', url: '/api/v1/appeals', as: 'applicant', payload: { ...filing2, signature: { format: 'cms', value: pki.sign('revoked', appealSigningContent(filing2)).toString('base64') } } });
      assert.equal(bad.status, 201, 'intake is never refused (APC 64(1))');
      assert.equal(bad.body.signature.valid, false);
      assert.equal(bad.body.signature.reason, 'signature_invalid');
      assert.equal(bad.body.signature.detail, 'certificate_revoked');
      assert.ok(bad.body.missing.some((m: Json) => m.citation === 'APC 63(2)(5)'), 'a defect notice can follow');
      const row = await app.database.db.selectFrom('appeal').select(['signed', 'signature_verification']).where('id', '=', bad.body.id).executeTakeFirstOrThrow();
      assert.equal(row.signed, false);
      assert.equal((row.signature_verification as Json).reason, 'certificate_revoked');
    });
  });
}
