/**
 * Collections: where each one's Markdown lives. The fields and their rules are in ./schemas/content.ts.
 */

import { defineCollection, reference } from 'astro:content';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import {
  assertNoProblems,
  duplicateSessionIds,
  impossibleDateProblems,
  initiativeNumberProblems,
  type SessionOwner,
  workedExampleProblems,
} from './lib/content-checks';
import { readExamCalendars } from './lib/exam-calendar-files';
import { glossaryProblems } from './lib/glossary-links';
import { type InitiativeCell, sharedCellProblems } from './lib/plan-checks';
import { readRulesInForce } from './lib/rules-files';
import { contentSchemas } from './schemas/content';
import { examCalendarSchema } from './schemas/exam-calendar';
import { type Rules, rulesSchema } from './schemas/rules';

/**
 * A loader whose files (`path`: a file, or a folder's Markdown and YAML files but the templates) are first searched for
 * unquoted dates that do not exist: YAML rolls 2026-02-30 over into 2 March before the schema sees it, which would
 * then pass or fail for the wrong reason. Stops with the file, the field and the line.
 */
function realDates(loader: Loader, path: string): Loader {
  return {
    ...loader,
    load: async (context) => {
      const at = (f: string) => new URL(f, context.config.root);
      const files = statSync(at(path)).isDirectory()
        ? readdirSync(at(path), { recursive: true, encoding: 'utf8' })
            .filter((f) => /\.(md|ya?ml)$/.test(f) && !basename(f).startsWith('_'))
            .map((f) => `${path}/${f.split(sep).join('/')}`)
        : [path];
      assertNoProblems(files.flatMap((f) => impossibleDateProblems(f, readFileSync(at(f), 'utf8'))));
      await loader.load(context);
    },
  };
}

/** Markdown files of one folder; files starting with _ (templates) are never published. */
const markdown = (dir: string) => realDates(glob({ base: `./content/${dir}`, pattern: '**/[^_]*.md' }), `content/${dir}`);

type Loaded = { id: string; filePath?: string | undefined; data: Record<string, unknown> };

/** A loader that, once its collection is loaded and parsed, runs a cross-file check (in astro sync, dev and build). */
function checked(loader: Loader, check: (entries: Loaded[]) => void): Loader {
  return {
    ...loader,
    load: async (context) => {
      await loader.load(context);
      check([...context.store.values()]);
    },
  };
}

/** Sessions of internships and events share one id space: checked once both collections have loaded. */
const sessionOwners = new Map<string, SessionOwner[]>();
const recordSessions = (collection: string) => (entries: Loaded[]) => {
  sessionOwners.set(
    collection,
    entries.map((e) => ({ file: e.filePath ?? e.id, sessions: e.data['sessions'] as { id: string }[] })),
  );
  if (sessionOwners.size === 2) assertNoProblems(duplicateSessionIds([...sessionOwners.values()].flat()));
};
/** A written form (term or alias) of the published glossary belongs to one entry only. */
const glossaryForms = (entries: Loaded[]) =>
  assertNoProblems(
    glossaryProblems(
      entries
        .filter((e) => e.data['draft'] !== true)
        .map((e) => ({ file: e.filePath ?? e.id, term: e.data['term'] as string, aliases: e.data['aliases'] as string[] })),
    ),
  );
/** Each rules file's worked examples (モデル給与), reproduced to the yen by its pay rules. */
const checkRules = (entries: Loaded[]) => {
  assertNoProblems(entries.flatMap((e) => workedExampleProblems(e.data as Rules, e.filePath ?? e.id)));
};
const initiativeNumbers = (entries: Loaded[]) => {
  assertNoProblems(initiativeNumberProblems(entries.map((e) => ({ file: e.filePath ?? e.id, number: e.data['number'] as number }))));
  assertNoProblems(
    sharedCellProblems(
      entries.map((e) => {
        const d = e.data as Omit<InitiativeCell, 'file' | 'pillar'> & { pillar: { id: string } };
        return { ...d, file: e.filePath ?? e.id, pillar: d.pillar.id };
      }),
    ),
  );
};

/**
 * Read before the openings are parsed: a joint-exam opening takes its dates from the joint exams' calendars, an
 * opening of a route its required years and pay range from the rules in force.
 */
const calendars = readExamCalendars();
const rules = readRulesInForce();
const schema = contentSchemas({ stories: reference('stories'), pillars: reference('pillars'), calendars, rules });

export const collections = {
  jobs: defineCollection({ loader: markdown('jobs'), schema: schema.jobs }),
  internships: defineCollection({ loader: checked(markdown('internships'), recordSessions('internships')), schema: schema.internships }),
  events: defineCollection({ loader: checked(markdown('events'), recordSessions('events')), schema: schema.events }),
  stories: defineCollection({ loader: markdown('stories'), schema: schema.stories }),
  pillars: defineCollection({
    loader: realDates(file('./content/plan/pillars.yaml'), 'content/plan/pillars.yaml'),
    schema: schema.pillars,
  }),
  initiatives: defineCollection({ loader: checked(markdown('plan/initiatives'), initiativeNumbers), schema: schema.initiatives }),
  /** The plan's first chapter, one YAML document (content/plan/overview.yaml): one entry, id 'overview'. */
  planOverview: defineCollection({
    loader: file('./content/plan/overview.yaml', { parser: (text) => [{ id: 'overview', ...(parseYaml(text) as object) }] }),
    schema: schema.planOverview,
  }),
  faq: defineCollection({ loader: markdown('faq'), schema: schema.faq }),
  pages: defineCollection({ loader: markdown('pages'), schema: schema.pages }),
  glossary: defineCollection({ loader: checked(markdown('glossary'), glossaryForms), schema: schema.glossary }),
  /** The joint exams' calendar, one YAML file per fiscal year of the exam days (content/exams/2027.yaml). */
  exams: defineCollection({
    loader: realDates(glob({ base: './content/exams', pattern: '[^_]*.yaml' }), 'content/exams'),
    schema: examCalendarSchema,
  }),
  /** Eligibility and pay rules, one YAML file per fiscal year (content/rules/2026.yaml). */
  rules: defineCollection({
    loader: checked(realDates(glob({ base: './content/rules', pattern: '[^_]*.yaml' }), 'content/rules'), checkRules),
    schema: rulesSchema,
  }),
};
