/**
 * The Worker: serves the static build and answers /api/*.
 * Reads like a table of contents; each resource lives in api/.
 */
import { Hono } from 'hono';

export interface Env {
  ASSETS: Fetcher;
}

const app = new Hono<{ Bindings: Env }>();

app.get('/api/health', (c) => c.json({ ok: true }));

// Unknown API paths answer here: a mounted sub-app's notFound() would be ignored.
app.all('/api/*', (c) => c.json({ error: 'not_found', message: 'お探しのAPIは見つかりませんでした。' }, 404));

app.all('*', (c) => c.env.ASSETS.fetch(c.req.raw));

export default app;
