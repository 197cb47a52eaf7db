/**
 * Reads the rules in force (the newest content/rules/<year>.yaml) at build time (Node only). The jobs schema needs
 * them while the jobs collection is parsed, before Astro's own collections can be queried: an opening of a route takes
 * its required years and pay range from them. The `rules` collection reads the same files for the pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Rules } from '../schemas/rules';
import { assertNoProblems, impossibleDateProblems, parseRules } from './content-checks';

export function readRulesInForce(dir = 'content/rules'): { file: string; rules: Rules } {
  const newest = readdirSync(dir)
    .filter((f) => /^\d{4}\.ya?ml$/.test(f))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`${dir} に規則のファイルがありません。content/rules/2026.yaml を参考に追加してください。`);
  const file = join(dir, newest);
  const text = readFileSync(file, 'utf8');
  // YAML would roll an impossible date over before the schema sees it.
  assertNoProblems(impossibleDateProblems(file, text));
  return { file, rules: parseRules(file, parse(text)) };
}
