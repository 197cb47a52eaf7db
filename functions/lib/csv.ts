/**
 * CSV for Excel in Japanese: UTF-8 with a byte-order mark, CRLF, and no cell a spreadsheet would run as a
 * formula (papaparse's escapeFormulae prefixes such cells with an apostrophe).
 */
import Papa from 'papaparse';

export function toCsv(header: readonly string[], rows: (string | number | null | undefined)[][]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))) },
    { escapeFormulae: /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/, newline: '\r\n', quotes: true },
  );
  return `\uFEFF${body}\r\n`;
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
    },
  });
}
