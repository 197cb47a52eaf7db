/**
 * A small YAML writer for plain data (objects, arrays, strings, numbers, booleans): block style, and every
 * string that YAML could read as something else written as a JSON string, which YAML reads back as is.
 * Enough for the editor's config.yml; no anchors, tags or multi-line scalars.
 */
type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

/** Strings that stay strings when written bare: no indicator first, nothing YAML would read as a number, date or keyword. */
const BARE = /^[A-Za-z_/][\w./-]*$/;
const KEYWORDS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`yaml-writer: cannot write ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return BARE.test(value) && !KEYWORDS.test(value) ? value : JSON.stringify(value);
}

const key = (k: string) => (BARE.test(k) && !KEYWORDS.test(k) ? k : JSON.stringify(k));

const isEmptyCollection = (v: Plain) =>
  Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0;

function lines(value: Plain, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (item === undefined) return [];
      if (typeof item === 'object' && item !== null && !isEmptyCollection(item)) {
        const [first = '', ...rest] = lines(item, `${indent}  `);
        return [`${indent}- ${first.trimStart()}`, ...rest];
      }
      return [`${indent}- ${inline(item)}`];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => {
      if (v === undefined) return [];
      if (typeof v === 'object' && v !== null && !isEmptyCollection(v)) return [`${indent}${key(k)}:`, ...lines(v, `${indent}  `)];
      return [`${indent}${key(k)}: ${inline(v)}`];
    });
  }
  return [`${indent}${inline(value)}`];
}

function inline(value: Plain): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value ?? null);
}

/** The YAML text of plain data, ending with a newline. */
export function toYaml(value: unknown): string {
  return `${lines(value as Plain, '').join('\n')}\n`;
}
