#!/usr/bin/env node
/**
 * Japanese as the ward writes it: textlint (.textlintrc.json: a Japanese preset, the JTF style guide and the ward's
 * written forms in textlint/prh.yml) over every visitor-facing word the site has.
 *
 *   node scripts/check-text.mjs [--report reports/text.json]
 *
 * - content/**\/*.md: the Markdown body through textlint's own Markdown plugin, and each string of the front matter
 *   (the plugin skips front matter) as plain text, named by its key, e.g. `requirements.other[0]`;
 * - content/**\/*.yaml: each string value the same way;
 * - src/**\/*.ts(x) and functions/**\/*.ts(x): each string or template literal holding Japanese (interface, mail and
 *   validation messages; comments are not strings, so they are left alone). A template's `${…}` reads as 「X」;
 * - src/**\/*.astro: the frontmatter's strings as for .ts, and each line of template text holding Japanese, with its
 *   tags removed and its `{…}` read as 「X」.
 *
 * A file with no error passes, a file with any fails. With --report, writes { passed, failed, files, errors } for
 * scripts/test-all.mjs. Exits 1 on any error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter, loadTextlintrc } from 'textlint';
import ts from 'typescript';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { walk } from './budgets.mjs';
import { isMain, runReportCli } from './report-cli.mjs';

/**
 * @typedef {{ file: string, line: number, column: number, where: string | null, rule: string, message: string }} TextError
 * @typedef {{ passed: number, failed: number, files: number, errors: TextError[] }} TextReport
 * @typedef {{ text: string, line: number, column: number, where: string | null }} Snippet a string to lint, where it starts in its file
 */

const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
/** What a `${…}` or `{…}` reads as: a short half-width stand-in, as the values are mostly numbers, dates and names. */
const hole = 'X';

/** The 1-based line and column of `offset` in `source`. @param {string} source @param {number} offset */
function position(source, offset) {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * String values of a YAML document, with their key path. Comments and keys are not text a visitor reads.
 * @param {string} source @param {number} lineOffset lines before the YAML in its file (front matter's opening ---)
 * @returns {Snippet[]}
 */
export function yamlStrings(source, lineOffset = 0) {
  /** @type {Snippet[]} */
  const out = [];
  /** @param {unknown} node @param {string} where */
  const visit = (node, where) => {
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = String(isScalar(item.key) ? item.key.value : '?');
        visit(item.value, where ? `${where}.${key}` : key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        visit(item, `${where}[${i}]`);
      });
    } else if (isScalar(node) && typeof node.value === 'string' && japanese.test(node.value) && node.range) {
      const { line, column } = position(source, node.range[0]);
      out.push({ text: node.value, line: line + lineOffset, column, where });
    }
  };
  visit(parseDocument(source).contents, '');
  return out;
}

/**
 * String and template literals holding Japanese in TypeScript source.
 * @param {string} source @param {string} fileName @param {number} lineOffset
 * @returns {Snippet[]}
 */
