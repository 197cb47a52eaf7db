/**
 * The build's rules in force (dist/rules.json, from content/rules): what the eligibility checker and the pay estimator
 * judge by. Read through the assets binding and kept for a minute, like the catalog (lib/catalog.ts).
 */
import type { Rules } from '../../src/schemas/rules';

// Only the parsed value is shared between requests: a pending fetch started by one request cannot be awaited by
// another (the runtime refuses such I/O).
let cached: { at: number; rules: Rules } | undefined;
const TTL_MS = 60_000;

export async function loadRules(assets: Fetcher, nowMs = Date.now()): Promise<Rules> {
  if (cached && nowMs - cached.at <= TTL_MS) return cached.rules;
  const r = await assets.fetch('https://assets.invalid/rules.json');
  if (!r.ok) throw new Error(`rules.json: HTTP ${r.status}`);
  const rules = (await r.json()) as Rules;
  cached = { at: nowMs, rules };
  return rules;
}
