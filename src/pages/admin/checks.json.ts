/**
 * What the recruiters' editor checks an entry against before it saves (src/scripts/cms-setup.ts): the rules in force
 * and the joint exams' calendars, read exactly as the build reads them, and every session id already used, with its
 * file. Built with the site; public data only (the same rules and calendars as /rules.json, and ids that are in URLs).
 */
import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';
import type { EditorData } from '../../lib/cms-checks';
import { readExamCalendars } from '../../lib/exam-calendar-files';
import { readRulesInForce } from '../../lib/rules-files';

export const GET: APIRoute = async () => {
  const owners = [...(await getCollection('internships')), ...(await getCollection('events'))];
  const body: EditorData = {
    rules: readRulesInForce(),
    calendars: readExamCalendars(),
    sessions: owners.flatMap((e) => e.data.sessions.map((s) => ({ file: e.filePath ?? e.id, id: s.id }))),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
