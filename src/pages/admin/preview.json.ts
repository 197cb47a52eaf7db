/**
 * What the editor's preview pane (src/scripts/cms-preview.ts) draws with the site's own components, rendered here at
 * build: a component's markup carries its scoped-style attribute (data-astro-cid-…), which only the build knows, so
 * the pane's status badges take the site's stylesheet exactly as the pages' do.
 */
import type { APIRoute } from 'astro';
import { experimental_AstroContainer } from 'astro/container';
import StatusBadge from '../../components/StatusBadge.astro';
import type { PreviewParts } from '../../lib/cms-preview';
import type { Status } from '../../lib/status';

export const GET: APIRoute = async () => {
  const container = await experimental_AstroContainer.create();
  const badge = (status: Status) => container.renderToString(StatusBadge, { props: { status } });
  const body: PreviewParts = {
    badges: { upcoming: await badge('upcoming'), open: await badge('open'), closed: await badge('closed') },
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
