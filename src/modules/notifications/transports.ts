/**
 * The ports to the outside: e-mail over SMTP (nodemailer) and SMS through an HTTP gateway. Each message carries
 * the notice id (the SMTP Message-ID and X-Tynda-Notice-Id header; the gateway's Idempotency-Key header and the
 * {{id}} of its body), so if a message has to be sent again after a crash, the receiving side sees the same id.
 * Errors are described by code only: a server's reply text can echo the address, which must not reach the logs.
 */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OtpMessage, OtpSender } from '../identity/service.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { SmsConfig, SmtpConfig } from '../../platform/config.ts';

export interface OutgoingMessage {
  noticeId: string;
  to: string;
  language: 'kk' | 'ru' | 'en';
  subject: string;
  text: string;
}

export interface Transport {
  /** resolves with the provider's reference once the peer has accepted the message; rejects otherwise */
  send(message: OutgoingMessage): Promise<string>;
  close?(): void;
}

/** A failure as a short code for the delivery record and the logs: never the peer's text. */
export function describeFailure(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; status?: unknown; name?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.responseCode === 'number' ? `smtp ${e.responseCode}` : undefined,
    typeof e.status === 'number' ? `http ${e.status}` : undefined,
    e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : 'error';
}

export function emailTransport(config: SmtpConfig): Transport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure === 'tls',
    requireTLS: config.secure === 'starttls',
    ignoreTLS: config.secure === 'off',
    ...(config.auth ? { auth: config.auth } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  const domain = /@([^>\s]+)>?$/.exec(config.from)?.[1] ?? 'tynda.local';
  return {
    async send(m) {
      const info = await transporter.sendMail({
        from: config.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: `<${m.noticeId}@${domain}>`,
        headers: { 'X-Tynda-Notice-Id': m.noticeId, 'Content-Language': m.language },
      });
      return info.messageId;
    },
    close: () => transporter.close(),
  };
}

export class GatewayError extends Error {
  constructor(readonly status: number) {
    super(`SMS gateway answered ${status}`);
  }
}

/** Fills the body template: values JSON-escaped for a JSON body, URL-encoded for a form body. */
export function smsBody(config: SmsConfig, values: { to: string; text: string; id: string }): string {
  const escape = config.contentType === 'application/json' ? (v: string) => JSON.stringify(v).slice(1, -1) : encodeURIComponent;
  return config.body.replace(/\{\{(to|text|id)\}\}/g, (_, name: 'to' | 'text' | 'id') => escape(values[name]));
}

export function smsTransport(config: SmsConfig, timeoutMs = 15_000): Transport {
  return {
    async send(m) {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': config.contentType,
          'idempotency-key': m.noticeId,
          ...(config.authorization ? { authorization: config.authorization } : {}),
        },
        body: smsBody(config, { to: m.to, text: m.text, id: m.noticeId }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer(); // free the connection
      if (!response.ok) throw new GatewayError(response.status);
      return m.noticeId; // the gateway keys the message by it (Idempotency-Key)
    },
  };
}

/**
 * One-time sign-in codes (the identity module's OtpSender port) through the same e-mail and SMS transports as
 * notices. A code is not a notice: it is sent at once, not through the outbox, since it is useless in ten minutes
 * and a retry is the person asking for a new one. A channel without a transport falls back (the demo's files).
 */
export class TransportOtpSender implements OtpSender {
  constructor(
    private readonly transports: { email?: Transport | undefined; sms?: Transport | undefined },
    private readonly fallback?: OtpSender,
  ) {}

  async send(message: OtpMessage): Promise<void> {
    const transport = message.channel === 'email' ? this.transports.email : this.transports.sms;
    if (!transport) {
      if (this.fallback) return this.fallback.send(message);
      throw new Problem(501, 'not_configured');
    }
    const subject = translator(message.lang)('otp.subject');
    await transport.send({ noticeId: randomUUID(), to: message.address, language: message.lang, subject, text: message.text });
  }
}
