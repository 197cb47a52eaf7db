/** Turns the flat names of a plain HTML form into nested values; used by the browser script and the Worker alike. */

/** `work.0.employer` → { work: [{ employer }] }: repeatable rows of a plain HTML form. */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.length === 1 || parts.some((p) => p === '')) {
      out[key] = value;
      continue;
    }
    let node: Record<string, unknown> | unknown[] = out;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const index = /^\d{1,2}$/.test(part) ? Number(part) : undefined;
      const container = node as Record<string | number, unknown>;
      const slot = index ?? part;
      if (last) container[slot] = value;
      else {
        const nextIsIndex = /^\d{1,2}$/.test(parts[i + 1] ?? '');
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown>;
      }
    });
  }
  return out;
}
