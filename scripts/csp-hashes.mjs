/**
 * The one kind of inline script the site ships: the after-first-paint loader (src/components/AfterFirstPaint.astro),
 * inline so that no request of it comes before the first paint (decision 0007). The Content-Security-Policy still
 * allows no inline script but this one, by its SHA-256 hash: after the build, `allowInlineScripts` writes the hash of
 * every inline script the pages hold into the site-wide policy of dist/_headers. Nothing else is needed by hand when
 * the loader changes.
 */
import { createHash } from 'node:crypto';

/**
 * The text of each inline script of a page that runs (JSON-LD is data, and a script with src is a file).
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs = '']) => !/\bsrc=/.test(attrs) && !/type="application\/ld\+json"/.test(attrs))
    .map(([, , body = '']) => body);
}

/**
 * A CSP hash source of a script's text, as browsers compute it: 'sha256-<base64>'.
 * @param {string} text
 */
export const hashSource = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * `headers` (a _headers file) with the hash sources added to the site-wide rule's script-src, which reads exactly
 * "script-src 'self';" (the rules of /pagefind/* and /admin/* state their own policies and are left alone).
 * Throws when there is no such rule, rather than ship pages whose loader the policy blocks.
 * @param {string} headers
 * @param {readonly string[]} hashes
 */
export function allowInlineScripts(headers, hashes) {
  const plain = "script-src 'self';";
  if (hashes.length === 0) return headers;
  const at = headers.indexOf(plain);
  if (at < 0) throw new Error(`_headers: no "${plain}" to add the inline scripts' hashes to`);
  return `${headers.slice(0, at)}script-src 'self' ${hashes.join(' ')};${headers.slice(at + plain.length)}`;
}
