/**
 * Personal data: contact addresses in one normal form (so one person is one cabinet), and masks for showing
 * them to roles that do not need them. Logs never get them at all (platform/logging.ts redacts these fields).
 */

/** '+7 (701) 123-45-67', '87011234567', '7011234567' → '+77011234567'; undefined when it is not a Kazakhstan number. */
export function normalizePhone(input: string): string | undefined {
  const digits = input.replace(/[\s()-]/g, '');
  const m = /^(?:\+7|8|7)?(\d{10})$/.exec(digits);
  return m ? `+7${m[1]}` : undefined;
}

export function normalizeEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

export function maskPhone(phone: string): string {
  return phone.length > 6 ? `${phone.slice(0, 5)}*****${phone.slice(-2)}` : '*****';
}

/** The first six digits of an IIN are the date of birth: only the last four are shown. */
export function maskIdNumber(value: string): string {
  return `********${value.slice(-4)}`;
}
