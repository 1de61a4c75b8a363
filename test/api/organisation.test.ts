import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import type { Tynda } from '../../src/app.ts';
import { BODY_TYPES, formatRegistrationNumber, isValidRegistrationNumberFormat } from '../../src/modules/bodies/service.ts';
import type { RecordingOtpSender } from '../../src/modules/identity/service.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

test('registration numbers follow the body format: {code}, {yyyy}, {yy}, one {seq:N}', () => {
  assert.equal(formatRegistrationNumber('{code}-{yyyy}-{seq:6}', { code: 'KRG', date: '2025-03-20', seq: 123 }), 'KRG-2025-000123');
  assert.equal(formatRegistrationNumber('ЖТ/{yy}/{seq}', { code: 'X', date: '2025-03-20', seq: 7 }), 'ЖТ/25/7');
  assert.ok(isValidRegistrationNumberFormat('KRS-{yy}-{seq:7}'));
  for (const bad of ['{code}-{yyyy}', '{seq}-{seq}', '{code}<script>{seq}', '{seq:0}', `${'x'.repeat(60)}{seq}`]) assert.ok(!isValidRegistrationNumberFormat(bad), bad);
});

test('Rules No. 111 p.1: exactly central executive bodies, their departments and local executive bodies down to districts are subject to the Rules', () => {
  const subject = Object.entries(BODY_TYPES).filter(([, t]) => t.rules111).map(([k]) => k).sort();
  assert.deepEqual(subject, ['ceb_department', 'central_executive_body', 'leb_capital', 'leb_city_republican', 'leb_district', 'leb_region', 'leb_town_regional']);
});

