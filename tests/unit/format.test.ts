import { describe, expect, it } from 'vitest';
import { formatPay, formatYen } from '../../src/lib/format';

describe('yen', () => {
  it('groups thousands and ends with 円', () => {
    expect(formatYen(215000)).toBe('215,000円');
  });
  it('never uses the full-width yen sign', () => {
    expect(formatYen(1300)).not.toMatch(/[￥¥]/);
  });
  it('writes a monthly range', () => {
    expect(formatPay({ unit: '月給', min: 259000, max: 318000 })).toBe('月給 259,000円〜318,000円');
  });
  it('writes a single hourly figure when there is no maximum', () => {
    expect(formatPay({ unit: '時給', min: 1300 })).toBe('時給 1,300円');
  });
});
