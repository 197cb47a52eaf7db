/**
 * Linking the first use of each glossary term (src/lib/glossary-links.ts): text only, never tags, attributes,
 * existing links or headings; Japanese without spaces; the longest term first where terms overlap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossaryAnchor, glossaryHref, glossaryProblems, linkFirstUses } from '../../src/lib/glossary-links';

const teiji = { term: '提示', href: '/glossary/#term-teiji' };
const meibo = { term: '採用候補者名簿', href: '/glossary/#term-saiyo-kohosha-meibo' };
const meiboAlias = { term: '名簿', href: '/glossary/#term-saiyo-kohosha-meibo' };
const naitei = { term: '内定', href: '/glossary/#term-naitei' };
const link = (t: { term: string; href: string }) => `<a href="${t.href}" class="term">${t.term}</a>`;

describe('linkFirstUses', () => {
  it('links the first use of a term and leaves later uses as text', () => {
    const html = '<p>各区へ提示されます。提示を受けた区が面接を行います。</p>';
    expect(linkFirstUses(html, [teiji])).toBe(`<p>各区へ${link(teiji)}されます。提示を受けた区が面接を行います。</p>`);
  });

  it('finds terms inside Japanese text without spaces, each once, in any order', () => {
    const html = '<p>最終合格すると採用候補者名簿に登載され、区面接の後に内定が出ます。内定の後は…</p>';
    expect(linkFirstUses(html, [naitei, meibo])).toBe(
      `<p>最終合格すると${link(meibo)}に登載され、区面接の後に${link(naitei)}が出ます。内定の後は…</p>`,
    );
  });

  it('links the first use across several elements, not the first use in each', () => {
    const html = '<p>提示とは</p><ul><li>提示の後</li></ul>';
    expect(linkFirstUses(html, [teiji])).toBe(`<p>${link(teiji)}とは</p><ul><li>提示の後</li></ul>`);
  });

  it('prefers the longest term where terms overlap, whatever order they are given in', () => {
    const html = '<p>採用候補者名簿と名簿</p>';
    const other = { term: '名簿', href: '/glossary/#term-other' };
    const expected = `<p>${link(meibo)}と${link(other)}</p>`;
    expect(linkFirstUses(html, [other, meibo])).toBe(expected);
    expect(linkFirstUses(html, [meibo, other])).toBe(expected);
  });

  it('never links a term inside another linked term', () => {
    const html = '<p>2級職（主任）の主任</p>';
    const grade = { term: '2級職（主任）', href: '/glossary/#term-2kyu-shoku' };
    const shunin = { term: '主任', href: '/glossary/#term-shunin' };
    expect(linkFirstUses(html, [shunin, grade])).toBe(`<p>${link(grade)}の${link(shunin)}</p>`);
  });

  it('links a term and its alias (same address) only once: at the first use of either', () => {
    expect(linkFirstUses('<p>名簿に載ると、採用候補者名簿から</p>', [meibo, meiboAlias])).toBe(
      `<p>${link(meiboAlias)}に載ると、採用候補者名簿から</p>`,
    );
    expect(linkFirstUses('<p>採用候補者名簿に載ると、名簿から</p>', [meiboAlias, meibo])).toBe(`<p>${link(meibo)}に載ると、名簿から</p>`);
  });

  it('leaves tags and attributes alone, even when they contain a term', () => {
    const html = '<p title="提示とは" data-note=\'a > 提示\'><img alt="提示" src="/x.png">本文の提示</p>';
    expect(linkFirstUses(html, [teiji])).toBe(
      `<p title="提示とは" data-note='a > 提示'><img alt="提示" src="/x.png">本文の${link(teiji)}</p>`,
    );
  });

  it('never links inside an existing link, and links the next use outside it', () => {
    const html = '<p><a href="/faq/#teiji">提示とは</a>、つまり提示のことです。</p>';
    expect(linkFirstUses(html, [teiji])).toBe(`<p><a href="/faq/#teiji">提示とは</a>、つまり${link(teiji)}のことです。</p>`);
  });

  it('never links inside a heading (any level, nested markup included)', () => {
    const html = '<h2>提示</h2><h3 id="x"><span>採用候補者<em>名簿</em></span>と提示</h3><p>提示と名簿</p>';
    expect(linkFirstUses(html, [teiji, meibo, meiboAlias])).toBe(
      `<h2>提示</h2><h3 id="x"><span>採用候補者<em>名簿</em></span>と提示</h3><p>${link(teiji)}と${link(meiboAlias)}</p>`,
    );
  });

  it('never links inside code, scripts, styles, comments or form controls', () => {
    const untouched =
      '<code>提示</code><pre>提示</pre><script>const s = "<p>提示</p>";</script><style>/* 提示 */</style><!-- 提示 --><button>提示</button><textarea>提示</textarea><label>提示</label><summary>提示</summary>';
    expect(linkFirstUses(`${untouched}<p>提示</p>`, [teiji])).toBe(`${untouched}<p>${link(teiji)}</p>`);
  });

  it('does not treat void or self-closing elements as open', () => {
    const html = '<p>改行<br>のあと<br/>提示</p>';
    expect(linkFirstUses(html, [teiji])).toBe(`<p>改行<br>のあと<br/>${link(teiji)}</p>`);
  });

  it('matches terms as HTML source writes them and escapes the address', () => {
    const html = '<p>期末・勤勉手当と R&amp;D</p>';
    const bonus = { term: '期末・勤勉手当', href: '/glossary/#term-kimatsu?a=1&b="2"' };
    const rd = { term: 'R&D', href: '/glossary/#term-rd' };
    expect(linkFirstUses(html, [bonus, rd])).toBe(
      '<p><a href="/glossary/#term-kimatsu?a=1&amp;b=&quot;2&quot;" class="term">期末・勤勉手当</a>と <a href="/glossary/#term-rd" class="term">R&amp;D</a></p>',
    );
  });

  it('returns the HTML unchanged when no term occurs, or no terms are given', () => {
    const html = '<p class="a">練馬区の<strong>仕事</strong></p>';
    expect(linkFirstUses(html, [teiji])).toBe(html);
    expect(linkFirstUses(html, [])).toBe(html);
    expect(linkFirstUses('', [teiji])).toBe('');
    expect(linkFirstUses(html, [{ term: '', href: '/x' }])).toBe(html);
  });

  it('copies a stray < and plain text outside any element', () => {
    expect(linkFirstUses('1 < 2 で提示', [teiji])).toBe(`1 < 2 で${link(teiji)}`);
  });

  it('links the Markdown a job page renders', () => {
    const rendered =
      '<p>最終合格すると採用候補者名簿に登載され、特別区人事委員会から各区へ「提示」されます。練馬区に提示された方を対象に…</p>\n<h2 id="teiji">提示のあと</h2>\n<p>区面接の後に採用内定をお知らせします。</p>';
    const out = linkFirstUses(rendered, [teiji, meibo, meiboAlias, naitei, { term: '採用内定', href: naitei.href }]);
    expect(out.match(/class="term"/g)).toHaveLength(3);
    expect(out).toContain(`各区へ「${link(teiji)}」されます`);
    expect(out).toContain('<h2 id="teiji">提示のあと</h2>');
    expect(out).toContain(`区面接の後に<a href="${naitei.href}" class="term">採用内定</a>をお知らせします`);
  });
});

