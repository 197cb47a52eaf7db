/**
 * What the Worker needs to judge a submission, built from the same Markdown as the pages:
 * each opening's window and way to apply, each session's seats and deadline. Public facts only.
 */
import type { APIRoute } from 'astro';
import { allEvents, allInternships, allJobs, buildToday } from '../content';
import type { Catalog } from '../lib/catalog';

export const GET: APIRoute = async () => {
  const catalog: Catalog = {
    builtOn: buildToday,
    jobs: Object.fromEntries(
      (await allJobs()).map((j) => [
        j.id,
        {
          title: j.data.title,
          opensOn: j.data.opensOn,
          closesOn: j.data.closesOn,
          hiringType: j.data.hiringType,
          jobFamily: j.data.jobFamily,
          employmentType: j.data.employmentType,
          applyOnline: j.data.apply.method === 'online',
          selection: j.data.selection,
        },
      ]),
    ),
    sessions: Object.fromEntries(
      [
        ...(await allInternships()).map((e) => ({ e, url: `/internships/${e.id}/` })),
        ...(await allEvents()).map((e) => ({ e, url: `/events/${e.id}/` })),
      ].flatMap(({ e, url }) =>
        e.data.sessions.map((s) => [
          s.id,
          {
            title: e.data.title,
            url,
            summary: e.data.summary,
            dates: s.dates,
            startTime: s.startTime,
            endTime: s.endTime,
            place: s.place,
            capacity: s.capacity,
            waitlist: s.waitlist,
            registrationClosesOn: s.registrationClosesOn,
            claimHours: s.claimHours,
          },
        ]),
      ),
    ),
  };
  return new Response(JSON.stringify(catalog), { headers: { 'Content-Type': 'application/json' } });
};
