/**
 * Export of a list as CSV or XLSX: one helper every list endpoint uses, so each list is a set of column codes and
 * its rows, and both formats come out the same (the header row carries the stable column codes; dates as
 * YYYY-MM-DD). Routes: `GET /api/v1/exports/<list>.csv` and `.xlsx` (routes.ts).
 */
import type { FastifyReply } from 'fastify';
import { writeCsv } from './csv.ts';
import { writeXlsx, type ExportCell } from './xlsx.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportTable<C extends string = string> {
  /** the list's name: the sheet and the start of the file name (`appeals-2025-04-10.xlsx`) */
  name: string;
  columns: readonly C[];
  /** row objects: only the columns' keys are read (a row may carry more) */
  rows: readonly { readonly [K in C]: ExportCell }[];
}

/** Sends the table as an attachment in the format asked for; nothing is cached (the lists hold personal cases). */
export async function sendExport<C extends string>(reply: FastifyReply, format: ExportFormat, table: ExportTable<C>, day: string) {
  const cells = table.rows.map((r) => table.columns.map((c) => r[c]));
  const body = format === 'csv' ? writeCsv(table.columns, cells) : await writeXlsx(table.name, table.columns, cells);
  return reply
    .type(CONTENT_TYPE[format])
    .header('content-disposition', `attachment; filename="${table.name}-${day}.${format}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}
