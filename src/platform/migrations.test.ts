import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENGINES, testDatabase } from '../../test/support/databases.ts';
import { MigrationError, migrate, readMigrations } from './migrations.ts';

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tynda-mig-'));
  for (const [name, sql] of Object.entries(files)) await fs.writeFile(path.join(dir, name), sql);
  return dir;
}

for (const { engine, skip } of ENGINES) {
  describe(`migrations [${engine}]`, { skip }, () => {
    test('the project migrations are applied once and recorded; a second run applies nothing', async () => {
      const db = await testDatabase(engine); // already migrated
      try {
        assert.deepEqual(await migrate(db.pool), []);
        const { rows } = await db.pool.query('select version from schema_migration order by version');
        assert.deepEqual(rows.map((r) => r.version), (await readMigrations()).map((m) => m.version));
      } finally {
        await db.close();
      }
    });

    test('a failed migration leaves the database as it was, and the ones before it stay applied', async () => {
      const db = await testDatabase(engine);
      try {
        const dir = await dirWith({
          '900_first.sql': 'create table t_ok (id int);',
          '901_broken.sql': 'create table t_half (id int); insert into t_half values (1); select * from no_such_table;',
        });
        const migrations = [...(await readMigrations()), ...(await readMigrations(dir))];
        await assert.rejects(migrate(db.pool, migrations), (e: unknown) => e instanceof MigrationError && /901_broken/.test(e.message));
        const tables = await db.pool.query("select table_name from information_schema.tables where table_name in ('t_ok', 't_half')");
        assert.deepEqual(tables.rows.map((r) => r.table_name), ['t_ok']);
        const { rows } = await db.pool.query('select max(version)::int as v from schema_migration');
        assert.equal(rows[0].v, 900);
      } finally {
        await db.close();
      }
    });

    test('an applied migration that was edited afterwards is refused', async () => {
      const db = await testDatabase(engine);
      try {
        const [first, ...rest] = await readMigrations();
        const edited = { ...first!, sql: `${first!.sql}\n-- edited`, checksum: 'different' };
        await assert.rejects(migrate(db.pool, [edited, ...rest]), /changed after it was applied/);
      } finally {
        await db.close();
      }
    });
  });
}
