/** The inline loader's hash in the Content-Security-Policy (scripts/csp-hashes.mjs, decision 0007). */
import { describe, expect, it } from 'vitest';
import { allowInlineScripts, hashSource, inlineScripts } from '../../scripts/csp-hashes.mjs';

const headers = `/*
  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'

/pagefind/*
  ! Content-Security-Policy
  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
`;

describe('inline scripts and their hashes', () => {
  it('finds the scripts that run inline, not files, JSON-LD or scripts inside a template with src', () => {
    const html =
      '<script type="application/ld+json">{"a":1}</script><template data-after-first-paint><script type="module" src="/_astro/x.js"></script></template>' +
      '<script>run()</script><script type="module" src="/_astro/y.js"></script>';
    expect(inlineScripts(html)).toEqual(['run()']);
  });

  it('hashes as the CSP specification does: SHA-256 of the text, base64', () => {
    // Published value: the SHA-256 of the empty string.
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(hashSource('run()')).not.toBe(hashSource('run();'));
  });

  it('adds the hashes to the site-wide script-src only, and leaves the rest alone', () => {
    const out = allowInlineScripts(headers, ["'sha256-A'", "'sha256-B'"]);
    expect(out).toContain("default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self'\n");
    expect(out).toContain("script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\n");
    expect(out.replace(" 'sha256-A' 'sha256-B'", '')).toBe(headers);
    expect(allowInlineScripts(headers, [])).toBe(headers);
  });

  it('refuses to ship pages whose loader the policy would block', () => {
    expect(() => allowInlineScripts("/*\n  Content-Security-Policy: default-src 'self'\n", ["'sha256-A'"])).toThrow(/script-src 'self';/);
  });
});
