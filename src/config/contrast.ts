/**
 * The colour pairs the site's styles draw with a ward's colours (src/styles/global.css, the header, buttons, status
 * badges, links, borders), and their contrast as WCAG 2.2 computes it. A ward's config whose colours fall below
 * 4.5:1 for text or 3:1 for non-text (1.4.3, 1.4.11) does not build: accessible by construction, whatever the colours.
 */

/** The colours that do not come from the config (src/styles/tokens.css). */
export const FIXED_COLOURS = { white: '#ffffff', focusHalo: '#ffbf47' } as const;

/** sRGB relative luminance of #rrggbb (WCAG 2.2, "relative luminance"). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface ColourPair {
  /** The config key the pair depends on (where a problem is reported). */
  key: 'brand' | 'brandDark';
  /** Where the site draws it, in the words of the message. */
  where: string;
  foreground: string;
  background: string;
  /** 4.5 for text, 3 for non-text (borders, badges' edges, decorations that carry meaning). */
  minimum: 4.5 | 3;
}

export interface Colours {
  brand: string;
  brandDark: string;
  accent: string;
}

/** Every pair the styles draw with the config's colours. The accent only decorates (a heading's underline): no pair. */
export const colourPairs = (c: Colours): ColourPair[] => [
  { key: 'brand', where: 'ボタンと募集状況の表示の白い文字', foreground: FIXED_COLOURS.white, background: c.brand, minimum: 4.5 },
  { key: 'brand', where: '白い背景の上の枠線・区切り線', foreground: c.brand, background: FIXED_COLOURS.white, minimum: 3 },
  {
    key: 'brandDark',
    where: 'ヘッダーとボタン（ポインターを重ねたとき）の白い文字',
    foreground: FIXED_COLOURS.white,
    background: c.brandDark,
    minimum: 4.5,
  },
  { key: 'brandDark', where: '白い背景の上のリンクと見出しの文字', foreground: c.brandDark, background: FIXED_COLOURS.white, minimum: 4.5 },
  {
    key: 'brandDark',
    where: 'ヘッダーの上のフォーカスの縁取り（キーボード操作の位置）',
    foreground: FIXED_COLOURS.focusHalo,
    background: c.brandDark,
    minimum: 3,
  },
];

const ratioText = (r: number) => `${(Math.floor(r * 100) / 100).toFixed(2)}:1`;

/** One message per pair below its minimum, naming the pair, its colours and the ratio. */
export function contrastProblems(c: Colours): { key: ColourPair['key']; message: string }[] {
  return colourPairs(c).flatMap((p) => {
    const ratio = contrastRatio(p.foreground, p.background);
    return ratio >= p.minimum
      ? []
      : [
          {
            key: p.key,
            message: `${p.where}（${p.foreground} と ${p.background}）のコントラスト比が ${ratioText(ratio)} です。${p.minimum}:1 以上の色を選んでください`,
          },
        ];
  });
}
