import { describe, expect, it } from 'vitest';
import { site } from '../../src/site.config';

describe('site config', () => {
  it('has an origin without a trailing slash, for canonical URLs', () => {
    expect(site.origin).toMatch(/^https:\/\/[^/]+$/);
  });
  it('names at least one host for internal modules', () => {
    expect(site.internalModuleHosts.length).toBeGreaterThan(0);
  });
});
