/** A whole Tynda on a fresh test database of one engine, driven through fastify's inject (no socket). */
import pino from 'pino';
import { createApp, type AppOptions, type Tynda } from '../../src/app.ts';
import { demoApplicants, demoLogins } from '../../src/modules/identity/demo.ts';
import { RecordingOtpSender, type Role } from '../../src/modules/identity/service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Engine } from '../../src/platform/db.ts';
import { testDatabase } from './databases.ts';

/** The app, on the demo organisation; one-time codes sent to applicants are recorded in `otp`. */
export async function testApp(engine: Engine, env: Record<string, string> = {}, options: Omit<AppOptions, 'database' | 'logger'> = {}): Promise<Tynda & { otp: RecordingOtpSender }> {
  const database = await testDatabase(engine);
  const config = loadConfig({ TYNDA_JOBS: 'off', LOG_LEVEL: 'silent', TYNDA_DATA_DIR: '/nonexistent-unused', ...env });
  const otp = new RecordingOtpSender();
  const app = await createApp(config, { otpSender: otp, ...options, database, logger: pino({ level: 'silent' }) });
  return {
    ...app,
    otp,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Signs in through the API as the demo account of a role (data/demo/organisation.json, `signInAs`) and returns
 * the headers to send: `inject({ ..., headers: { ...(await signIn(app, 'sysadmin')) } })`. An applicant signs
 * in with a one-time code to the demo applicant's e-mail.
 */
export async function signIn(app: Tynda & { otp: RecordingOtpSender }, role: Role): Promise<{ authorization: string }> {
  let res;
  if (role === 'applicant') {
    const email = (await demoApplicants()).find((a) => a.email)!.email!;
    await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address: email } });
    res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address: email, code: app.otp.lastCode(email) } });
  } else {
    const login = (await demoLogins())[role];
    if (!login) throw new Error(`no demo account signs in as ${role}`);
    const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow();
    res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  }
  if (res.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}
