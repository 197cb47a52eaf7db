import type { APIRoute } from 'astro';
import { site } from '../config/site';

export const GET: APIRoute = () =>
  new Response(
    ['User-agent: *', 'Disallow: /api/', 'Disallow: /staff/', '', `Sitemap: ${new URL('/sitemap-index.xml', site.origin).href}`, ''].join(
      '\n',
    ),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
