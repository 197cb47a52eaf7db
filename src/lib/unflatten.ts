/** Turns the flat names of a plain HTML form into nested values; used by the browser script and the Worker alike. */

/** Two names that cannot both hold, e.g. `name` and `name.first`. */
export class FieldNameConflict extends Error {
  constructor(readonly field: string) {
    super(`conflicting field name: ${field}`);
  }
}

/**
 * `work.0.employer` → { work: [{ employer }] }: repeatable rows of a plain HTML form.
 * Objects have no prototype, so a name such as `__proto__.x` is just an unknown field (refused by the schema),
 * never a change to every object in the isolate.
 */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.length === 1 || parts.some((p) => p === '')) {
      if (key in out) throw new FieldNameConflict(key);
      out[key] = value;
      continue;
    }
    let node: Record<string, unknown> = out;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last) {
        if (part in node) throw new FieldNameConflict(key);
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d{1,2}$/.test(parts[i + 1] ?? '');
      const existing = node[part];
      if (existing === undefined) node[part] = nextIsIndex ? [] : Object.create(null);
      else if (typeof existing !== 'object' || existing === null) throw new FieldNameConflict(key);
      node = node[part] as Record<string, unknown>;
    });
  }
  return out;
}
