import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../functions/lib/problem';
import { assertWithinRate, clientKey } from '../../functions/lib/security';

const request = (ip: string) =>
  new Request('https://careers.example/api/applications', { method: 'POST', headers: { 'CF-Connecting-IP': ip } });
const limited = { ...env, RATE_LIMIT: 'on' } as Env;

/** How many requests from `ips` (one each, in turn) pass before the first refusal, trying at most `tries`. */
async function passedBefore429(ips: (i: number) => string, route: string, tries: number, e: Env = limited): Promise<number> {
  for (let i = 0; i < tries; i++) {
    try {
      await assertWithinRate(e, request(ips(i)), route);
    } catch (err) {
      expect(err).toBeInstanceOf(Problem);
      expect((err as Problem).status).toBe(429);
      return i;
    }
  }
  return tries;
}

describe('the per-client rate limit', () => {
  it('refuses a client past the limit with 429 and a message, and not another client', async () => {
    let refused: unknown;
    for (let i = 0; i < 40 && !refused; i++)
      await assertWithinRate(limited, request('203.0.113.7'), 'applications').catch((e) => (refused = e));
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).status).toBe(429);
    expect((refused as Problem).message).toContain('1分ほど待って');
    await expect(assertWithinRate(limited, request('203.0.113.8'), 'applications')).resolves.toBeUndefined();
  });

  it('counts every address of one IPv6 /64 as one client', async () => {
    // 2,000 addresses in one /64 passed one by one before; now the /64 is refused after the per-client limit (20).
    const passed = await passedBefore429((i) => `2001:db8:1:2:${(i + 1).toString(16)}::${i % 7}`, 'registrations', 100);
    expect(passed).toBe(20);
    // Another /64 is another client.
    await expect(assertWithinRate(limited, request('2001:db8:1:3::1'), 'registrations')).resolves.toBeUndefined();
  });

  it('reads IPv6 in every spelling, and IPv4-mapped addresses as IPv4', () => {
    expect(clientKey('2001:db8:0:0:1:2:3:4')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('[2001:db8:00ab:0001::9]')).toBe('2001:db8:ab:1::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:cb00:7109')).toBe('203.0.113.9');
    expect(clientKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey(null)).toBe('local');
    for (const bad of ['2001:db8::1::2', '12345::', '1:2:3:4:5:6:7', 'example.jp', '999.1.1.1', '::ffff:300.1.1.1'])
      expect(clientKey(bad)).toBe('unreadable');
  });

  it('has a ceiling per route over all clients, which a flood from many networks reaches', async () => {
    // Each request from its own /64 and its own IPv4 address: the per-client limit never applies, the ceiling does.
    const passed = await passedBefore429((i) => (i % 2 ? `2001:db8:${i.toString(16)}::1` : `198.51.${i >> 8}.${i & 0xff}`), 'alerts', 400);
    expect(passed).toBe(120);
    // Other routes have ceilings of their own.
    await expect(assertWithinRate(limited, request('192.0.2.200'), 'status-resend')).resolves.toBeUndefined();
  });

  it('is off when RATE_LIMIT is off, for local benchmarks', async () => {
    for (let i = 0; i < 40; i++)
      await expect(assertWithinRate({ ...env, RATE_LIMIT: 'off' } as Env, request('203.0.113.9'), 'applications')).resolves.toBeUndefined();
  });
});
