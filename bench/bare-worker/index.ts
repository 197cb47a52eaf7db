/**
 * The benchmark's ceiling: the least a Worker can do for a submission on this stack. A POST reads its body and
 * inserts it as one row in D1, then answers 201 JSON; GET answers 200 so the benchmark can tell it is ready.
 */
interface Env {
  DB: D1Database;
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method === 'GET') return json({ ok: true }, 200);
    if (request.method !== 'POST') return json({ error: 'method_not_allowed' }, 405);
    const payload = await request.text();
    const row = await env.DB.prepare('INSERT INTO rows (payload, created_at) VALUES (?1, ?2) RETURNING id')
      .bind(payload, new Date().toISOString())
      .first<{ id: number }>();
    return json({ ok: true, id: row?.id }, 201);
  },
} satisfies ExportedHandler<Env>;
