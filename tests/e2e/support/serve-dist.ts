/**
 * A build's files over HTTP on 127.0.0.1, for the editor tests, which run a site server of their own rather than
 * the Worker: a directory answers with its index.html, /admin/* carries the editor's headers, nothing is cached.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

/**
 * Serves `dist` on `port` and resolves once it listens. `answer` may reply to a path itself (a file the test writes
 * instead of the build's), with a body and its Content-Type.
 */
export function serveDist(
  dist: string,
  port: number,
  options: { adminHeaders: Record<string, string>; answer?: (path: string) => { type: string; body: string } | undefined },
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
    const headers = { 'Cache-Control': 'no-store', ...(path.startsWith('/admin/') ? options.adminHeaders : {}) };
    const own = options.answer?.(path);
    if (own) {
      res.writeHead(200, { ...headers, 'Content-Type': own.type }).end(own.body);
      return;
    }
    let file = join(dist, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok(server)));
}
