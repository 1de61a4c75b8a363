/**
 * PDF documents with pdfmake: the administrative act and the registration ticket (APC 64(2)), in the language of
 * the appeal or in Kazakh and Russian side by side. The bundled Roboto covers every Kazakh letter (Әә Ғғ Ққ Ңң Өө
 * Ұұ Үү Һһ Іі); fonts are embedded with a ToUnicode map, so the text can be copied and searched. No URL is ever
 * fetched and only the font directory may be read. Each act carries a QR code and the link of its public check.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Language } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');
const fonts = (require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> }).Roboto;
const fontDir = path.dirname(fonts.normal!);
pdfmake.addFonts({ Roboto: fonts });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(fontDir + path.sep));

async function pdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 }, pageMargins: [56, 48, 48, 56] }).getBuffer();
}

export interface ActDocument {
  number: string;
  bodyName: Record<Language, string>;
  title: Record<Language, string>;
  adoptedOn: string | null;
  inForceOn: string | null;
  official: { name: string; position: Record<Language, string> | string } | null;
  addressee: string;
  operative: Record<Language, string> | string;
  justification: Record<Language, string> | string;
  legalBasis: Record<Language, string> | string;
  appealExplanation: Record<Language, string> | string;
  noHearingReasons?: string | null;
  appealNumber: string | null;
  contentVersion: number;
  signed: { at: string; signer: string; sha256: string } | null;
  verifyUrl: string;
  state: string;
}

const pick = (v: Record<Language, string> | string, lang: Language) => (typeof v === 'string' ? v : v[lang]);
const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '—');

function actColumn(a: ActDocument, lang: Language): Content[] {
  const t = translator(lang);
  const out: Content[] = [
    { text: pick(a.bodyName, lang), style: 'body', alignment: 'center', bold: true },
    { text: pick(a.title, lang).toUpperCase(), alignment: 'center', bold: true, margin: [0, 10, 0, 2] },
    { text: `№ ${a.number}`, alignment: 'center', margin: [0, 0, 0, 8] },
    { columns: [{ text: `${t('act.pdf.adopted_on')}: ${dmy(a.adoptedOn)}` }, { text: a.appealNumber ? `${t('act.pdf.appeal')}: ${a.appealNumber}` : '', alignment: 'right' }], margin: [0, 0, 0, 8] },
    { text: [{ text: `${t('act.pdf.addressee')}: `, bold: true }, a.addressee], margin: [0, 0, 0, 6] },
    { text: t('act.pdf.operative'), bold: true, margin: [0, 6, 0, 2] },
    { text: pick(a.operative, lang) },
  ];
  const justification = pick(a.justification, lang);
  if (justification) out.push({ text: t('act.pdf.justification'), bold: true, margin: [0, 6, 0, 2] }, { text: justification });
  const basis = pick(a.legalBasis, lang);
  if (basis) out.push({ text: [{ text: `${t('act.pdf.legal_basis')}: `, bold: true }, basis], margin: [0, 4, 0, 0] });
  if (a.noHearingReasons) out.push({ text: [{ text: `${t('act.pdf.no_hearing')}: `, bold: true }, a.noHearingReasons], margin: [0, 4, 0, 0] });
  out.push({ text: t('act.pdf.appeal_explanation'), bold: true, margin: [0, 6, 0, 2] }, { text: pick(a.appealExplanation, lang) });
  if (a.inForceOn && a.inForceOn !== a.adoptedOn) out.push({ text: `${t('act.pdf.in_force_on')}: ${dmy(a.inForceOn)}`, margin: [0, 6, 0, 0] });
  out.push({
    margin: [0, 14, 0, 0],
    columns: [
      { text: a.official ? `${pick(a.official.position, lang)}\n${a.official.name}` : '' },
      { text: a.signed ? `${t('act.pdf.signed_eds')}\n${a.signed.signer}\n${a.signed.at.slice(0, 19).replace('T', ' ')} UTC` : t('act.pdf.draft'), alignment: 'right', fontSize: 9 },
    ],
  });
  return out;
}

/** The act as a PDF: one language, or Kazakh and Russian ('both'), with its QR check. */
export async function actPdf(a: ActDocument, lang: Language | 'both'): Promise<Buffer> {
  const langs: Language[] = lang === 'both' ? ['kk', 'ru'] : [lang];
  const content: Content[] = [];
  langs.forEach((l, i) => {
    const t = translator(l);
    content.push(...actColumn(a, l), {
      margin: [0, 18, 0, 0],
      columns: [
        { qr: a.verifyUrl, fit: 90, width: 100 },
        {
          width: '*', fontSize: 8.5, color: '#333',
          text: [
            `${t('act.pdf.verify')}: `, { text: a.verifyUrl, link: a.verifyUrl, color: '#0645ad' },
            ...(a.signed ? [`\nSHA-256: ${a.signed.sha256}`] : []),
            `\n${t('act.pdf.version')}: ${a.contentVersion}`,
          ],
        },
      ],
      ...(i < langs.length - 1 ? { pageBreak: 'after' as const } : {}),
    });
  });
  return pdf({
    info: { title: `${pick(a.title, langs[0]!)} № ${a.number}`, author: pick(a.bodyName, langs[0]!), creationDate: a.signed ? new Date(a.signed.at) : undefined },
    ...(a.signed ? {} : { watermark: { text: translator(langs[0]!)('act.pdf.draft'), opacity: 0.12 } }),
    content,
  });
}

export interface TicketDocument {
  number: string;
  bodyName: string;
  receivedAt: string;
  registeredOn: string;
  acceptedBy: string;
  acceptedByPosition: string;
  due: string;
  language: Language;
}

/** The registration ticket (APC 64(2)): unique number, date and time of intake, who accepted it and their position. */
export async function ticketPdf(tk: TicketDocument): Promise<Buffer> {
  const t = translator(tk.language);
  const at = new Date(tk.receivedAt);
  const almaty = new Date(at.getTime() + 5 * 3_600_000).toISOString();
  const row = (k: string, v: string): Content => ({ columns: [{ text: k, width: 200, color: '#444' }, { text: v, bold: true }], margin: [0, 3, 0, 3] });
  return pdf({
    info: { title: `${t('ticket.pdf.title')} ${tk.number}` },
    content: [
      { text: tk.bodyName, alignment: 'center', bold: true },
      { text: t('ticket.pdf.title').toUpperCase(), alignment: 'center', bold: true, margin: [0, 12, 0, 12] },
      row(t('ticket.pdf.number'), tk.number),
      row(t('ticket.pdf.received_at'), `${dmy(almaty.slice(0, 10))} ${almaty.slice(11, 16)}`),
      row(t('ticket.pdf.registered_on'), dmy(tk.registeredOn)),
      row(t('ticket.pdf.accepted_by'), tk.acceptedBy),
      row(t('ticket.pdf.position'), tk.acceptedByPosition),
      row(t('ticket.pdf.due'), dmy(tk.due)),
      { text: t('ticket.pdf.note'), fontSize: 8.5, color: '#444', margin: [0, 14, 0, 0] },
    ],
  });
}
