/** Escapes text for HTML; every value a person sent goes through here before it reaches a page. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Tagged template: interpolated values are escaped unless wrapped in `raw()`. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const piece = Array.isArray(v)
      ? v.map((x) => (x instanceof Raw ? x.html : escapeHtml(String(x)))).join('')
      : v instanceof Raw
        ? v.html
        : escapeHtml(String(v ?? ''));
    out += piece + (strings[i + 1] ?? '');
  });
  return new Raw(out);
}
