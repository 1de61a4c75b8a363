/**
 * XLSX (Office Open XML workbooks) both ways, through exceljs. Reading gives the same table as the CSV reader
 * (rows of text cells with the sheet's row number), so one validation path serves both files. Cells are read as
 * Excel stores them: a date cell is a wall-clock date and time (Excel has no time zone; exceljs hands it over as
 * UTC fields), a number is its decimal text, a formula is its cached result. exceljs is loaded on first use: it
 * is large and most processes never touch a workbook.
 */
import type { Cell, CellValue, Workbook } from 'exceljs';

export class XlsxError extends Error {
  constructor(readonly reason: 'not_a_workbook' | 'too_large') {
    super(`xlsx: ${reason}`);
  }
}

export interface TableRow {
  cells: string[];
  /** the line of a CSV file, the row number of a sheet (the header is 1) */
  line: number;
  /** cells that a sheet stored as numbers (an IIN typed as a number has lost its leading zero) */
  numeric?: boolean[];
}

async function workbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/**
 * The total uncompressed size of a ZIP archive, read from its central directory without inflating anything:
 * a workbook of a few megabytes may inflate to gigabytes (a "zip bomb"), so it is measured before it is opened.
 * undefined: not a ZIP archive (or ZIP64, which no honest register needs).
 */
export function zipUncompressedSize(buf: Buffer): number | undefined {
  const min = Math.max(0, buf.length - 65_557);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
      const size = buf.readUInt32LE(p + 24);
      if (size === 0xffffffff) return undefined;
      total += size;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  return undefined;
}

/** 2025-03-12, or 2025-03-12 10:15 when the cell holds a time of day too. */
function wallClock(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : wallClock(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('result' in v) return text((v.result ?? null) as CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : text(v.text as CellValue);
  return '';
}

const isNumber = (c: Cell) => typeof c.value === 'number' || (typeof c.value === 'object' && c.value !== null && 'result' in c.value && typeof c.value.result === 'number');

/**
 * The first sheet of a workbook as a table: its rows (the first one the header), blank rows left out.
 * Refuses a file that inflates past `maxBytes` or whose sheet has more than `maxRows` rows.
 */
export async function readXlsx(file: Buffer, limits: { maxBytes: number; maxRows: number }): Promise<TableRow[]> {
  const size = zipUncompressedSize(file);
  if (size === undefined) throw new XlsxError('not_a_workbook');
  if (size > limits.maxBytes) throw new XlsxError('too_large');
  const wb = await workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new XlsxError('not_a_workbook');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > limits.maxRows) throw new XlsxError('too_large');
  const width = sheet.columnCount;
  const rows: TableRow[] = [];
  sheet.eachRow((row, line) => {
    const cells: string[] = [];
    const numeric: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(text(cell.value));
      numeric.push(isNumber(cell));
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ cells, line, numeric });
  });
  return rows;
}

export type ExportCell = string | number | boolean | null | undefined;

/**
 * A workbook of one sheet: a bold, frozen header row of column codes, then the rows. Dates (YYYY-MM-DD) become
 * date cells, numbers stay numbers; text is never a formula in XLSX, so nothing needs the CSV's apostrophe.
 */
export async function writeXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly ExportCell[])[]): Promise<Buffer> {
  const wb = await workbook();
  wb.creator = 'Tynda';
  const sheet = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(r.map((v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v ?? null)));
    row.eachCell((cell) => { if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd'; });
  }
  header.forEach((h, i) => { sheet.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 2)); });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
