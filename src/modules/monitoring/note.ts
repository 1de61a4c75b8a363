/**
 * The six-monthly analytical note for the akim (REG p.7(6), D-7.6; AT-36): a DRAFT in DOCX (A4, official style) that
 * the analyst then edits. It is drafted from the dashboard figures of the half-year over the bodies under the
 * chosen body (an apparatus counts as its akimat): volumes against the same half a year before, channels, topics,
 * timeliness, returns for rework, districts with fair indicators, problem cards, and the instructions under control.
 * Registered as the report run `analytical_note` (src/modules/reports/runs.ts): generated as a job with progress.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Language } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import type { Localized } from '../../platform/schema.ts';
import type { ReportFile, ReportGenerator } from '../reports/runs.ts';
import { FAIR_METHOD, fairIndicators, halfYear, yearBefore } from './method.ts';
import * as q from './queries.ts';
import type { MonitoringService } from './service.ts';

export const noteParams = z.strictObject({
  bodyId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  half: z.union([z.literal(1), z.literal(2)]),
});
export type NoteParams = z.infer<typeof noteParams>;

const FONT = 'Times New Roman';
const pct = (n: number, of: number) => (of ? `${Math.round((n * 1000) / of) / 10}` : '0');
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

function p(text: string, o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; italics?: boolean; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 276 },
    ...(o.indent === false ? {} : { indent: { firstLine: 709 } }),
    children: [new TextRun({ text, bold: o.bold ?? false, italics: o.italics ?? false, font: FONT, size: 28 })],
  });
}

function heading(text: string) {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, font: FONT, size: 28, color: '000000' })] });
}

function table(header: string[], rows: (string | number)[][]) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string | number, bold = false) => new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ children: [new TextRun({ text: String(text), bold, font: FONT, size: 22 })] })],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

/** The note's figures: what the document says, kept apart from the layout so a test can read them. */
export async function noteFigures(monitoring: MonitoringService, params: NoteParams, lang: Language, progress: (f: number) => Promise<void> = async () => {}) {
  const root = await monitoring.organisation.subtreeRoot(params.bodyId);
  const bodies = await monitoring.organisation.bodySubtree(root);
  const { from, to } = halfYear(params.year, params.half);
  const f: q.Filter = { bodies, from, to };
  const before: q.Filter = { bodies, from: yearBefore(from), to: yearBefore(to) };
  const t = await monitoring.asOf();
  const db = monitoring.db;
  const totals = await q.figures(db, f, t);
  const previous = await q.figures(db, before, t);
  await progress(0.2);
  const channels = await q.figures(db, f, t, 'channel');
  const topicsNow = await q.figures(db, f, t, 'topic');
  const topicsBefore = new Map((await q.figures(db, before, t, 'topic')).map((r) => [r.key, r.received]));
  await progress(0.4);
  const districts = await q.figures(db, f, t, 'district');
  const fair = fairIndicators(await q.caseMix(db, f, t, 'district'));
  const returns = await q.returnsByExecutor(db, f);
  await progress(0.6);
  const rising = (await monitoring.topicsByDistrict(f, lang)).rows.filter((r) => r.rising);
  const cards = await monitoring.cards(bodies, lang, { from, to });
  const { rows: instructions } = await sql<{ source: string; total: number; done: number; open: number; overdue: number }>`
    select source, count(*)::int as total,
      count(*) filter (where state in ('executed', 'control_closed'))::int as done,
      count(*) filter (where state in ('assigned', 'extension_requested'))::int as open,
      count(*) filter (where state in ('assigned', 'extension_requested') and due < ${t.today})::int as overdue
    from instruction where body_id in (${sql.join(bodies.map((id) => sql`${id}::uuid`))}) and given_on <= ${to} and (closed_on is null or closed_on >= ${from})
    group by source order by source`.execute(db);
  await progress(0.8);
  const label = await monitoring.labels(lang);
  const body = await monitoring.organisation.body(root);
  return { root, bodyName: (body.name as Localized)[lang], from, to, params, asOf: t.today, totals, previous, channels, topicsNow, topicsBefore, districts, fair, returns, rising, cards, instructions, label };
}

