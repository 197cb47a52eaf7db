/**
 * The product names no ward: everything that makes the site one ward's comes from src/site.config.ts and content/
 * (issue: any ward can adopt it). Read over every file of src/ and functions/ but the config itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The 23 special wards by name, in kanji and in romaji, Nerima's local government code and its domains. */
const WARDS =
  '千代田|中央区|港区|新宿|文京|台東|墨田|江東|品川|目黒|大田区|世田谷|渋谷|中野区|杉並|豊島|北区|荒川区|板橋|練馬|ねりま|足立区|葛飾|江戸川';
const ROMAJI =
  'chiyoda|chuo-?ku|minato-?ku|shinjuku|bunkyo|taito|sumida|koto-?ku|shinagawa|meguro|ota-?ku|setagaya|shibuya|nakano|suginami|toshima|kita-?ku|arakawa|itabashi|nerima|adachi|katsushika|edogawa';
const PATTERN = new RegExp(`${WARDS}|\\b(${ROMAJI})\\b|131202|city\\.nerima`, 'i');

const CONFIG = 'src/site.config.ts';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe('no ward in the product', () => {
  const product = [...files('src'), ...files('functions')].filter((f) => f !== CONFIG && /\.(ts|tsx|astro|css|mjs|js|json)$/.test(f));

  it('reads the files it should', () => {
    expect(product.length).toBeGreaterThan(100);
    expect(product).toContain('src/i18n/ja.ts');
    expect(product).toContain('functions/index.ts');
  });

  it('has no ward name, code or domain outside the site config', () => {
    const found = product.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (PATTERN.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('would find one (the pattern is not blind)', () => {
    for (const sample of ['練馬区で働く', 'Nerima City', 'www.city.nerima.tokyo.jp', '131202', '江戸川区独自', 'Setagaya'])
      expect(PATTERN.test(sample), sample).toBe(true);
    for (const sample of ['特別区人事委員会', '区民部 戸籍住民課', 'city.example.lg.jp', 'jimu-keiken-2027'])
      expect(PATTERN.test(sample), sample).toBe(false);
  });
});
