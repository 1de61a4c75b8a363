/**
 * CSV (RFC 4180) both ways. Reading: quoted fields with doubled quotes and line breaks, a comma or a semicolon
 * as the separator (a Russian-locale Excel writes semicolons), a UTF-8 byte order mark ignored. Writing: a BOM so
 * spreadsheet programs read Cyrillic and Kazakh letters as UTF-8, CRLF line ends, quotes where needed, and a cell
 * that a spreadsheet would run as a formula (=, +, -, @ first) prefixed with an apostrophe.
 */

export class CsvError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field starting on line ${line}`);
  }
}

/** Rows of cells, each with the line of the file it starts on (1-based; a quoted line break spans lines). */
export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quotedStart = 0;
  let inQuotes = false;
  while (i < src.length) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') { cell += '"'; i += 2; continue; }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') { inQuotes = true; quotedStart = line; i++; continue; }
    if (ch === sep) { cells.push(cell); cell = ''; i++; continue; }
    if (ch === '\r' && src[i + 1] === '\n') { i++; continue; }
    if (ch === '\n') {
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
      i++;
      continue;
    }
    cell += ch;
    i++;
  }
  if (inQuotes) throw new CsvError(quotedStart);
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  // blank lines carry no data
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

function quote(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const line = (cells: readonly (string | number | boolean | null | undefined)[]) => cells.map((c) => quote(c === null || c === undefined ? '' : String(c))).join(',');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
