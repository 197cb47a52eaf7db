/**
 * Decap CMS's browser bundle, copied from node_modules into the build as /admin/decap-cms.js: the editor
 * never loads code from a CDN. About 5 MB (1.5 MB gzipped), on the admin page only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { APIRoute } from 'astro';

const require = createRequire(`${process.cwd()}/`);

export const GET: APIRoute = async () =>
  new Response(await readFile(require.resolve('decap-cms/dist/decap-cms.js')), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
