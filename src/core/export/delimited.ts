// CSV and TSV for spreadsheets. Job postings are untrusted text, so every cell goes through
// neutraliseCell before it is written, and quoting is papaparse's (a well-kept library) job.
import Papa from 'papaparse';

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (accents, `€`, CJK). */
export const UTF8_BOM = '\uFEFF';

// A cell a spreadsheet would run as a formula: it starts with = + - @ (or their full-width forms,
// which some Excel locales also accept), tab or carriage return, possibly after any white space,
// line breaks and the ideographic space (U+3000) included: importers trim it before deciding.
const FORMULA_START = /^[\s\u3000\u200b\ufeff]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/**
 * CSV/formula injection defence, as OWASP recommends
 * (https://owasp.org/www-community/attacks/CSV_Injection): a cell that Excel, LibreOffice or
 * Google Sheets would evaluate as a formula — one starting with `=`, `+`, `-`, `@`, tab or
 * carriage return — gets a single quote `'` in front, so the spreadsheet shows it as text
 * instead of running it (`=HYPERLINK("http://evil","click")` could otherwise leak data or, with
 * DDE, start programs). The quote is visible in some programs; that is the accepted price.
 * Harmless values that start the same way are prefixed too (`-5`, `+1 555`, `@handle`): every
 * column here is text, so nothing is lost but the look of a leading quote.
 */
export function neutraliseCell(value: string): string {
  return needsQuotePrefix(value) ? `'${value}` : value;
}

// A value that already starts with quotes before a formula (`'=x`) gets one more, so that
// unneutraliseCell can tell ours from the posting's own and the round trip is exact.
function needsQuotePrefix(value: string): boolean {
  return FORMULA_START.test(value.replace(/^'+/, '')) && (value.startsWith("'") || FORMULA_START.test(value));
}

/** Undo neutraliseCell exactly (for tests and for re-importing our own files). */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && needsQuotePrefix(value.slice(1)) ? value.slice(1) : value;
}

export interface CsvOptions {
  /** Put a UTF-8 byte-order mark first, for Excel. Default true: files are usually opened there. */
  bom?: boolean;
}

/**
 * RFC 4180 CSV: every field in double quotes (inner quotes doubled), CRLF line ends, a final
 * line end. Quoting every field keeps commas, quotes, tabs and line breaks inside values intact.
 */
export function toCSV(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  if (rows.length === 0) return options.bom === false ? '' : UTF8_BOM;
  const body = Papa.unparse(
    rows.map((r) => r.map(neutraliseCell)),
    { quotes: true, newline: '\r\n', delimiter: ',' },
  );
  return (options.bom === false ? '' : UTF8_BOM) + body + '\r\n';
}

/** A TSV file: tab-separated, fields quoted only when they hold a tab, quote or line break. */
export function toTSV(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return (
    Papa.unparse(
      rows.map((r) => r.map(neutraliseCell)),
      { quotes: false, newline: '\n', delimiter: '\t' },
    ) + '\n'
  );
}

/**
 * One row for the clipboard ("Copy as row"): cells joined by tabs, no line end, so it pastes
 * into Google Sheets or Excel as exactly one row. Tabs and line breaks inside a value are
 * replaced by spaces rather than quoted: a quoted multi-line cell pastes as several rows in some
 * programs and some versions, and a posting's title or skill never needs its line breaks. A value
 * that starts with `"` is quoted (inner quotes doubled) because both programs treat a leading
 * quote as a text qualifier on paste and would otherwise eat it.
 */
export function toTSVRow(row: readonly string[]): string {
  return row
    .map((cell) => {
      const flat = neutraliseCell(cell.replace(/[\t\r\n]+/g, ' '));
      return flat.startsWith('"') ? `"${flat.replace(/"/g, '""')}"` : flat;
    })
    .join('\t');
}

/** Several clipboard rows ("Copy table": the header and the row), one per line. */
export function toTSVTable(rows: readonly (readonly string[])[]): string {
  return rows.map(toTSVRow).join('\n');
}

/** Parse CSV/TSV text back into rows (BOM and a final line end ignored). For tests and imports. */
export function parseDelimited(text: string, delimiter: ',' | '\t' = ','): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true });
  return result.data;
}
