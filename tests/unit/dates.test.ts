import { describe, expect, it } from 'vitest';
import { daysBetween, endOfDayIso, formatDate, formatDateBoth, formatWareki, todayInTokyo } from '../../src/lib/dates';
import { isOpenOn, statusOn } from '../../src/lib/status';

describe('todayInTokyo', () => {
  it('is already the next day in Japan at 15:00 UTC', () => {
    expect(todayInTokyo(new Date('2026-12-20T15:00:00Z'))).toBe('2026-12-21');
  });
  it('is still the same day in Japan one second earlier', () => {
    expect(todayInTokyo(new Date('2026-12-20T14:59:59Z'))).toBe('2026-12-20');
  });
});

describe('deadlines as calendar days in Japan', () => {
  const window = { opensOn: '2026-12-01', closesOn: '2026-12-20' };
  it('keeps an opening open through the last minute of its closing day, JST', () => {
    expect(isOpenOn(window, todayInTokyo(new Date('2026-12-20T14:59:59Z')))).toBe(true);
  });
  it('closes it at midnight JST', () => {
    expect(statusOn(window, todayInTokyo(new Date('2026-12-20T15:00:00Z')))).toBe('closed');
  });
  it('is upcoming before its first day and opens at midnight JST', () => {
    expect(statusOn(window, todayInTokyo(new Date('2026-11-30T14:59:59Z')))).toBe('upcoming');
    expect(statusOn(window, todayInTokyo(new Date('2026-11-30T15:00:00Z')))).toBe('open');
  });
  it('states the end of the closing day with the +09:00 offset', () => {
    expect(endOfDayIso('2026-12-20')).toBe('2026-12-20T23:59:59+09:00');
    expect(new Date(endOfDayIso('2026-12-20')).toISOString()).toBe('2026-12-20T14:59:59.000Z');
  });
});

describe('date formatting', () => {
  // 2026-12-20 is a Sunday; 令和 began on 2019-05-01, so 2026 is 令和8年 and 2027 is 令和9年.
  it('writes the western date with the weekday in full-width brackets', () => {
    expect(formatDate('2026-12-20')).toBe('2026年12月20日（日）');
  });
  it('writes 和暦 with the western year beside it', () => {
    expect(formatWareki('2026-12-20')).toBe('令和8年（2026年）12月20日');
    expect(formatWareki('1966-04-02')).toBe('昭和41年（1966年）4月2日');
  });
  it('writes the first year of an era as 元年', () => {
    expect(formatWareki('2019-05-01')).toBe('令和元年（2019年）5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年（2019年）4月30日');
  });
  it('writes both with the era year beside the western year, the weekday last, and no half-width bracket', () => {
    const both = formatDateBoth('2027-01-10'); // a Sunday
    expect(both).toBe('2027年（令和9年）1月10日（日）');
    expect(both).not.toMatch(/[()]/);
  });
  it('writes the first year of an era in both as 元年', () => {
    expect(formatDateBoth('2019-05-01')).toBe('2019年（令和元年）5月1日（水）');
  });
  it('counts days across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});
