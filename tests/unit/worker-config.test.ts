/** What wrangler.jsonc must say for the Worker to keep its promises: no token in any log or trace, two rate limits. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// JSONC: comments and trailing commas; YAML 1.2 reads JSON, and the comments are the only part it would not.
const config = parse(
  readFileSync('wrangler.jsonc', 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n'),
) as {
  observability?: { enabled?: boolean; logs?: { invocation_logs?: boolean }; traces?: { enabled?: boolean } };
  ratelimits?: { name: string; simple: { limit: number; period: number } }[];
};

describe('wrangler.jsonc', () => {
  it('keeps no request records (their URLs carry the tokens of mailed links) and no traces', () => {
    expect(config.observability?.logs?.invocation_logs).toBe(false);
    expect(config.observability?.traces?.enabled).toBe(false);
  });

  it('limits each client and, over all clients, each route', () => {
    const names = (config.ratelimits ?? []).map((r) => r.name).sort();
    expect(names).toEqual(['ROUTE_CEILING', 'SUBMIT_LIMITER']);
  });
});
