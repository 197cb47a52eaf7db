/** The ward's colours are accessible by construction (src/config/contrast.ts, checked when the config is read). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourPairs, contrastProblems, contrastRatio, FIXED_COLOURS } from '../../src/config/contrast';
import { siteConfigProblems, siteConfigSchema } from '../../src/config/site-schema';
import input from '../../src/site.config';

const FILE = 'src/site.config.ts';

describe('contrast as WCAG 2.2 computes it', () => {
  it('gives the published figures', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The usual threshold grey: #767676 on white is just above 4.5:1, #777777 just below.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
  });
});

describe("a ward's colours", () => {
  it("pass for Nerima's config and for the neutral defaults", () => {
    expect(contrastProblems(input.colours)).toEqual([]);
    const defaults = siteConfigSchema.shape.colours.parse(undefined);
    expect(contrastProblems(defaults)).toEqual([]);
  });

  it('stop the config with the key, the pair and the ratio when text would be hard to read (a border of it would pass)', () => {
    const pale = { ...input, colours: { ...input.colours, brand: '#3a9a4a' } };
    const problems = siteConfigProblems(pale, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^src\/site\.config\.ts: colours\.brand: ボタンと募集状況の表示の白い文字（#ffffff と #3a9a4a）のコントラスト比が 3\.55:1 です。4\.5:1 以上の色を選んでください$/,
    );
  });

  it('stop it for non-text at 3:1: a light dark shade fails its link text and its focus halo', () => {
    const keys = contrastProblems({ ...input.colours, brandDark: '#e0e0e0' }).map((p) => p.key);
    expect(keys).toEqual(['brandDark', 'brandDark', 'brandDark']);
    // Exactly at the limits passes: a pair is refused only below its minimum.
    for (const pair of colourPairs(input.colours)) expect(pair.minimum === 4.5 || pair.minimum === 3).toBe(true);
  });

  it('are the only brand colours: tokens.css declares none of its own, and its fixed ones are those checked', () => {
    const tokens = readFileSync('src/styles/tokens.css', 'utf8');
    expect(tokens).not.toMatch(/--color-(brand|brand-dark|accent|open)\s*:/);
    expect(tokens).toContain(`--color-focus: ${FIXED_COLOURS.focusHalo};`);
  });

  it('reach the built stylesheet from the config', () => {
    const css = readdirSync('dist/_astro').filter((f) => f.endsWith('.css'));
    const all = css.map((f) => readFileSync(`dist/_astro/${f}`, 'utf8')).join('\n');
    expect(all).toContain(`--color-brand:${input.colours.brand}`);
    expect(all).toContain(`--color-brand-dark:${input.colours.brandDark}`);
  });
});
