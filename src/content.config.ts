/**
 * Collections: where each one's Markdown lives. The fields and their rules are in ./schemas/content.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { contentSchemas } from './schemas/content';
import { rulesSchema } from './schemas/rules';

/** Markdown files of one folder; files starting with _ (templates) are never published. */
const markdown = (dir: string) => glob({ base: `./content/${dir}`, pattern: '**/[^_]*.md' });

const schema = contentSchemas({ stories: reference('stories'), pillars: reference('pillars') });

export const collections = {
  jobs: defineCollection({ loader: markdown('jobs'), schema: schema.jobs }),
  internships: defineCollection({ loader: markdown('internships'), schema: schema.internships }),
  events: defineCollection({ loader: markdown('events'), schema: schema.events }),
  stories: defineCollection({ loader: markdown('stories'), schema: schema.stories }),
  pillars: defineCollection({ loader: file('./content/plan/pillars.yaml'), schema: schema.pillars }),
  initiatives: defineCollection({ loader: markdown('plan/initiatives'), schema: schema.initiatives }),
  faq: defineCollection({ loader: markdown('faq'), schema: schema.faq }),
  pages: defineCollection({ loader: markdown('pages'), schema: schema.pages }),
  /** Eligibility and pay rules, one YAML file per fiscal year (content/rules/2026.yaml). */
  rules: defineCollection({ loader: glob({ base: './content/rules', pattern: '[^_]*.yaml' }), schema: rulesSchema }),
};
