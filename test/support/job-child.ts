/**
 * A job run in its own process, for test/jobs-crash.test.ts to kill with SIGKILL half-way:
 *   deemed   DATABASE_URL            records deemed refusals (APC 91(2)) of every overdue case
 *   deliver  DATABASE_URL SMTP_PORT  delivers the notice outbox by e-mail (lease 2 s)
 * It prints "done" when it finishes (the test kills it before that).
 */
import pino from 'pino';
import { AppealsService } from '../../src/modules/appeals/service.ts';
import { OrganisationService } from '../../src/modules/bodies/service.ts';
import { CalendarService } from '../../src/modules/calendar/service.ts';
import { emailTransport } from '../../src/modules/notifications/transports.ts';
import { NoticeWorker } from '../../src/modules/notifications/worker.ts';
import { DEFAULT_CONVENTIONS } from '../../src/law/deadlines.ts';
import { openDatabase } from '../../src/platform/db.ts';


const [mode, url, smtpPort] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: url!, poolSize: 4 });
const log = pino({ level: 'silent' });
if (mode === 'deemed') {
  const calendar = new CalendarService(database.db, DEFAULT_CONVENTIONS);
  const appeals = new AppealsService(database.db, calendar, new OrganisationService(database.db), async () => []);
  await appeals.recordDeemedRefusals();
} else if (mode === 'deliver') {
  const transport = emailTransport({ host: '127.0.0.1', port: Number(smtpPort), secure: 'off', auth: undefined, from: 'Tynda <noreply@tynda.test>' });
  await new NoticeWorker(database.db, { email: transport }, log, { leaseSeconds: 2, batchSize: 5, backoffSeconds: 0.05, maxBackoffSeconds: 0.2 }).runOnce();
}
console.log('done');
await database.close();
