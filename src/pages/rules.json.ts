/**
 * The rules in force (content/rules) with the joint exams' calendars (content/exams), for the checker's page script
 * and the Worker's answer to a form posted without JavaScript: both take each route's reference date from them.
 */
import type { APIRoute } from 'astro';
import { currentRules, examCalendars } from '../content';
import type { CheckerRules } from '../lib/eligibility-form';

export const GET: APIRoute = async () => {
  const body: CheckerRules = { ...(await currentRules()).data, examCalendars: await examCalendars() };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
