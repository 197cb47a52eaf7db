/**
 * The editor speaks Japanese throughout: every phrase of Decap's English locale has a Japanese one, from Decap's own
 * `ja` or from src/i18n/decap-ja.ts, and ours only fill gaps (they never replace Decap's wording).
 */
import { describe, expect, it } from 'vitest';
import { decapJaAdditions, withPhrases } from '../../src/i18n/decap-ja';

type Phrases = { [key: string]: string | Phrases };
const load = async (locale: string) =>
  ((await import(`../../node_modules/decap-cms-locales/dist/esm/${locale}/index.js`)) as { default: Phrases }).default;

/** Every phrase's dotted key. */
const keys = (p: Phrases, at = ''): string[] =>
  Object.entries(p).flatMap(([k, v]) => (typeof v === 'string' ? [`${at}${k}`] : keys(v, `${at}${k}.`)));

describe("Decap's Japanese, completed", () => {
  it('has a Japanese phrase for every English one', async () => {
    const merged = new Set(keys(withPhrases(await load('ja'), decapJaAdditions)));
    expect(keys(await load('en')).filter((k) => !merged.has(k))).toEqual([]);
  });
  it("adds only what Decap's ja lacks", async () => {
    const ja = new Set(keys(await load('ja')));
    expect(keys(decapJaAdditions).filter((k) => ja.has(k))).toEqual([]);
  });
  it('keeps the placeholders of each English phrase', async () => {
    const en = await load('en');
    // Decap fills this one's %{fieldLabel} with the field's name (closesOn), which a recruiter does not know.
    const leftOut = new Set(['editor.editorWidgets.datetime.setToNow']);
    for (const key of keys(decapJaAdditions).filter((k) => !leftOut.has(k))) {
      const get = (p: Phrases) => key.split('.').reduce<unknown>((v, k) => (v as Phrases)?.[k], p) as string;
      const placeholders = (s: string) => (s.match(/%\{\w+\}/g) ?? []).sort();
      expect(placeholders(get(decapJaAdditions)), key).toEqual(placeholders(get(en)));
    }
  });
});