export function codeStrings(source, fileName, lineOffset = 0) {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  /** @type {Snippet[]} */
  const out = [];
  /** @param {ts.Node} node @param {string} raw */
  const add = (node, raw) => {
    // A regular expression's source (e.g. the pay-figure pattern) is not text anyone reads.
    if (!japanese.test(raw) || /\(\?[:=!]|\\d/.test(raw)) return;
    // Markup in an HTML template is not text: drop its tags, keep what a reader sees.
    const text = raw.replace(/<[^>]*>/g, '').trim();
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    out.push({ text, line: line + 1 + lineOffset, column: character + 1, where: null });
  };
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      add(node, node.head.text + node.templateSpans.map((s) => hole + s.literal.text).join(''));
      // The holes' own expressions may hold strings too.
      for (const s of node.templateSpans) visit(s.expression);
      return;
    } else if (ts.isJsxText(node)) add(node, node.text.trim());
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * An .astro file: its frontmatter as TypeScript, then each template line holding Japanese, with tags and
 * expressions taken out.
 * @param {string} source @param {string} fileName
 * @returns {Snippet[]}
 */
export function astroStrings(source, fileName) {
  const m = source.match(/^---\n([\s\S]*?)\n---\n/);
  const out = m ? codeStrings(m[1] ?? '', `${fileName}.ts`, 1) : [];
  const templateStart = m ? m[0].length : 0;
  const lines = source.slice(templateStart).split('\n');
  const firstLine = position(source, templateStart).line;
  lines.forEach((raw, i) => {
    let text = raw.replace(/<!--.*?-->/g, '');
    // Innermost {…} first, so nested expressions fold into one stand-in.
    for (let prev = ''; prev !== text; ) {
      prev = text;
      text = text.replace(/\{[^{}]*\}/g, hole);
    }
    text = text.replace(/<[^>]*>/g, '').trim();
    if (japanese.test(text) && !/^\s*(\/\/|\*|\/\*)/.test(raw)) out.push({ text, line: firstLine + i, column: 1, where: null });
  });
  return out;
}

/** Markdown front matter and where its YAML starts. @param {string} source */
function frontMatter(source) {
  const m = source.match(/^---\n([\s\S]*?)\n---\n/);
  return m ? (m[1] ?? '') : '';
}

/** Every file the check reads, relative to the repository. */
export function textFiles() {
  const under = (/** @type {string} */ dir, /** @type {RegExp} */ re) =>
    walk(dir)
      .map((f) => path.relative(process.cwd(), f))
      .filter((f) => re.test(f) && !path.basename(f).startsWith('_'))
      .sort();
  return [
    // content/plan/source/ holds the ward's plan summary as published, kept for the plan page's test: quoted, not ours to restyle.
    ...under('content', /\.(md|ya?ml)$/).filter((f) => !f.startsWith('content/plan/source/')),
    ...under('src', /\.(tsx?|astro)$/).filter((f) => !f.endsWith('.d.ts')),
    ...under('functions', /\.tsx?$/).filter((f) => !f.endsWith('.d.ts')),
  ];
}

/**
 * Lints every file; returns the errors file by file.
 * @param {string[]} files
 * @returns {Promise<TextReport>}
 */
export async function checkText(files) {
  const linter = createLinter({ descriptor: await loadTextlintrc() });
  /** @type {TextError[]} */
  const errors = [];
  /** @param {string} file @param {Snippet} s */
  const lintSnippet = async (file, s) => {
    // A plain-text name, so textlint reads the string as a paragraph whatever the file's own type.
    const result = await linter.lintText(s.text, 'snippet.txt');
    for (const m of result.messages)
      errors.push({
        file,
        // Where the finding is inside a one-line string; for a multi-line one, where the string starts.
        line: s.line + m.line - 1,
        column: m.line === 1 ? s.column + m.column - 1 : m.column,
        where: s.where,
        rule: m.ruleId,
        message: m.message,
      });
  };
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (file.endsWith('.md')) {
      const result = await linter.lintFiles([file]);
      for (const r of result)
        for (const m of r.messages) errors.push({ file, line: m.line, column: m.column, where: null, rule: m.ruleId, message: m.message });
      for (const s of yamlStrings(frontMatter(source), 1)) await lintSnippet(file, s);
    } else if (/\.ya?ml$/.test(file)) for (const s of yamlStrings(source)) await lintSnippet(file, s);
    else if (file.endsWith('.astro')) for (const s of astroStrings(source, file)) await lintSnippet(file, s);
    else for (const s of codeStrings(source, file)) await lintSnippet(file, s);
  }
  const failing = new Set(errors.map((e) => e.file));
  return { passed: files.length - failing.size, failed: failing.size, files: files.length, errors };
}

/** @param {TextReport} report */
function printReport(report) {
  for (const e of report.errors)
    console.log(`  ✗ ${e.file}:${e.line}:${e.column}${e.where ? ` (${e.where})` : ''} ${e.message.replace(/\s+/g, ' ')} [${e.rule}]`);
  console.log(
    `text: ${report.files} files checked by textlint, ${report.passed} without findings, ${report.failed} with errors (${report.errors.length} errors)`,
  );
}

if (isMain(import.meta.url)) await runReportCli((positionals) => checkText(positionals.length ? positionals : textFiles()), printReport);
