/**
 * The GitHub sign-in helper of the recruiters' web editor: a Cloudflare Worker of its own (not part of the site's
 * Worker), set up as docs/cms-production.md describes. Decap CMS opens it in a popup:
 *
 *   GET /auth?provider=github&scope=repo  → GitHub's consent page (a random state kept in a 10-minute cookie)
 *   GET /callback?code=…&state=…          → trades the code for a token, and hands the token to the editor window
 *                                            with postMessage: to SITE_ORIGIN only, never to '*'.
 *
 * Secrets: GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET (`wrangler secret put`). Variable: SITE_ORIGIN.
 * Nothing is stored: the token lives in the recruiter's browser, as Decap keeps it.
 */
export interface Env {
  GITHUB_CLIENT_ID: string;
  GITHUB_CLIENT_SECRET: string;
  /** The site whose /admin/ may receive tokens, e.g. https://careers.city.nerima.tokyo.jp (no trailing slash). */
  SITE_ORIGIN: string;
}

const STATE_COOKIE = 'decap_oauth_state';
/** The scopes Decap asks for: `repo` for a private repository, `public_repo` for a public one. */
const SCOPES = new Set(['repo', 'public_repo']);

/** The handler, with GitHub's token endpoint reached through `fetchImpl` (a test passes a fake one). */
export function authHelper(fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  return {
    async fetch(request: Request, env: Env): Promise<Response> {
      const url = new URL(request.url);
      if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
      if (url.pathname === '/auth') return start(url, env);
      if (url.pathname === '/callback') return finish(request, url, env, fetchImpl);
      return new Response('Not found', { status: 404 });
    },
  };
}

export default authHelper();

function start(url: URL, env: Env): Response {
  if (url.searchParams.get('provider') !== 'github') return new Response('Unknown provider', { status: 400 });
  const scope = url.searchParams.get('scope') ?? 'repo';
  if (!SCOPES.has(scope)) return new Response('Unknown scope', { status: 400 });
  const state = crypto.randomUUID();
  const authorize = new URL('https://github.com/login/oauth/authorize');
  authorize.search = new URLSearchParams({
    client_id: env.GITHUB_CLIENT_ID,
    redirect_uri: `${url.origin}/callback`,
    scope,
    state,
  }).toString();
  return new Response(null, {
    status: 302,
    headers: {
      Location: authorize.href,
      'Set-Cookie': `${STATE_COOKIE}=${state}; Path=/callback; Max-Age=600; HttpOnly; Secure; SameSite=Lax`,
      'Cache-Control': 'no-store',
    },
  });
}

async function finish(request: Request, url: URL, env: Env, fetchImpl: typeof fetch): Promise<Response> {
  const expected = new RegExp(`(?:^|;\\s*)${STATE_COOKIE}=([\\w-]+)`).exec(request.headers.get('Cookie') ?? '')?.[1];
  const code = url.searchParams.get('code');
  if (!code || !expected || url.searchParams.get('state') !== expected)
    return reply(env, 'error', { message: 'ログインをやり直してください（確認用の値が一致しません）。' });
  const answer = await fetchImpl('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': 'nerima-careers-cms-auth' },
    body: JSON.stringify({
      client_id: env.GITHUB_CLIENT_ID,
      client_secret: env.GITHUB_CLIENT_SECRET,
      code,
      redirect_uri: `${url.origin}/callback`,
    }),
  });
  const data = (await answer.json().catch(() => ({}))) as { access_token?: string; error_description?: string };
  if (!data.access_token) return reply(env, 'error', { message: data.error_description ?? 'GitHub からトークンを受け取れませんでした。' });
  return reply(env, 'success', { token: data.access_token, provider: 'github' });
}

/**
 * The popup's last page: Decap's handshake ("authorizing:github" both ways), then the result, to the site's origin
 * only. Its one inline script runs under a nonce; no Cross-Origin-Opener-Policy, so window.opener stays reachable.
 */
function reply(env: Env, status: 'success' | 'error', content: Record<string, string>): Response {
  const nonce = crypto.randomUUID();
  const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const message = `authorization:github:${status}:${JSON.stringify(content)}`;
  const html = `<!doctype html>
<html lang="ja"><meta charset="utf-8"><title>ログイン</title>
<p id="status">ログインしています…</p>
<script nonce="${nonce}">
(() => {
  const origin = ${js(env.SITE_ORIGIN)};
  const message = ${js(message)};
  if (!window.opener) {
    document.getElementById('status').textContent = 'この画面を閉じて、編集画面からもう一度ログインしてください。';
    return;
  }
  window.addEventListener('message', (event) => {
    if (event.origin === origin && event.data === 'authorizing:github') window.opener.postMessage(message, origin);
  });
  window.opener.postMessage('authorizing:github', origin);
})();
</script>
</html>`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Set-Cookie': `${STATE_COOKIE}=; Path=/callback; Max-Age=0; HttpOnly; Secure; SameSite=Lax`,
    },
  });
}
