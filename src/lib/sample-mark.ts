/**
 * While a rules file says `sample: true`, every figure taken from it carries a visible mark, 「（サンプル）」, that links
 * to the page's notice saying what a sample is and where the real figure will come from. The mark is text, not colour,
 * and the same markup everywhere: Astro pages (SampleMark.astro), the checker's result (the page script and the Worker)
 * and Markdown content (markFiguresInHtml). BaseLayout shows the notice on any page whose content carries a mark.
 *
 * Plain strings, no DOM, no Astro: it runs at build, in the browser and in the Worker.
 */
import { sampleCopy } from '../i18n/rules';
import type { Rules } from '../schemas/rules';
import { payFigurePattern } from './format';
import { html as h, type Raw, raw } from './html';

/** The id of the notice every mark links to. */
export const SAMPLE_NOTICE_ID = 'sample-notice';
/** The class of the mark; BaseLayout looks for it to decide whether a page needs the notice. */
export const SAMPLE_MARK_CLASS = 'sample-mark';

/** Where a page's pay figures come from: the rules file in force, whether its figures are samples, and its source. */
export interface FigureSource {
  sample: boolean;
  fiscalYear: number;
  /** The pay source as the file states it, e.g. 「要確認：特別区職員の給与に関する条例…」. */
  source: string;
}

export function payFigureSource(rules: Pick<Rules, 'sample' | 'fiscalYear' | 'pay'>): FigureSource {
  return { sample: rules.sample, fiscalYear: rules.fiscalYear, source: rules.pay.source };
}

/** The mark itself: a link to the notice, so that its explanation is one step away for every reader. */
export function sampleMarkHtml(): string {
  return `<a class="${SAMPLE_MARK_CLASS}" href="#${SAMPLE_NOTICE_ID}">${sampleCopy.mark}</a>`;
}

/** The notice the marks link to: what a sample is, and where the real figures will come from. */
export function sampleNoticeHtml(figures: FigureSource): string {
  const source = figures.source.replace(/^要確認[：:]\s*/, '');
  return h`<p class="notice sample-notice" id="${SAMPLE_NOTICE_ID}">${sampleCopy.notice}${sampleCopy.source(source)}</p>`.html;
}

/** Plain text as HTML, with the mark after each pay figure in it when the figures are samples. */
export function markFigures(text: string, sample: boolean): Raw {
  if (!sample) return h`${text}`;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(payFigurePattern)) {
    const end = (m.index ?? 0) + m[0].length;
    out += h`${text.slice(last, end)}`.html + sampleMarkHtml();
    last = end;
  }
  return raw(out + h`${text.slice(last)}`.html);
}

/** Elements whose text is left alone: a figure inside a link or code is not prose. */
const SKIP = new Set(['a', 'script', 'style', 'code', 'pre', 'textarea', 'title']);

/**
 * HTML (rendered Markdown) with the mark after each pay figure in its text, when the figures are samples. Tags and
 * attributes are never changed; a figure already followed by a mark is not marked twice.
 */
export function markFiguresInHtml(html: string, sample: boolean): string {
  if (!sample) return html;
  const open: string[] = [];
  const markTag = `<a class="${SAMPLE_MARK_CLASS}"`;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_all, tag: string | undefined, text: string | undefined, at: number) => {
    if (tag !== undefined) {
      const m = /^<(\/)?([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
      const name = m?.[2]?.toLowerCase();
      if (name && SKIP.has(name)) {
        const i = open.lastIndexOf(name);
        if (m?.[1]) {
          if (i >= 0) open.splice(i, 1);
        } else if (!tag.endsWith('/>')) open.push(name);
      }
      return tag;
    }
    if (text === undefined || open.length > 0) return text ?? '';
    const markedAlready = html.startsWith(markTag, at + text.length);
    return text.replace(payFigurePattern, (figure, i: number) =>
      markedAlready && i + figure.length === text.length ? figure : figure + sampleMarkHtml(),
    );
  });
}
