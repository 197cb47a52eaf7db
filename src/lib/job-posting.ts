/**
 * schema.org JobPosting for Google for Jobs: the required properties and the recommended ones the content has.
 * Only for an opening that takes applications today and that this ward itself employs for.
 */
import type { SiteConfig } from '../config/site';
import { endOfDayIso, tokyoIso } from './dates';
import type { Status } from './status';
import { employmentTypes, keyOf } from './taxonomy';

export interface JobForPosting {
  slug: string;
  title: string;
  /** HTML: the duties and the body of the opening. */
  descriptionHtml: string;
  employmentType: string;
  workLocation: string;
  opensOn: string;
  closesOn: string;
  openings?: number | undefined;
  pay: { unit: '月給' | '時給'; min: number; max?: number | undefined };
  /** The rules behind the pay say `sample: true`: search engines must not publish a sample as the pay, so no baseSalary. */
  paySample: boolean;
  apply: { method: 'online' } | { method: 'external'; jointExam: boolean };
  qualifications: string[];
  experienceYears?: number | undefined;
}

export function hasLivePosting(job: Pick<JobForPosting, 'apply'>, status: Status): boolean {
  return status === 'open' && !(job.apply.method === 'external' && job.apply.jointExam);
}

export function jobPosting(job: JobForPosting, status: Status, site: SiteConfig): object | undefined {
  if (!hasLivePosting(job, status)) return undefined;
  const org = site.organisation;
  const url = new URL(`/jobs/${job.slug}/`, site.origin).href;
  const posting: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: job.descriptionHtml,
    identifier: { '@type': 'PropertyValue', name: org.name, value: job.slug },
    datePosted: tokyoIso(job.opensOn),
    validThrough: endOfDayIso(job.closesOn),
    employmentType: [...employmentTypes[keyOf(employmentTypes, job.employmentType)].schemaOrg],
    hiringOrganization: {
      '@type': 'GovernmentOrganization',
      name: org.name,
      // 全国地方公共団体コード: which public body this is, whatever its name is written as.
      identifier: org.code,
      sameAs: org.homepage,
      logo: new URL(org.logo, site.origin).href,
    },
    jobLocation: {
      '@type': 'Place',
      name: job.workLocation,
      address: {
        '@type': 'PostalAddress',
        streetAddress: org.streetAddress,
        addressLocality: org.locality,
        addressRegion: org.region,
        postalCode: org.postalCode,
        addressCountry: 'JP',
      },
    },
    directApply: job.apply.method === 'online',
    url,
  };
  if (!job.paySample)
    posting['baseSalary'] = {
      '@type': 'MonetaryAmount',
      currency: 'JPY',
      value: {
        '@type': 'QuantitativeValue',
        minValue: job.pay.min,
        ...(job.pay.max !== undefined ? { maxValue: job.pay.max } : { value: job.pay.min }),
        unitText: job.pay.unit === '月給' ? 'MONTH' : 'HOUR',
      },
    };
  if (job.openings !== undefined) posting['totalJobOpenings'] = job.openings;
  if (job.experienceYears) {
    posting['experienceRequirements'] = { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: job.experienceYears * 12 };
  }
  if (job.qualifications.length > 0) posting['qualifications'] = job.qualifications.join('、');
  return posting;
}
