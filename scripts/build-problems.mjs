#!/usr/bin/env node
/**
 * The lines of a failed build a recruiter can act on: the content checks' list (「- …」 after 「コンテンツに問題があります」)
 * and the schema's messages (file, field, message), without Astro's stack traces and colours. Used by
 * scripts/publish-gate.mjs, and by the content check of pull requests (.github/workflows/content-check.yml):
 *
 *   node scripts/build-problems.mjs build.log
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function problemsIn(output) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes of the build's output
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain.split('\n').filter((l) => /content\/|コンテンツに問題|^\s*-\s|\*\*/.test(l) && !/^\s+at\s/.test(l));
  return [...new Set(lines.map((l) => l.trim()))].slice(0, 20).join('\n') || plain.trim().split('\n').slice(-20).join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(problemsIn(readFileSync(process.argv[2] ?? 0, 'utf8')));
