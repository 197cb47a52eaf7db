/**
 * What "a sample mark beside every sample figure" means to the tests: HTML cut into its smallest blocks (a paragraph, a
 * list item, a table row, a description, a heading…); each block whose text has a pay figure must carry the mark.
 * A figure is what the site writes (payFigurePattern in src/lib/format.ts, itself checked against the formatters).
 */
import { payFigurePattern } from '../src/lib/format';

const BLOCK =
  /<\/?(?:p|li|tr|dd|dt|caption|h[1-6]|div|section|article|aside|ul|ol|dl|table|thead|tbody|main|header|footer|nav|details|summary|blockquote|figure|figcaption|form|fieldset|legend|body)\b[^>]*>/gi;
const MARK_TEXT = '<a class="sample-mark" href="#sample-notice">（サンプル）</a>';
const MARK = new RegExp(MARK_TEXT, 'g');

/** Each figure of `html` whose block carries no mark, with the block's text to say where it is. */
export function unmarkedFigures(html: string): string[] {
  const code = /<(script|style|template)\b[\s\S]*?<\/\1>/gi;
  return html
    .replace(code, '')
    .split(BLOCK)
    .flatMap((block) => {
      const text = block.replace(MARK, '').replace(/<[^>]*>/g, '');
      const figures = text.match(payFigurePattern) ?? [];
      return figures.length > 0 && !block.includes(MARK_TEXT) ? figures.map((f) => `${f}（${text.trim().slice(0, 80)}）`) : [];
    });
}

/** How many marks `html` carries. */
export const markCount = (html: string) => html.match(MARK)?.length ?? 0;
