/**
 * Which channels a notice goes through: the law (APC 66(2); LSS 25(4)) first, then the person's preference.
 */
import { Problem } from '../../platform/problems.ts';
import type { Channel, NoticeSpec } from './catalogue.ts';

export interface Recipient {
  kind: 'participant' | 'official';
  /** the person's id in Tynda: the cabinet is keyed by it */
  id: string;
  /** uses the personal cabinet (filed electronically, signs in); false for a person who filed on paper */
  online: boolean;
  contacts?: { email?: string; phone?: string; postalAddress?: string };
  /** channels the person asked for besides the cabinet (APC 66(4): contacts the person confirmed) */
  preferred?: ('email' | 'sms' | 'post')[];
}

export interface ChosenChannel {
  channel: Channel;
  /** the contact used: e-mail, phone, postal address; none for the cabinet */
  address: string | null;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const PHONE = /^\+?\d{10,15}$/;

function contactFor(channel: 'email' | 'sms' | 'post', recipient: Recipient): string | undefined {
  const c = recipient.contacts ?? {};
  if (channel === 'email') return c.email && EMAIL.test(c.email) ? c.email : undefined;
  if (channel === 'sms') return c.phone && PHONE.test(c.phone) ? c.phone : undefined;
  return c.postalAddress?.trim() ? c.postalAddress.trim() : undefined;
}

/**
 * 1. The cabinet always: it keeps what was said and records when the person opens it.
 * 2. Every channel the person asked for whose contact is known.
 * 3. A notice whose receipt must be recorded, to a person who uses the cabinet: also an SMS, because APC 66(2)
 *    names the cabinet channel as "в кабинет пользователя ... с отправлением короткого текстового сообщения".
 * 4. A notice whose receipt must be recorded (or, under LSS 25(4), an answer to a complaint filed on paper), to a
 *    person who does not use the cabinet: a registered letter with acknowledgement of delivery, the one other
 *    channel that records receipt. Without a postal address the notice cannot lawfully be given: refuse, so the
 *    state change that needs it does not happen either.
 */
export function chooseChannels(spec: NoticeSpec, recipient: Recipient, citation = spec.citation): ChosenChannel[] {
  const chosen = new Map<Channel, string | null>([['cabinet', null]]);
  const add = (channel: 'email' | 'sms' | 'post') => {
    const address = contactFor(channel, recipient);
    if (address !== undefined && !chosen.has(channel)) chosen.set(channel, address);
  };
  for (const channel of recipient.preferred ?? []) add(channel);
  if (recipient.kind === 'participant') {
    if (spec.recorded && recipient.online) add('sms');
    if ((spec.recorded || spec.writtenIfFiledOnPaper) && !recipient.online) {
      add('post');
      if (!chosen.has('post')) throw new Problem(422, 'notice_unreachable', { citation }, [{ field: 'recipient.contacts.postalAddress', code: 'required' }], citation);
    }
  }
  return [...chosen].map(([channel, address]) => ({ channel, address }));
}
