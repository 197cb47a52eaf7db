/**
 * The plan page (/plan/, built by npm run build first) holds every statement of the ward's plan summary, word for
 * word. The summary is content/plan/source/nerima-hr-reform-plan-summary.txt, a copy of the ward's own text (CI
 * has only the repository), read here as it stands: nothing of it is restated in this test.
 *
 * What is compared:
 * - The summary is a table, one row a line, cells split by tabs, each cell HTML-ish. A statement is the text of each
 *   <li>, of each <b> (an initiative's title) and of each <p> that holds no <b>; a cell with none of those (項目 names
 *   such as 目的, the pillars, the chapter headings) gives each of its words (split at spaces) as a statement. The
 *   table's own column names (the row 項目 / 内容 / 柱 / 取組内容) and the document title line (## …) are not
 *   statements; the page names the document in its source note instead.
 * - The summary's markers are dropped: ➢ and ☞ (the page shows a list or a paragraph instead), ★ (the page marks a
 *   leading project with its own ★ and words), and the < > around a group label such as <社会的背景> (a heading on
 *   the page). The plan's own numbers ①〜④ are words and are kept.
 * - The page's text is the text of its <main>, tags removed and entities decoded. Both sides lose all whitespace:
 *   the summary puts spaces between an initiative's number and title, the page puts them where its layout needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SEED = 'content/plan/source/nerima-hr-reform-plan-summary.txt';
const PAGE = 'dist/plan/index.html';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
const stripTags = (html: string) => decode(html.replace(/<[^>]*>/g, ' '));
const squeeze = (s: string) => s.replace(/\s+/g, '');
// Compared under NFKC: the site writes brackets full-width as the ward's style asks (textlint), where the summary
// has half-width ones; the words themselves must be the same.
const sameWords = (s: string) => s.normalize('NFKC');
/** The summary's markers, which the page renders as structure instead of text. */
const unmark = (s: string) =>
  s
    .replace(/[➢☞★]/g, '')
    .replace(/^<([^<>]+)>$/, '$1')
    .trim();

/** Every statement of the plan summary, in its order, as the page must hold it (whitespace removed). */
function seedStatements(seed: string): string[] {
  const rows = seed
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('##'))
    .filter((line) => line.split('\t')[0]?.trim() !== '項目');
  const statements: string[] = [];
  for (const cell of rows.flatMap((row) => row.split('\t'))) {
    const items = [...cell.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g), ...cell.matchAll(/<b\b[^>]*>([\s\S]*?)<\/b>/g)].map((m) => m[1] ?? '');
    const paragraphs = [...cell.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1] ?? '').filter((p) => !/<b\b/.test(p));
    const found = [...items, ...paragraphs].map(stripTags);
    const words = /<(li|b|p)\b/.test(cell) ? [] : stripTags(cell).split(/\s+/);
    statements.push(...[...found, ...words].map(unmark).filter(Boolean));
  }
  return [...new Set(statements.map(squeeze))];
}

/** The text a visitor reads in the page's main region, whitespace removed. */
function pageText(html: string): string {
  const main = html.match(/<main\b[\s\S]*<\/main>/)?.[0] ?? '';
  return squeeze(stripTags(main.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')));
}

describe('the plan page against the plan summary', () => {
  const statements = seedStatements(readFileSync(SEED, 'utf8'));

  it('reads the summary: the 18 initiatives, the 5 pillars and the first chapter’s items', () => {
    // Guards the reading itself: a summary read as nothing would make the next test pass with nothing checked.
    expect(statements.filter((s) => /^取組\d+/.test(s))).toHaveLength(18);
    expect(statements.filter((s) => /^柱\d$/.test(s))).toHaveLength(5);
    expect(statements).toEqual(expect.arrayContaining(['目的', '計画の位置づけ', '①メリハリのある給与体系']));
    expect(statements.length).toBeGreaterThan(60);
  });

  it('holds every statement of the summary, word for word', () => {
    expect(existsSync(PAGE), `${PAGE}: run npm run build first`).toBe(true);
    const text = sameWords(pageText(readFileSync(PAGE, 'utf8')));
    expect(statements.filter((s) => !text.includes(sameWords(s)))).toEqual([]);
  });
});
