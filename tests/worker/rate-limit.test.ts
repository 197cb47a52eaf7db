import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../functions/lib/problem';
import { assertWithinRate } from '../../functions/lib/security';

describe('the per-client rate limit', () => {
  const request = (ip: string) =>
    new Request('https://careers.example/api/applications', { method: 'POST', headers: { 'CF-Connecting-IP': ip } });
  const limited = { ...env, RATE_LIMIT: 'on' } as Env;

  it('refuses a client past the limit with 429 and a message, and not another client', async () => {
    let refused: unknown;
    for (let i = 0; i < 40 && !refused; i++)
      await assertWithinRate(limited, request('203.0.113.7'), 'applications').catch((e) => (refused = e));
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).status).toBe(429);
    expect((refused as Problem).message).toContain('1分ほど待って');
    await expect(assertWithinRate(limited, request('203.0.113.8'), 'applications')).resolves.toBeUndefined();
  });

  it('is off when RATE_LIMIT is off, for local benchmarks', async () => {
    for (let i = 0; i < 40; i++)
      await expect(assertWithinRate({ ...env, RATE_LIMIT: 'off' } as Env, request('203.0.113.9'), 'applications')).resolves.toBeUndefined();
  });
});
