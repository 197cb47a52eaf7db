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