export async function analyticalNote(monitoring: MonitoringService, params: NoteParams, lang: Language, progress: (f: number) => Promise<void> = async () => {}): Promise<ReportFile> {
  const n = await noteFigures(monitoring, params, lang, progress);
  const t = translator(lang);
  const period = t(`monitoring.note.half${params.half}`, { year: params.year });
  const T = n.totals;
  const children: (Paragraph | Table)[] = [
    p(t('monitoring.note.draft'), { align: AlignmentType.RIGHT, italics: true, indent: false }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: t('monitoring.note.title', { period }), bold: true, font: FONT, size: 28 })] }),
    p(n.bodyName, { align: AlignmentType.CENTER, indent: false }),
    heading(`1. ${t('monitoring.note.volumes')}`),
    p(t('monitoring.note.volumesText', { period, received: T.received, previous: n.previous.received, change: signed(T.received - n.previous.received), from: n.from, to: n.to })),
    heading(`2. ${t('monitoring.note.channels')}`),
    table([t('monitoring.note.channel'), t('monitoring.figure.received'), '%'], n.channels.map((c) => [n.label('channel', c.key), c.received, pct(c.received, T.received)])),
    heading(`3. ${t('monitoring.note.topics')}`),
    table([t('monitoring.note.topic'), t('monitoring.figure.received'), '%', t('monitoring.note.yearBefore')],
      [...n.topicsNow].sort((a, b) => b.received - a.received).slice(0, 15).map((r) => [n.label('topic', r.key), r.received, pct(r.received, T.received), n.topicsBefore.get(r.key) ?? 0])),
    heading(`4. ${t('monitoring.note.timeliness')}`),
    p(t('monitoring.note.timelinessText', { answered: T.answered, late: T.late, latePer1000: T.received ? Math.round((T.late * FAIR_METHOD.per * 10) / T.received) / 10 : 0, inWork: T.inWork, overdue: T.overdue, deemedRefused: T.deemedRefused, extended: T.extended })),
    table([t('monitoring.note.figure'), t('monitoring.note.value')], (['received', 'answered', 'inWork', 'overdue', 'late', 'deemedRefused', 'extended'] as const).map((k) => [t(`monitoring.figure.${k}`), T[k]])),
    heading(`5. ${t('monitoring.note.quality')}`),
    p(t('monitoring.note.qualityText', { underControl: T.underControl, returns: T.returns, returned: T.returned })),
    ...(n.returns.length ? [table([t('monitoring.export.body'), t('monitoring.export.executor'), t('monitoring.figure.returns')], n.returns.slice(0, 10).map((r) => [n.label('body', r.bodyId), r.executorName ?? t('monitoring.unassigned'), r.returns]))] : []),
    heading(`6. ${t('monitoring.note.districts')}`),
    table([t('monitoring.export.district'), t('monitoring.figure.received'), t('monitoring.figure.late'), t('monitoring.fair.latePer1000'), t('monitoring.fair.adjustedRatio')],
      n.districts.map((d) => {
        const fr = n.fair.rows.find((r) => r.key === d.key);
        return [n.label('district', d.key), d.received, d.late, fr?.latePer1000 ?? '—', fr?.adjustedRatio ?? '—'];
      })),
    ...(n.rising.length ? [p(t('monitoring.note.rising', { list: n.rising.slice(0, 5).map((r) => `${r.territoryName} — ${r.topicName} (${r.previous} → ${r.volume})`).join('; ') }))] : []),
    heading(`7. ${t('monitoring.note.cards')}`),
    ...(n.cards.length
      ? [table([t('monitoring.export.district'), t('monitoring.export.topic'), t('monitoring.topics.volume'), t('monitoring.topics.previous'), t('monitoring.note.measures'), t('monitoring.note.status')],
          n.cards.map((c) => [c.territoryName, c.topicName, c.volume, c.previousVolume, c.measures || '—', t(`monitoring.cardStatus.${c.status}`)]))]
      : [p(t('monitoring.note.noCards'))]),
    heading(`8. ${t('monitoring.note.instructions')}`),
    ...(n.instructions.length
      ? [table([t('monitoring.note.source'), t('monitoring.note.total'), t('monitoring.note.done'), t('monitoring.figure.inWork'), t('monitoring.figure.overdue')], n.instructions.map((r) => [t(`monitoring.instructionSource.${r.source}`, { defaultValue: r.source }), r.total, r.done, r.open, r.overdue]))]
      : [p(t('monitoring.note.noInstructions'))]),
    heading(`9. ${t('monitoring.note.conclusions')}`),
    p(t('monitoring.note.conclusionsHint'), { italics: true }),
    p(t('monitoring.note.footer', { asOf: n.asOf }), { italics: true, indent: false }),
  ];
  const doc = new Document({
    creator: 'Tynda',
    title: t('monitoring.note.title', { period }),
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } } }, children }],
  });
  const bytes = await Packer.toBuffer(doc);
  await progress(1);
  return { filename: `analytical-note-${params.year}-H${params.half}-${lang}.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: new Uint8Array(bytes) };
}

/** The report run: the monitoring department's permission over the chosen body and those below it (REG p.7(6)); reports.read alone would let a district akim draw figures of the rural akims below. */
export function analyticalNoteGenerator(monitoring: MonitoringService): ReportGenerator<NoteParams> {
  return {
    kind: 'analytical_note',
    permission: 'monitoring.control',
    params: noteParams,
    generate: ({ params, lang, progress }) => analyticalNote(monitoring, params, lang, progress),
  };
}
