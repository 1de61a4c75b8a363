/**
 * The documents of the generalization, each a report-run generator: the Annex 3 table as XLSX (exceljs) with the
 * column headings of the Rules in Kazakh and Russian (the court module's ANNEX3_COLUMNS, never a copy), and the
 * report of Annex 4 step 10 as DOCX (docx) and PDF (pdfmake, with the fonts and access policy of acts/render.ts).
 * Layout of an official document of Kazakhstan: A4, Times New Roman 14 (DOCX), margins 30/15/20/20 mm.
 */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { z } from 'zod';
import { ANNEX3_COLUMNS } from '../../law/court.ts';
import type { Language } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import '../acts/render.ts'; // registers the embedded fonts and the file-access policy of pdfmake (a singleton)
import type { OrganisationService } from '../bodies/service.ts';
import type { CourtService } from '../court/service.ts';
import type { ReportFile, ReportGenerator } from './runs.ts';
import type { GeneralizationService } from './service.ts';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');

const uuid = z.uuid();
/** dates in documents as Kazakhstan writes them: 10.06.2025 */
const dmy = (iso: string) => iso.split('-').reverse().join('.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Report = Awaited<ReturnType<GeneralizationService['report']>>;

// ---- Annex 3 as XLSX ----

export const annex3Params = z.strictObject({
  bodyId: uuid,
  campaignId: uuid.optional().describe("the campaign's rows (as filled and reviewed); else the court records of the period"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  corrected: z.boolean().optional().describe('English headings with the corrected labels ("APC" for "CPC", AT-31)'),
}).refine((p) => p.campaignId || (p.from && p.to && p.from <= p.to), { message: 'campaign_or_period_required', path: ['campaignId'] });

/** The heading rows of the table: the document's language first, then the other official language (kk ↔ ru; en → kk). */
export function annex3Headings(lang: Language, corrected = false): string[][] {
  const en = (c: (typeof ANNEX3_COLUMNS)[number]) => (corrected && c.enCorrected) || c.en;
  const row = (l: Language) => ANNEX3_COLUMNS.map((c) => (l === 'en' ? en(c) : c[l]));
  return lang === 'ru' ? [row('ru'), row('kk')] : lang === 'en' ? [row('en'), row('kk')] : [row('kk'), row('ru')];
}

export async function annex3Xlsx(input: { bodyName: string; period: { from: string; to: string }; rows: Record<string, string>[]; lang: Language; corrected?: boolean }): Promise<Uint8Array> {
  const t = translator(input.lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tynda';
  const ws = wb.addWorksheet(input.lang === 'kk' ? '3-қосымша' : input.lang === 'ru' ? 'Приложение 3' : 'Annex 3', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  const widths = [5, 14, 14, 20, 20, 20, 18, 16, 16, 16, 15, 15, 15];
  ws.columns = widths.map((w) => ({ width: w }));
  const last = ANNEX3_COLUMNS.length;
  const line = (text: string, opts: { bold?: boolean; size?: number; align?: 'center' | 'right' } = {}) => {
    const r = ws.addRow([text]);
    ws.mergeCells(r.number, 1, r.number, last);
    r.getCell(1).font = { name: 'Times New Roman', size: opts.size ?? 12, bold: opts.bold ?? false };
    r.getCell(1).alignment = { horizontal: opts.align ?? 'center', vertical: 'middle', wrapText: true };
    return r;
  };
  line(t('generalization.annex3_of'), { size: 10, align: 'right' });
  line(t('generalization.annex3_title'), { bold: true, size: 14 }).height = 36;
  line(`${t('generalization.body')}: ${input.bodyName}`);
  line(`${t('generalization.period')}: ${dmy(input.period.from)} – ${dmy(input.period.to)}`);
  ws.addRow([]);
  const border = { style: 'thin' as const };
  const boxed = (r: ExcelJS.Row, bold: boolean, size = 9) => {
    let lines = 1;
    for (let col = 1; col <= last; col++) {
      const cell = r.getCell(col);
      cell.border = { top: border, left: border, bottom: border, right: border };
      cell.alignment = { vertical: 'top', horizontal: bold ? 'center' : 'left', wrapText: true };
      cell.font = { name: 'Times New Roman', size, bold };
      // spreadsheet programs do not grow a row to wrapped text on opening: the height is set from the text
      const perLine = Math.max(1, Math.floor(widths[col - 1]! * 1.15));
      lines = Math.max(lines, String(cell.value ?? '').split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0));
    }
    r.height = Math.min(409, lines * (size + 3) + 4);
  };
  for (const headings of annex3Headings(input.lang, input.corrected)) boxed(ws.addRow(headings), true);
  boxed(ws.addRow(ANNEX3_COLUMNS.map((c) => c.n)), true);
  const headerEnd = ws.rowCount;
  ws.views = [{ state: 'frozen', ySplit: headerEnd }];
  ws.pageSetup.printTitlesRow = `${headerEnd - 2}:${headerEnd}`;
  for (const cells of input.rows) boxed(ws.addRow(ANNEX3_COLUMNS.map((c) => cells[String(c.n)] ?? '')), false);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---- the report (Annex 4 step 10) as DOCX and PDF ----

/** What the report says, in one language: the same content for DOCX and PDF. */
export function reportContent(r: Report, bodyName: string, lang: Language) {
  const t = translator(lang);
  const f = r.figures;
  const word = (k: string) => t(`generalization.${k}`);
  const outcomeHead = [word('instance'), word('for_body'), word('against_body'), word('partly'), word('other')];
  const outcomes = (label: string, o: { forBody: number; againstBody: number; partly: number; other: number }) => [label, o.forBody, o.againstBody, o.partly, o.other].map(String);
  const tg = r.target;
  const actual = tg.actual.sharePercent === null ? '—' : tg.actual.sharePercent.toFixed(1);
  const targetLine = tg.target
    ? t('generalization.target_line', { year: tg.year, actual, target: tg.target.targetPercent.toFixed(1), met: tg.met ? word('met') : word('not_met') })
    : t('generalization.no_target', { actual });
  const list = (xs: string[]) => (xs.length ? xs : [word('none')]);
  return {
    title: word('report_title'),
    meta: [`${word('body')}: ${bodyName}`, `${word('period')}: ${dmy(r.campaign.period_from)} – ${dmy(r.campaign.period_to)}`, `${word('due')}: ${dmy(r.campaign.due_on)}`, word('basis')],
    draft: r.campaign.state === 'collecting' ? word('draft_mark') : null,
    sections: [
      { heading: word('s1'), paragraphs: [`${word('total')}: ${f.inProceedings}`] },
      {
        heading: word('s2'),
        table: [
          [word('final_in_force'), word('for_body'), word('against_body'), word('partly'), word('other'), word('pending')],
          [word('total'), String(f.final.forBody), String(f.final.againstBody), String(f.final.partly), String(f.final.other), String(f.final.pending)],
        ],
        table2: [outcomeHead, outcomes(word('first'), f.perInstance.first), outcomes(word('appeal'), f.perInstance.appeal), outcomes(word('cassation'), f.perInstance.cassation)],
      },
      { heading: word('s3'), table: [[word('area'), word('count')], ...f.areas.map((a) => [a.area === '—' ? word('unspecified') : a.area, String(a.count)])] },
      { heading: word('s4'), paragraphs: [r.campaign.shortcomings?.trim() || word('none'), t('generalization.deficiencies', f.deficiencies)] },
      { heading: word('s5'), paragraphs: [r.campaign.proposals?.trim() || word('none'), ...f.rowProposals] },
      {
        heading: word('s6'),
        paragraphs: [
          `${word('most_appealed')}:`, ...f.procedures.map((p) => `— ${p.procedure === '—' ? word('unspecified') : p.procedure}: ${p.count}`),
          `${word('loss_causes')}:`, ...list(f.lossCauses).map((x) => `— ${x}`),
          `${word('measures')}:`, ...list(f.measures).map((x) => `— ${x}`),
          t('generalization.private_rulings', f.privateRulings),
          t('generalization.unlawful', { count: f.foundUnlawful }),
          targetLine,
        ],
      },
      ...(r.campaign.other_notes?.trim() ? [{ heading: word('s7'), paragraphs: [r.campaign.other_notes] }] : []),
    ] as { heading: string; paragraphs?: string[]; table?: string[][]; table2?: string[][] }[],
    signature: word('signature'),
  };
}

type Content_ = ReturnType<typeof reportContent>;

const FONT = 'Times New Roman';
const cm = (x: number) => Math.round((x / 2.54) * 1440); // twips

export async function reportDocx(c: Content_): Promise<Uint8Array> {
  const p = (text: string, o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; size?: number } = {}) =>
    new Paragraph({
      alignment: o.align ?? AlignmentType.JUSTIFIED,
      indent: o.indent === false ? undefined : { firstLine: cm(1.25) },
      spacing: { after: 0, line: 240 },
      children: text.split('\n').map((line, i) => new TextRun({ text: line, bold: o.bold ?? false, font: FONT, size: (o.size ?? 14) * 2, break: i > 0 ? 1 : 0 })),
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = (rows: string[][]) => new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // the first column names the row; the figures share the rest
    columnWidths: rows[0]!.map((_, i) => (i === 0 ? 3000 : Math.floor(6200 / (rows[0]!.length - 1)))),
    rows: rows.map((r, i) => new TableRow({
      tableHeader: i === 0,
      children: r.map((cell, j) => new TableCell({
        borders: { top: border, bottom: border, left: border, right: border },
        width: { size: j === 0 ? 3000 : Math.floor(6200 / (r.length - 1)), type: WidthType.DXA },
        children: [p(cell, { bold: i === 0, indent: false, size: 12, align: j === 0 && i > 0 ? AlignmentType.LEFT : AlignmentType.CENTER })],
      })),
    })),
  });
  const children: (Paragraph | Table)[] = [
    p(c.title.toUpperCase(), { bold: true, align: AlignmentType.CENTER, indent: false }),
    p('', { indent: false }),
    ...c.meta.map((m) => p(m, { indent: false, align: AlignmentType.LEFT })),
    ...(c.draft ? [p(c.draft, { bold: true, indent: false, align: AlignmentType.RIGHT })] : []),
  ];
  for (const s of c.sections) {
    children.push(p('', { indent: false }), p(s.heading, { bold: true, indent: false, align: AlignmentType.LEFT }));
    for (const x of s.paragraphs ?? []) children.push(p(x));
    if (s.table) children.push(table(s.table));
    if (s.table2) children.push(p('', { indent: false }), table(s.table2));
  }
  children.push(p('', { indent: false }), p('', { indent: false }), p(`${c.signature}  ____________________`, { bold: true, indent: false, align: AlignmentType.LEFT }));
  const doc = new Document({
    creator: 'Tynda',
    title: c.title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: cm(2), bottom: cm(2), left: cm(3), right: cm(1.5) } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function reportPdf(c: Content_): Promise<Uint8Array> {
  const table = (rows: string[][]): Content => ({
    table: { headerRows: 1, widths: rows[0]!.map((_, i) => (i === 0 ? '*' : 'auto')), body: rows.map((r, i) => r.map((cell, j) => ({ text: cell, bold: i === 0, alignment: j === 0 && i > 0 ? 'left' : 'center', fontSize: 11 }))) },
    margin: [0, 4, 0, 8],
  });
  const content: Content[] = [
    { text: c.title.toUpperCase(), bold: true, alignment: 'center', fontSize: 14, margin: [0, 0, 0, 12] },
    ...c.meta.map((m): Content => ({ text: m })),
    ...(c.draft ? [{ text: c.draft, bold: true, alignment: 'right' } as Content] : []),
  ];
  for (const s of c.sections) {
    content.push({ text: s.heading, bold: true, margin: [0, 12, 0, 4] });
    for (const x of s.paragraphs ?? []) content.push({ text: x, alignment: 'justify', leadingIndent: 35 });
    if (s.table) content.push(table(s.table));
    if (s.table2) content.push(table(s.table2));
  }
  content.push({ text: `${c.signature}  ____________________`, bold: true, margin: [0, 36, 0, 0] });
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [85, 57, 43, 57], // 30, 20, 15, 20 mm
    info: { title: c.title, creator: 'Tynda' },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.2 },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] }),
    content,
  };
  return new Uint8Array(await pdfmake.createPdf(doc).getBuffer());
}

