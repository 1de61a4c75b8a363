#!/usr/bin/env node
/**
 * tynda serve | migrate | deadline TERM DATE [--json] [--lang kk|ru|en] | calendar YEAR [--json] | audit verify [--json]
 */
import { parseArgs } from 'node:util';
import { createApp } from './app.ts';
import { OrganisationService } from './modules/bodies/service.ts';
import { demoApplicants, seedDemo, type DemoAccount } from './modules/identity/demo.ts';
import { LANGUAGES, type Language } from './law/i18n.ts';
import { almatyToday } from './law/dates.ts';
import { verifyCaseEvents } from './modules/audit/case-events.ts';
import { renderDeadline } from './modules/calendar/render.ts';
import { CalendarService, findTerm } from './modules/calendar/service.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { DataDirLockedError, openDatabase } from './platform/db.ts';
import { migrate } from './platform/migrations.ts';
import { Problem, renderProblem } from './platform/problems.ts';

const USAGE = `Usage:
  tynda serve                              serve the API and web application (PORT, default 3000)
  tynda migrate                            apply database migrations and seed reference data
  tynda deadline TERM DATE [--json]        compute a legal deadline, e.g. tynda deadline APC-76.1 2025-03-20
  tynda calendar YEAR [--json]             show a year of the production calendar
  tynda seed --demo                        load the demo organisation into an empty database and print its accounts
  tynda seed --demo-year                   fill the demo organisation with appeals from 1 January of last year to yesterday (monitoring dashboards)
  tynda audit verify [--json]              check the hash chains of case events; exit code 1 and the first broken link of each broken case
Options: --lang kk|ru|en (default kk), --json`;

async function withCalendar<T>(config: Config, fn: (calendar: CalendarService) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.pool);
    const calendar = new CalendarService(database.db, config.conventions);
    await calendar.seed();
    return await fn(calendar);
  } finally {
    await database.close();
  }
}

/** the language of messages to the person at the terminal (--lang) */
let lang: Language = 'kk';

/** To the terminal, not the log: these are the demo's generated passwords, printed on purpose for whoever runs it. */
async function printDemoAccounts(accounts: DemoAccount[]) {
  if (!accounts.length) return;
  const applicants = (await demoApplicants()).map((a) => `${a.email ?? a.phone} (${a.kind === 'individual' ? 'individual' : 'legal entity'})`);
  console.log('\nDemo accounts (generated for this database; a password changed through the API is no longer listed):');
  const width = Math.max(...accounts.map((a) => a.login.length));
  for (const a of accounts) console.log(`  ${a.login.padEnd(width)}  ${a.password}  ${a.body}: ${a.role}`);
  console.log(`Applicants sign in with a one-time code (written to TYNDA_DATA_DIR/outbox): ${applicants.join(', ')}.\n`);
}

