/**
 * The ward's site config (src/site.config.ts), validated, with the schema's defaults filled in: what the build and the
 * Worker read. Importing this stops a build or a Worker start whose config has a mistake, naming the file and the key.
 */
import input from '../site.config';
import { defineSiteConfig, type SiteConfig } from './site-schema';

export type { SiteConfig };

export const site: SiteConfig = defineSiteConfig(input);