describe('linkFirstUses on any mix of markup and text', () => {
  /** Pieces of HTML a page is made of, terms included in text, attributes, links and headings. */
  const piece = fc.constantFrom(
    '提示',
    '採用候補者名簿',
    '名簿',
    '内定',
    '区面接',
    'の',
    '、',
    ' ',
    '&amp;',
    '<p>',
    '</p>',
    '<h2>',
    '</h2>',
    '<a href="/x">',
    '</a>',
    '<br>',
    '<img alt="提示">',
    "<span title='名簿 > 内定'>",
    '</span>',
    '<!-- 提示 -->',
  );
  const terms = [teiji, meibo, meiboAlias, naitei];
  const unlink = (html: string) => html.replace(/<a href="[^"]*" class="term">([^<]*)<\/a>/g, '$1');

  it('only ever adds links around text: removing them gives the input back', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        expect(unlink(linkFirstUses(html, terms))).toBe(html);
      }),
    );
  });

  it('links each address at most once', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const hrefs = [...linkFirstUses(pieces.join(''), terms).matchAll(/<a href="([^"]*)" class="term">/g)].map((m) => m[1]);
        expect(new Set(hrefs).size).toBe(hrefs.length);
      }),
    );
  });
});

describe('glossary addresses and checks', () => {
  it('builds the anchor and the address of an entry', () => {
    expect(glossaryAnchor('teiji')).toBe('term-teiji');
    expect(glossaryHref('teiji')).toBe('/glossary/#term-teiji');
  });

  it('refuses a written form used by two entries, naming both files', () => {
    const problems = glossaryProblems([
      { file: 'content/glossary/saiyo-kohosha-meibo.md', term: '採用候補者名簿', aliases: ['名簿'] },
      { file: 'content/glossary/meibo.md', term: '名簿', aliases: [] },
      { file: 'content/glossary/teiji.md', term: '提示', aliases: [] },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/glossary/meibo.md');
    expect(problems[0]).toContain('content/glossary/saiyo-kohosha-meibo.md');
    expect(problems[0]).toContain('「名簿」');
  });

  it('accepts distinct forms', () => {
    expect(
      glossaryProblems([
        { file: 'a.md', term: '任期付職員', aliases: ['任期付'] },
        { file: 'b.md', term: '会計年度任用職員', aliases: ['会計年度任用'] },
      ]),
    ).toEqual([]);
  });
});