/** The demo year of appeals for the monitoring dashboards (src/modules/monitoring/demo-year.ts); loads the demo organisation first if the database is empty. */
async function seedDemoYearCommand(config: Config): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.pool);
    const calendar = new CalendarService(database.db, config.conventions);
    await calendar.seed();
    const organisation = new OrganisationService(database.db);
    if (await organisation.isEmpty()) await printDemoAccounts(await seedDemo(database.db, organisation));
    const { seedDemoYear } = await import('./modules/monitoring/demo-year.ts');
    const started = performance.now();
    const result = await seedDemoYear(database.db, { today: almatyToday(new Date()), calendar: (await calendar.current()).calendar });
    console.log(JSON.stringify({ ...result, seconds: Math.round((performance.now() - started) / 100) / 10 }));
    return 0;
  } catch (error) {
    if (error instanceof Error && /demo (year|organisation)/.test(error.message)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, demo: { type: 'boolean', default: false }, 'demo-year': { type: 'boolean', default: false }, lang: { type: 'string', default: 'kk' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (!(LANGUAGES as readonly string[]).includes(values.lang!)) {
    console.error(`--lang must be one of ${LANGUAGES.join(', ')}`);
    return 2;
  }
  lang = values.lang as Language;
  const config = loadConfig();

  switch (command) {
    case 'serve': {
      const app = await createApp(config);
      await app.server.listen({ port: config.port, host: config.host });
      app.log.info({ port: config.port, db: app.database.engine }, `Tynda is serving http://localhost:${config.port}`);
      await printDemoAccounts(await app.demoAccounts());
      const stop = async () => {
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1; // keep running
    }
    case 'migrate': {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(database.pool);
        const seeded = await new CalendarService(database.db, config.conventions).seed();
        console.log(`migrations applied: ${applied.length ? applied.join(', ') : 'none (up to date)'}; calendar years seeded: ${seeded.length ? seeded.join(', ') : 'none'}`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'seed': {
      if (values['demo-year']) return seedDemoYearCommand(config);
      if (!values.demo) {
        console.error(USAGE);
        return 2;
      }
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrate(database.pool);
        await new CalendarService(database.db, config.conventions).seed();
        const accounts = await seedDemo(database.db, new OrganisationService(database.db));
        if (!accounts.length) {
          console.error('the database already has an organisation: the demo is loaded only into an empty one');
          return 1;
        }
        await printDemoAccounts(accounts);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        console.error(USAGE);
        return 2;
      }
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await verifyCaseEvents(database.db);
        if (values.json) console.log(JSON.stringify({ ok: result.breaks.length === 0, ...result }, null, 2));
        else {
          console.log(`${result.cases} cases, ${result.events} case events checked`);
          for (const b of result.breaks) console.log(`BROKEN ${b.caseType} ${b.caseId}: event ${b.seq}: ${b.problem}`);
          console.log(result.breaks.length ? `${result.breaks.length} broken chain(s)` : 'every chain is intact');
        }
        return result.breaks.length ? 1 : 0;
      } finally {
        await database.close();
      }
    }
    case 'deadline': {
      const [term, from] = rest;
      if (!term || !from) {
        console.error(USAGE);
        return 2;
      }
      const deadline = await withCalendar(config, (c) => c.compute(term, from));
      const view = renderDeadline(deadline, findTerm(term), lang);
      if (values.json) console.log(JSON.stringify(view, null, 2));
      else {
        console.log(`${view.term} (${view.citation}): ${view.description}`);
        console.log(`from ${view.from} → due ${view.due}${view.internalTarget ? ` (internal target ${view.internalTarget})` : ''}`);
        for (const step of view.explanation) console.log(`  · ${step.text}`);
        for (const w of view.warnings) console.log(`  ! ${w.text}`);
      }
      return 0;
    }
    case 'calendar': {
      const year = Number(rest[0]);
      if (!Number.isInteger(year)) {
        console.error(USAGE);
        return 2;
      }
      const y = await withCalendar(config, (c) => c.year(year));
      if (values.json) console.log(JSON.stringify(y, null, 2));
      else {
        console.log(`${y.year}: ${y.workingDays} working days${y.complete ? '' : ' (provisional)'}`);
        for (const h of y.holidays) console.log(`  ${h.date}  ${h.name[lang]}${h.confirmed ? '' : ' (unconfirmed)'}`);
        for (const e of y.extraDaysOff) console.log(`  ${e.date}  ${e.type === 'transfer' ? `transfer: ${e.act}` : `carry-over from ${e.movedFrom}`}`);
        for (const w of y.workingWeekendDays) console.log(`  ${w.date}  working weekend day: ${w.act}`);
      }
      return 0;
    }
    default:
      console.error(`unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
    else if (error instanceof Problem) {
      const p = renderProblem(error, lang);
      console.error(`${p.title}${p.detail ? `: ${p.detail}` : ''}${p.errors ? `\n${p.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}` : ''}`);
    } else console.error(error);
    process.exitCode = 1;
  },
);
