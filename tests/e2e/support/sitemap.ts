import type { APIRequestContext } from '@playwright/test';

/** Every page path the sitemap lists, read through the running server. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const locs = async (path: string) =>
    [...(await (await request.get(path)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const sitemaps = await locs('/sitemap-index.xml');
  return (await Promise.all(sitemaps.map(locs))).flat();
}
