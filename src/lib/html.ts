/**
 * HTML written as strings, for the Worker's pages and the checker's result (which the page script, the Worker and
 * the build all write): every interpolated value is escaped unless it is HTML written here.
 */

/** Escapes text for HTML; every value a person sent goes through here before it reaches a page. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** HTML already written (by `html` or `raw`): interpolated as it is. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);

/** One interpolated value: Raw as it is, arrays joined, null, undefined and false as nothing, anything else escaped. */
const piece = (v: unknown): string =>
  v instanceof Raw
    ? v.html
    : Array.isArray(v)
      ? v.map(piece).join('')
      : v === null || v === undefined || v === false
        ? ''
        : escapeHtml(String(v));

/** Tagged template: interpolated values are escaped unless they are Raw. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += piece(v) + (strings[i + 1] ?? '');
  });
  return new Raw(out);
}
