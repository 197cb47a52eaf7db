/**
 * Links the first use of each glossary term in a piece of HTML to its entry (/glossary/#term-<slug>).
 *
 * Pure and dependency-free: it reads the HTML as a stream of tags, comments and text, and changes text only.
 * It never touches a tag or an attribute, and never links text inside an existing link, a heading, or an
 * element whose text is not prose (script, style, code, pre, textarea, button, label, summary, svg…).
 * Japanese has no spaces between words, so terms are matched as plain substrings: where several terms start
 * at the same place the longest wins (採用候補者名簿 before 名簿), and a term is never linked inside another
 * linked term. Each destination is linked once: when a term and its alias share an href, only the first use
 * of either is linked.
 */

export interface GlossaryTerm {
  /** The words as written in the text, e.g. 「採用候補者名簿」 or an alias such as 「名簿」. */
  term: string;
  /** Where the first use links to, e.g. /glossary/#term-saiyo-kohosha-meibo. */
  href: string;
}

/** Elements whose text is never linked. */
const SKIP = new Set([
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'script',
  'style',
  'template',
  'textarea',
  'title',
  'code',
  'pre',
  'kbd',
  'samp',
  'button',
  'label',
  'select',
  'option',
  'summary',
  'svg',
  'math',
  'dfn',
]);

/** Elements whose content is raw text up to their end tag (a `<` inside is not a tag). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Text as it appears in HTML source (terms are matched against the source, not the decoded text). */
const escapeText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The end of the tag starting at `start` (`<`), skipping `>` inside quoted attribute values; -1 if unclosed. */
function tagEnd(html: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

interface Pattern {
  /** The term as it appears in HTML source. */
  source: string;
  href: string;
}

/**
 * Wraps the first use of each term in the text of `html` with `<a href="…" class="term">…</a>`.
 * Returns `html` unchanged where no term occurs; the markup around the text is copied byte for byte.
 */
export function linkFirstUses(html: string, terms: readonly GlossaryTerm[]): string {
  // Longest first, so that at any one place the longest term wins.
  const patterns: Pattern[] = terms
    .filter((t) => t.term.trim() !== '' && t.href !== '')
    .map((t) => ({ source: escapeText(t.term), href: t.href }))
    .sort((a, b) => b.source.length - a.source.length);
  if (patterns.length === 0) return html;

  const destinations = new Set(patterns.map((p) => p.href)).size;
  const linked = new Set<string>();
  /** Open skipped elements, innermost last (a `</h2>` closes the nearest open h2). */
  const skipped: string[] = [];
  let out = '';
  let i = 0;

  const linkText = (text: string): string => {
    let result = '';
    let pos = 0;
    while (pos < text.length) {
      let best: { at: number; p: Pattern } | undefined;
      for (const p of patterns) {
        if (linked.has(p.href)) continue;
        const at = text.indexOf(p.source, pos);
        // Earliest start wins; at the same start, the longer (sorted first) is kept.
        if (at !== -1 && (best === undefined || at < best.at)) best = { at, p };
      }
      if (!best) break;
      const { at, p } = best;
      result += `${text.slice(pos, at)}<a href="${escapeAttribute(p.href)}" class="term">${p.source}</a>`;
      linked.add(p.href);
      pos = at + p.source.length;
    }
    return result + text.slice(pos);
  };
  /** Text outside skipped elements is linked while some destination is still unlinked. */
  const textOut = (text: string) => (skipped.length > 0 || linked.size === destinations ? text : linkText(text));

  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      out += textOut(html.slice(i, textEnd));
      i = textEnd;
      continue;
    }
    // A comment, copied as is.
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      const stop = end === -1 ? html.length : end + 3;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    // A doctype or processing instruction, copied as is.
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const end = html.indexOf('>', i);
      const stop = end === -1 ? html.length : end + 1;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 64));
    if (!match) {
      // A `<` that starts no tag (「1 < 2」): text like any other.
      const next = html.indexOf('<', i + 1);
      const stop = next === -1 ? html.length : next;
      out += textOut(html.slice(i, stop));
      i = stop;
      continue;
    }
    const end = tagEnd(html, i);
    if (end === -1) {
      // A tag that never closes: the rest is not ours to change.
      out += html.slice(i);
      break;
    }
    const tag = html.slice(i, end + 1);
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    out += tag;
    i = end + 1;
    if (closing) {
      const open = skipped.lastIndexOf(name);
      if (open !== -1) skipped.splice(open);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Copy everything up to the matching end tag untouched.
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = close === -1 ? html.length : close;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    const selfClosing = tag.endsWith('/>');
    if (SKIP.has(name) && !VOID.has(name) && !selfClosing) skipped.push(name);
  }
  return out;
}

/** The id of a glossary entry on /glossary/ (its file name is the slug). */
export const glossaryAnchor = (slug: string): string => `term-${slug}`;

/** The address of a glossary entry, for links from other pages. */
export const glossaryHref = (slug: string): string => `/glossary/#${glossaryAnchor(slug)}`;

/** A glossary entry as the cross-file check sees it. */
export interface GlossaryEntryForms {
  /** e.g. content/glossary/teiji.md */
  file: string;
  term: string;
  aliases: readonly string[];
}

/**
 * A written form (term or alias) must belong to one entry only, or a job page could not tell where to link it.
 * Each problem names the files and what to do, in Japanese.
 */
export function glossaryProblems(entries: readonly GlossaryEntryForms[]): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const { file, term, aliases } of entries) {
    for (const form of new Set([term, ...aliases])) {
      const other = owner.get(form);
      if (other && other !== file) {
        problems.push(`${file} の「${form}」は ${other} でも用語または別の書き方（aliases）になっています。どちらか一方にしてください。`);
      } else {
        owner.set(form, file);
      }
    }
  }
  return problems;
}
