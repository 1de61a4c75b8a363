/**
 * Configuration from the environment, validated once at start. A bad value stops the process with a message
 * that names the variable, never with a stack trace from deep inside.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONVENTIONS, type Conventions } from '../law/deadlines.ts';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TYNDA_DATA_DIR: z.string().min(1).default('./.tynda'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TYNDA_JOBS: z.enum(['on', 'off']).default('on'),
  TYNDA_COUNT_START: z.enum(['day_after_event', 'event_day']).default(DEFAULT_CONVENTIONS.countStart),
  TYNDA_NON_WORKING_END: z.enum(['next_working_day', 'unchanged']).default(DEFAULT_CONVENTIONS.nonWorkingEnd),
  TYNDA_BODY_INTERNAL_TARGET: z.enum(['on', 'off']).default(DEFAULT_CONVENTIONS.bodyInternalTarget ? 'on' : 'off'),
  TYNDA_MAIN_TERM_FROM: z.enum(['receipt', 'registration']).default(DEFAULT_CONVENTIONS.mainTermFrom),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  jobs: boolean;
  conventions: Conventions;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Configuration error:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // an empty variable means "not set", as a shell user expects from `PORT= npm start`
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const variable = String(i.path[0]);
        return { variable, message: `${i.message} (got ${JSON.stringify(env[variable])})` };
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.TYNDA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    jobs: e.TYNDA_JOBS === 'on',
    conventions: {
      countStart: e.TYNDA_COUNT_START,
      nonWorkingEnd: e.TYNDA_NON_WORKING_END,
      bodyInternalTarget: e.TYNDA_BODY_INTERNAL_TARGET === 'on',
      mainTermFrom: e.TYNDA_MAIN_TERM_FROM,
    },
  };
}