// ---- the generators ----

const reportParams = z.strictObject({ bodyId: uuid, campaignId: uuid });

export function generalizationGenerators(g: GeneralizationService, court: CourtService, organisation: OrganisationService): ReportGenerator<any>[] {
  const campaignOf = async (p: { bodyId: string; campaignId: string }) => {
    const c = await g.campaign(p.campaignId);
    if (c.body_id !== p.bodyId) throw new Problem(404, 'not_found');
    return c;
  };
  const annex3: ReportGenerator<z.infer<typeof annex3Params>> = {
    kind: 'annex3_xlsx',
    permission: 'practice.generalize',
    params: annex3Params,
    async generate({ params, lang, progress }): Promise<ReportFile> {
      const body = await organisation.body(params.bodyId);
      let period: { from: string; to: string };
      let rows: Record<string, string>[];
      if (params.campaignId) {
        const c = await campaignOf({ bodyId: params.bodyId, campaignId: params.campaignId });
        period = { from: c.period_from, to: c.period_to };
        rows = (await g.rows(c.id)).map((r, i) => ({ ...(r.cells as unknown as Record<Language, Record<string, string>>)[lang], '1': String(i + 1) }));
      } else {
        period = { from: params.from!, to: params.to! };
        rows = (await court.annex3([params.bodyId], period.from, period.to, lang)).rows.map((r) => r.cells);
      }
      await progress(0.5);
      const bytes = await annex3Xlsx({ bodyName: body.name[lang], period, rows, lang, corrected: params.corrected ?? false });
      return { filename: `annex3-${body.code}-${period.from}-${period.to}-${lang}.xlsx`, contentType: XLSX, bytes };
    },
  };
  const report = (format: 'docx' | 'pdf'): ReportGenerator<z.infer<typeof reportParams>> => ({
    kind: `generalization_report_${format}`,
    permission: 'practice.review',
    params: reportParams,
    async generate({ params, lang, progress }): Promise<ReportFile> {
      await campaignOf(params);
      const r = await g.report(params.campaignId);
      // R-16 [design]: no report while a case was lost and the shortcomings or proposals are empty
      if (r.missing.length) throw new Problem(422, 'report_sections_required');
      await progress(0.4);
      const body = await organisation.body(params.bodyId);
      const content = reportContent(r, body.name[lang], lang);
      await progress(0.7);
      const bytes = format === 'docx' ? await reportDocx(content) : await reportPdf(content);
      const name = `generalization-${body.code}-${r.campaign.year}-H${r.campaign.half}-${lang}.${format}`;
      return { filename: name, contentType: format === 'docx' ? DOCX : 'application/pdf', bytes };
    },
  });
  return [annex3, report('docx'), report('pdf')];
}
