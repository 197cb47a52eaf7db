/**
 * /calendar/<sessionId>.ics: one calendar file per internship and event session, built with the site.
 * DTSTAMP is the build's day at 00:00 in Japan, so two builds on the same day produce the same bytes.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { site } from '../../config/site';
import { allEvents, allInternships, buildToday } from '../../content';
import { tokyoIso } from '../../lib/dates';
import { sessionCalendar } from '../../lib/ics';

export const getStaticPaths = (async () =>
  [
    ...(await allInternships()).map((entry) => ({ entry, path: `/internships/${entry.id}/` })),
    ...(await allEvents()).map((entry) => ({ entry, path: `/events/${entry.id}/` })),
  ].flatMap(({ entry, path }) =>
    entry.data.sessions.map((session) => ({
      params: { session: session.id },
      props: { session, title: entry.data.title, url: new URL(path, site.origin).href, summary: entry.data.summary },
    })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(
    sessionCalendar({
      session: props.session,
      title: props.title,
      url: props.url,
      // Most calendar apps do not show the URL property: the page's address is in the description too.
      description: `${props.summary}\n${props.url}`,
      now: new Date(tokyoIso(buildToday)),
    }),
    { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } },
  );
