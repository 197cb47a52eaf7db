/** The rules in force (content/rules), for the Worker's answer to a checker form posted without JavaScript. */
import type { APIRoute } from 'astro';
import { currentRules } from '../content';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await currentRules()).data), { headers: { 'Content-Type': 'application/json' } });
