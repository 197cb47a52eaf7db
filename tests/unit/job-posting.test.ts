import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site';
import { type JobForPosting, jobPosting } from '../../src/lib/job-posting';

const job: JobForPosting = {
  slug: 'ict-keiken',
  title: 'ICT・DX（経験者採用）',
  descriptionHtml: '<p>区のDXを進めます。</p>',
  employmentType: '常勤（任期の定めなし）',
  workLocation: '練馬区役所本庁舎',
  opensOn: '2026-11-16',
  closesOn: '2026-12-21',
  openings: 3,
  pay: { unit: '月給', min: 259000, max: 318000 },
  paySample: false,
  apply: { method: 'online' },
  qualifications: [],
  experienceYears: 4,
};

describe('JobPosting', () => {
  const posting = jobPosting(job, 'open', site) as Record<string, any>;

  it('carries every property Google for Jobs requires', () => {
    for (const key of ['title', 'description', 'datePosted', 'hiringOrganization', 'jobLocation', '@context', '@type']) {
      expect(posting).toHaveProperty(key);
    }
    expect(posting['jobLocation'].address.addressCountry).toBe('JP');
  });
  it('ends validThrough at the end of the closing day in Japan', () => {
    expect(posting['validThrough']).toBe('2026-12-21T23:59:59+09:00');
    expect(posting['datePosted']).toBe('2026-11-16T00:00:00+09:00');
  });
  it('states monthly pay in yen from the content', () => {
    expect(posting['baseSalary']).toEqual({
      '@type': 'MonetaryAmount',
      currency: 'JPY',
      value: { '@type': 'QuantitativeValue', minValue: 259000, maxValue: 318000, unitText: 'MONTH' },
    });
  });
  it('leaves the pay out while the rules behind it are samples, so that search engines never publish a sample as pay', () => {
    const p = jobPosting({ ...job, paySample: true }, 'open', site) as Record<string, unknown>;
    expect(p).not.toHaveProperty('baseSalary');
    expect(p).toHaveProperty('title', job.title);
  });
  it('maps the employment type and marks direct application on this site', () => {
    expect(posting['employmentType']).toEqual(['FULL_TIME']);
    expect(posting['directApply']).toBe(true);
    expect(posting['totalJobOpenings']).toBe(3);
    expect(posting['experienceRequirements'].monthsOfExperience).toBe(48);
  });
  it('states hourly pay as HOUR and part-time work as PART_TIME', () => {
    const p = jobPosting(
      { ...job, employmentType: '会計年度任用（パートタイム）', pay: { unit: '時給', min: 1300 } },
      'open',
      site,
    ) as Record<string, any>;
    expect(p['baseSalary'].value).toEqual({ '@type': 'QuantitativeValue', minValue: 1300, value: 1300, unitText: 'HOUR' });
    expect(p['employmentType']).toEqual(['PART_TIME', 'TEMPORARY']);
  });
  it('is absent when the opening is closed or not yet open', () => {
    expect(jobPosting(job, 'closed', site)).toBeUndefined();
    expect(jobPosting(job, 'upcoming', site)).toBeUndefined();
  });
  it('is absent for the special wards’ joint exam, whose employer is decided later', () => {
    expect(jobPosting({ ...job, apply: { method: 'external', jointExam: true } }, 'open', site)).toBeUndefined();
  });
  it('is not direct apply for an opening applied for elsewhere', () => {
    const p = jobPosting({ ...job, apply: { method: 'external', jointExam: false } }, 'open', site) as Record<string, any>;
    expect(p['directApply']).toBe(false);
  });
});
