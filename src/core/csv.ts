/**
 * RFC 4180 CSV: parse for pack building, write for notes/story export.
 * Pure string functions; no I/O.
 */

export type CsvCell = string | number | null | undefined;

/**
 * Parse CSV text into rows of fields. Accepts CRLF, LF or lone CR line ends,
 * quoted fields with embedded separators/newlines and doubled quotes.
 * A leading UTF-8 BOM is dropped (spreadsheets like to add one).
 * A trailing line break does not produce an extra empty row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  // Tracks whether the current row has any content, so a final newline is not a row.
  let rowStarted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  while (i < n) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      rowStarted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      rowStarted = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      rowStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    rowStarted = true;
    i++;
  }
  if (rowStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const NEEDS_QUOTES = /[",\r\n]/;
// Cells starting with these are run as formulas by Excel/Sheets/LibreOffice.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let s = cell;
  // Exported notes contain customer text; never let it execute in a spreadsheet.
  if (FORMULA_START.test(s)) s = `'${s}`;
  return s;
}

/** Write rows as RFC 4180 CSV with CRLF line endings (including after the last row). */
export function toCsv(rows: CsvCell[][]): string {
  let out = '';
  for (const row of rows) {
    out +=
      row
        .map((cell) => {
          const s = cellText(cell);
          return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(',') + '\r\n';
  }
  return out;
}
