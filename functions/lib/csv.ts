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

/**
 * Content-Disposition for a download (RFC 6266): a plain ASCII name every client reads, then the exact name in UTF-8
 * (RFC 5987) for those that can. Only characters that need no quoting survive in the first: a quote, CR/LF or `;` in
 * an id can neither end the parameter nor break the header.
 */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '') || 'download';
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 allows none of them unescaped. Lone surrogates would throw.
  const exact = encodeURIComponent(filename.toWellFormed()).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(filename),
      'Cache-Control': 'no-store',
    },
  });
}
