/** Yen as a ward writes it: 215,000円 (not the full-width ￥). */
export function formatYen(amount: number): string {
  return `${new Intl.NumberFormat('ja-JP').format(amount)}円`;
}

export interface PayRange {
  unit: '月給' | '時給';
  min: number;
  max?: number | undefined;
}

/** 月給 215,000円〜320,000円, or 時給 1,300円 */
export function formatPay(pay: PayRange): string {
  const range = pay.max && pay.max !== pay.min ? `${formatYen(pay.min)}〜${formatYen(pay.max)}` : formatYen(pay.min);
  return `${pay.unit} ${range}`;
}

const yenPattern = String.raw`(?:\d+万(?:\d{1,3}(?:,\d{3})*)?|\d{1,3}(?:,\d{3})*)円`;
/**
 * A pay figure as the site writes one: yen as formatYen writes them (238,680円) or in 万 (23万8,680円), a range of
 * them as one figure (238,680円〜366,360円), or months of pay with decimals (4.55月, 年4.55月分, 4.55か月分).
 * Whole months (6月・12月) are dates, not figures.
 */
export const payFigurePattern = new RegExp(`${yenPattern}(?:〜${yenPattern})?|\\d+\\.\\d+(?:か|ヶ|ヵ)?月分?`, 'g');
