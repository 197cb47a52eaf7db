import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { site } from '../../config/site';
import { allJobs, jobStatus } from '../../content';
import { jobsCopy } from '../../i18n/ja';
import { tokyoIso } from '../../lib/dates';

/** Openings that are open or about to open, newest first. */
export const GET: APIRoute = async () => {
  const jobs = (await allJobs()).filter((j) => jobStatus(j) !== 'closed').sort((a, b) => b.data.opensOn.localeCompare(a.data.opensOn));
  return rss({
    title: `${jobsCopy.rssTitle}｜${site.siteName}`,
    description: site.siteDescription,
    site: site.origin,
    customData: '<language>ja</language>',
    items: jobs.map((job) => ({
      title: job.data.title,
      link: `/jobs/${job.id}/`,
      description: job.data.summary,
      pubDate: new Date(tokyoIso(job.data.opensOn)),
      categories: [job.data.hiringType, job.data.jobFamily],
    })),
  });
};
