/**
 * The recruiters' web editor's configuration (Decap CMS reads /admin/config.yml), built from the content
 * schemas by src/lib/cms-config.ts. The production repository and the OAuth helper come from the build's
 * environment (docs/cms-production.md); without them the editor still works locally (decap-server).
 */

import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';
import { site } from '../../config/site';
import { currentRules, examCalendars } from '../../content';
import { cmsConfig, configYaml, examChoices, routeChoices } from '../../lib/cms-config';

/** A build variable: from .env (import.meta.env) or the shell (process.env). */
const env = (name: string): string | undefined => (import.meta.env[name] as string | undefined) || process.env[name] || undefined;

/** Written in config.yml until CMS_GITHUB_REPO is set: production sign-in fails with "repo not found". */
const REPO_PLACEHOLDER = 'your-org/careers-site';

export const GET: APIRoute = async () => {
  const pillars = (await getCollection('pillars')).map((p) => ({ id: p.id, number: p.data.number, title: p.data.title }));
  const config = cmsConfig({
    repo: env('CMS_GITHUB_REPO') ?? REPO_PLACEHOLDER,
    // The production repository: changes go live through a reviewed pull request the build has passed (decision 0014).
    reviewBeforePublishing: env('CMS_GITHUB_REPO') !== undefined,
    branch: env('CMS_GITHUB_BRANCH') ?? 'main',
    authBaseUrl: env('CMS_AUTH_BASE_URL'),
    authEndpoint: env('CMS_AUTH_ENDPOINT'),
    siteUrl: site.origin,
    // Another port for decap-server, e.g. when 8081 is taken (the CMS end-to-end test uses one of its own).
    localBackendUrl: env('CMS_LOCAL_BACKEND_URL'),
    logo: site.organisation.logo,
    pillars,
    routes: routeChoices((await currentRules()).data),
    exams: examChoices(await examCalendars()),
  });
  const header = '# Generated at build from src/schemas/content.ts by src/lib/cms-config.ts: edit those, not this file.\n';
  return new Response(header + configYaml(config), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