for (const { engine, skip } of ENGINES) {
  describe(`organisation API [${engine}]`, { skip }, () => {
    let app: Tynda & { otp: RecordingOtpSender };
    const inject = (options: InjectOptions) => app.server.inject(options);
    before(async () => {
      app = await testApp(engine);
    });
    after(async () => {
      await app?.close();
    });

    test('the demo organisation: the 17 regions and 3 cities of republican significance with districts; the directory is public', async () => {
      const regions = (await inject({ method: 'GET', url: '/api/v1/territories?kind=region' })).json().territories;
      assert.equal(regions.length, 17);
      const cities = (await inject({ method: 'GET', url: '/api/v1/territories' })).json().territories.filter((t: { kind: string }) => t.kind === 'city_republican' || t.kind === 'capital');
      assert.deepEqual(cities.map((c: { name: { en: string } }) => c.name.en).sort(), ['City of Almaty', 'City of Astana', 'City of Shymkent']);
      const karaganda = regions.find((r: { code: string }) => r.code === 'KZ-35');
      const districts = (await inject({ method: 'GET', url: `/api/v1/territories?parentId=${karaganda.id}` })).json().territories;
      assert.ok(districts.some((d: { name: { kk: string } }) => d.name.kk === 'Бұқар жырау ауданы'));

      const bodies = (await inject({ method: 'GET', url: '/api/v1/bodies', headers: { 'accept-language': 'ru' } })).json().bodies;
      const byCode = new Map<string, { id: string; type: string; typeName: string; parentId: string | null; complaintBodyId: string | null; subjectToRules111: boolean; bin: string }>(bodies.map((b: { code: string }) => [b.code, b]));
      assert.equal(byCode.get('KRG-APP')!.parentId, byCode.get('KRG')!.id, 'the apparatus sits under the akimat');
      assert.equal(byCode.get('KRG-BZH')!.complaintBodyId, byCode.get('KRG')!.id, 'APC 91(3): complaints against a district akimat go to the region');
      assert.equal(byCode.get('KRG')!.complaintBodyId, null, 'APC 91(6): no superior body, the court route');
      assert.equal(byCode.get('MJ-KRS')!.typeName, 'Ведомство центрального исполнительного органа');
      assert.equal(byCode.get('MJ-KRS')!.subjectToRules111, true);
      for (const code of ['KRG-BZH-BOT', 'GOVCORP', 'KRG-SMAS', 'KRG-APP']) assert.equal(byCode.get(code)!.subjectToRules111, false, code);
      const subdivisions = (await inject({ method: 'GET', url: `/api/v1/bodies/${byCode.get('KRG-APP')!.id}/subdivisions` })).json().subdivisions;
      assert.ok(subdivisions.some((s: { kind: string }) => s.kind === 'appeals_monitoring'));
    });

    test('a body is added by the system administrator; bad input is a per-field 400 in the asked language and writes nothing', async () => {
      const admin = await signIn(app, 'sysadmin');
      const karaganda = (await app.organisation.bodyByCode('KRG'))!;
      const count = async () => (await app.organisation.bodies()).length;
      const before = await count();
      const bad = await inject({
        method: 'POST',
        url: '/api/v1/bodies',
        headers: { ...admin, 'accept-language': 'ru' },
        payload: { code: 'KRG-NUR', type: 'leb_district', name: { kk: 'Нұра ауданының әкімдігі', ru: 'Акимат Нуринского района', en: 'Akimat of Nura District' }, bin: '010440010003', registrationNumberFormat: 'no sequence', contact: { phone: '123' } },
      });
      assert.equal(bad.statusCode, 400);
      const fields = Object.fromEntries(bad.json().errors.map((e: { field: string; code: string; message: string }) => [e.field, [e.code, e.message]]));
      assert.deepEqual(fields['body.bin'], ['invalid_bin', 'Неверный БИН: нужны 12 цифр с правильным контрольным разрядом']);
      assert.equal(fields['body.registrationNumberFormat'][0], 'invalid_registration_format');
      assert.equal(fields['body.contact.phone'][0], 'invalid_phone');
      assert.equal(await count(), before);

      const unknownParent = await inject({ method: 'POST', url: '/api/v1/bodies', headers: admin, payload: { code: 'KRG-NUR', type: 'leb_district', name: { kk: 'а', ru: 'б', en: 'c' }, parentId: '00000000-0000-4000-8000-000000000000' } });
      assert.equal(unknownParent.statusCode, 400);
      assert.equal(unknownParent.json().errors[0].code, 'unknown_reference');

      const body = { code: 'KRG-NUR', type: 'leb_district', name: { kk: 'Нұра ауданының әкімдігі', ru: 'Акимат Нуринского района', en: 'Akimat of Nura District' }, parentId: karaganda.id, complaintBodyId: karaganda.id };
      const denied = await inject({ method: 'POST', url: '/api/v1/bodies', headers: await signIn(app, 'body_head'), payload: body });
      assert.equal(denied.statusCode, 403);
      assert.match(denied.json().detail, /bodies\.manage/);
      const created = await inject({ method: 'POST', url: '/api/v1/bodies', headers: admin, payload: body });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().subjectToRules111, true);
      assert.equal(created.json().registrationNumberFormat, '{code}-{yyyy}-{seq:6}');
      assert.equal((await inject({ method: 'POST', url: '/api/v1/bodies', headers: admin, payload: body })).statusCode, 409, 'the code is taken');

      const cycle = await inject({ method: 'PATCH', url: `/api/v1/bodies/${karaganda.id}`, headers: admin, payload: { parentId: created.json().id } });
      assert.equal(cycle.statusCode, 409);
      assert.equal(cycle.json().code, 'hierarchy_cycle');
      assert.equal((await app.organisation.body(karaganda.id)).parent_id, null, 'unchanged');
      const changed = await inject({ method: 'PATCH', url: `/api/v1/bodies/${created.json().id}`, headers: admin, payload: { contact: { phone: '8 (7212) 00-00-00' } } });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().contact.phone, '+77212000000', 'stored in one form');
    });

    test('subdivisions and positions: a position with a role gives it to its holder; the official sees the role in /auth/me', async () => {
      const admin = await signIn(app, 'sysadmin');
      const aba = (await app.organisation.bodyByCode('KRG-ABA'))!;
      const sub = await inject({ method: 'POST', url: `/api/v1/bodies/${aba.id}/subdivisions`, headers: admin, payload: { code: 'legal', kind: 'legal_service', name: { kk: 'Заң бөлімі', ru: 'Юридический отдел', en: 'Legal division' } } });
      assert.equal(sub.statusCode, 201, sub.body);
      const pos = await inject({ method: 'POST', url: `/api/v1/bodies/${aba.id}/positions`, headers: admin, payload: { code: 'lawyer', title: { kk: 'Заңгер', ru: 'Юрист', en: 'Lawyer' }, subdivisionId: sub.json().id, role: 'legal_service' } });
      assert.equal(pos.statusCode, 201, pos.body);
      const official = await inject({ method: 'POST', url: '/api/v1/officials', headers: admin, payload: { bodyId: aba.id, fullName: 'Қалиев Марат Серікұлы', iin: '950412400003', email: 'Marat@Example.com' } });
      assert.equal(official.statusCode, 201, official.body);
      assert.equal(official.json().email, 'marat@example.com');
      const duplicateIin = await inject({ method: 'POST', url: '/api/v1/officials', headers: admin, payload: { bodyId: aba.id, fullName: 'Басқа адам', iin: '950412400003' } });
      assert.equal(duplicateIin.statusCode, 409);
      const appointed = await inject({ method: 'POST', url: `/api/v1/officials/${official.json().id}/appointments`, headers: admin, payload: { positionId: pos.json().id, validFrom: '2025-01-01' } });
      assert.equal(appointed.statusCode, 201, appointed.body);
      const account = await inject({ method: 'POST', url: `/api/v1/officials/${official.json().id}/account`, headers: admin, payload: { login: 'aba.lawyer' } });
      assert.equal(account.statusCode, 201, account.body);
      const login = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'aba.lawyer', password: account.json().password } });
      assert.equal(login.statusCode, 200, login.body);
      assert.deepEqual(login.json().me.roles.map((r: { role: string; subdivisionId: string }) => [r.role, r.subdivisionId]), [['legal_service', sub.json().id]]);
      const ended = await inject({ method: 'DELETE', url: `/api/v1/officials/${official.json().id}/appointments/${appointed.json().id}`, headers: admin });
      assert.equal(ended.statusCode, 200);
      const me = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${login.json().token}` } });
      assert.deepEqual(me.json().roles, [], 'the role goes with the position');
    });

    test('topics: a two-level classifier; a third level is refused; only the administrator adds topics', async () => {
      const tree = (await inject({ method: 'GET', url: '/api/v1/topics' })).json().topics;
      const housing = tree.find((t: { code: string }) => t.code === 'HOUSING');
      assert.equal(housing.competentBodyType, 'leb_district');
      assert.ok(housing.children.length >= 3);
      const leaf = housing.children[0];
      const admin = await signIn(app, 'sysadmin');
      const deep = await inject({ method: 'POST', url: '/api/v1/topics', headers: admin, payload: { code: 'HOUSING.HEAT.X', name: { kk: 'а', ru: 'б', en: 'c' }, parentId: leaf.id } });
      assert.equal(deep.statusCode, 400);
      assert.equal(deep.json().errors[0].code, 'topic_too_deep');
      assert.equal((await inject({ method: 'POST', url: '/api/v1/topics', headers: await signIn(app, 'kb_editor'), payload: { code: 'NEW', name: { kk: 'а', ru: 'б', en: 'c' } } })).statusCode, 403);
      const added = await inject({ method: 'POST', url: '/api/v1/topics', headers: admin, payload: { code: 'HOUSING.LIFTS', name: { kk: 'Лифттер', ru: 'Лифты', en: 'Lifts' }, parentId: housing.id } });
      assert.equal(added.statusCode, 201, added.body);
    });
  });
}
