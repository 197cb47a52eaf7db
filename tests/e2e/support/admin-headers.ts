/**
 * The headers the recruiters' editor (/admin/*) is served with: the `/admin/*` block of public/_headers when the
 * file has one, else the block docs/cms-production.md proposes. The editor tests serve the build with these, so
 * they prove that Decap CMS runs, and signs in, under exactly this policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What docs/cms-production.md asks public/_headers to send on /admin/*. */
const PROPOSED_ADMIN_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'none'; connect-src 'self' blob: http://127.0.0.1:8081 https://api.github.com; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
} as const;

/** The `/admin/*` block of public/_headers as name → value, or undefined when there is none. */
function adminBlock(): Record<string, string> | undefined {
  const text = readFileSync(join(process.cwd(), 'public', '_headers'), 'utf8');
  const block = text.split(/\n(?=\S)/).find((b) => b.trimStart().startsWith('/admin/*'));
  if (!block) return undefined;
  const headers: Record<string, string> = {};
  for (const m of block.matchAll(/^\s+([A-Za-z-]+):\s*(.+)$/gm)) if (m[1] && m[2]) headers[m[1]] = m[2].trim();
  return headers;
}

/**
 * The editor's CSP and COOP, with decap-server's port replaced by `decapPort` when a test runs its own.
 */
export function adminHeaders(decapPort = 8081): { 'Content-Security-Policy': string; 'Cross-Origin-Opener-Policy': string } {
  const block = adminBlock();
  const csp = block?.['Content-Security-Policy'] ?? PROPOSED_ADMIN_HEADERS['Content-Security-Policy'];
  return {
    'Content-Security-Policy': csp.replace('http://127.0.0.1:8081', `http://127.0.0.1:${decapPort}`),
    'Cross-Origin-Opener-Policy': block?.['Cross-Origin-Opener-Policy'] ?? PROPOSED_ADMIN_HEADERS['Cross-Origin-Opener-Policy'],
  };
}
