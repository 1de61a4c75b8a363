/**
 * Structured JSON logs (pino). Personal data never reaches a log line: known fields are redacted wherever
 * they appear, and request logs carry the route pattern, not the URL (ids and queries stay out).
 */
import pino, { type Logger } from 'pino';

export const REDACTED_FIELDS = ['iin', 'bin', 'phone', 'email', 'address', 'postalAddress', 'essence', 'fullName', 'name', 'password', 'currentPassword', 'newPassword', 'token', 'authorization', 'cookie', 'set-cookie', 'text'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'tynda' },
      // at the top, one and two levels down (pino has no recursive wildcard): { applicant: { iin } }, { err: { applicant: { iin } } }
      redact: { paths: [...REDACTED_FIELDS, ...REDACTED_FIELDS.map((f) => `*.${f}`), ...REDACTED_FIELDS.map((f) => `*.*.${f}`), 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
