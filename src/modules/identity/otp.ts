/**
 * The port through which one-time sign-in codes leave: e-mail or SMS. The notifications module provides the
 * real adapters; here are the two that need nothing outside: one that records (tests) and one that drops each
 * message as a file into a directory (demo and development, instead of a mailbox). Codes are never logged.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../law/i18n.ts';

export interface OtpMessage {
  channel: 'email' | 'phone';
  /** normalized: lower-case e-mail or '+7XXXXXXXXXX' */
  address: string;
  code: string;
  /** the message in the applicant's language */
  text: string;
  lang: Language;
}

export interface OtpSender {
  send(message: OtpMessage): Promise<void>;
}

export class RecordingOtpSender implements OtpSender {
  readonly sent: OtpMessage[] = [];

  async send(message: OtpMessage): Promise<void> {
    this.sent.push(message);
  }

  /** The last code sent to an address. */
  lastCode(address: string): string | undefined {
    return this.sent.findLast((m) => m.address === address)?.code;
  }
}

/** Writes each message to `<dir>/<time>-<channel>.txt`, readable by whoever runs the demo. */
export class DirectoryOtpSender implements OtpSender {
  constructor(readonly dir: string) {}

  async send(message: OtpMessage): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.channel}.txt`);
    await fs.writeFile(file, `To: ${message.address}\n\n${message.text}\n`, { mode: 0o600 });
  }
}
