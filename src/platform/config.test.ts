import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: port 3000, embedded database in ./.tynda, jobs on, the counting conventions of APC requirements §3.1', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, path.resolve('.tynda'));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.jobs, true);
  assert.deepEqual(c.conventions, { countStart: 'day_after_event', nonWorkingEnd: 'next_working_day', bodyInternalTarget: true, mainTermFrom: 'receipt' });
});

test('a bad variable stops start-up with an error that names it and its value', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.deepEqual(e.problems.map((p) => p.variable).sort(), ['DATABASE_URL', 'PORT']);
    assert.match(e.message, /PORT: .*"eighty"/);
    return true;
  });
});

test('DATABASE_URL switches to PostgreSQL and the main-term convention can count from registration (A4)', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost:5432/tynda', TYNDA_MAIN_TERM_FROM: 'registration', PORT: '8080' });
  assert.equal(c.databaseUrl, 'postgres://u@localhost:5432/tynda');
  assert.equal(c.conventions.mainTermFrom, 'registration');
  assert.equal(c.port, 8080);
});
