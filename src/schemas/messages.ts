/**
 * Turns zod issues into the messages a person reads: one per field, in form order, never zod's own words.
 */
import type { z } from 'zod';

export interface FieldError {
  /** The form field's name, e.g. "email" or "work.0.from". */
  field: string;
  message: string;
}

export function fieldErrors(error: z.ZodError, order: readonly string[] = []): FieldError[] {
  const seen = new Set<string>();
  const list: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        list.push({ field: key, message: `想定していない項目「${key.slice(0, 40)}」が送信されました。ページを読み込み直してください` });
      continue;
    }
    const field = issue.path.join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    list.push({ field, message: issue.message });
  }
  const rank = (f: string) => {
    const i = order.indexOf(f.split('.')[0] ?? f);
    return i === -1 ? order.length : i;
  };
  return list.sort((a, b) => rank(a.field) - rank(b.field));
}
