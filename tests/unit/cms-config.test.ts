/**
 * The web editor's forms (src/lib/cms-config.ts) against the content schemas: for every collection and every
 * field, the editor has a widget with the same required/optional, limits, choices and defaults. Expectations
 * come from walking the zod schema objects themselves (shape, isOptional(), enum options, lengths, ranges),
 * not from the JSON Schema export the config is built from; the choices are also checked against
 * src/lib/taxonomy.ts. The YAML writer that serves the config is checked on its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  CMS_EXTRA_FIELDS,
  CMS_LOCAL_BACKEND_URL,
  CMS_NOT_EDITED,
  cmsConfig,
  configYaml,
  type DecapCollection,
  type DecapConfig,
  type DecapField,
  examChoices,
  routeChoices,
} from '../../src/lib/cms-config';
import { readExamCalendars } from '../../src/lib/exam-calendar-files';
import { readRulesInForce } from '../../src/lib/rules-files';
import { employmentTypes, eventKinds, faqCategories, hiringTypes, jobFamilies, sessionFormats } from '../../src/lib/taxonomy';
import { calendarDate, clockTime } from '../../src/schemas/common';
import { contentSchemas } from '../../src/schemas/content';

/** The plan's pillars as content/plan/pillars.yaml keys them (top-level keys, each with a number and a title). */
function pillarsOnDisk() {
  const text = readFileSync('content/plan/pillars.yaml', 'utf8');
  return [...text.matchAll(/^([a-z][a-z0-9-]*):\n {2}number: (\d+)\n {2}title: (.+)$/gm)].map((m) => ({
    id: m[1] ?? '',
    number: Number(m[2]),
    title: m[3] ?? '',
  }));
}
const pillars = pillarsOnDisk();

/** The routes of the rules in force and the joint exams of content/exams, as the build hands them to the editor. */
const routes = routeChoices(readRulesInForce().rules);
const exams = examChoices(readExamCalendars());
/** The config the build writes for the test repository, with what a test changes. */
const configWith = (more: Partial<Parameters<typeof cmsConfig>[0]> = {}) =>
  cmsConfig({ repo: 'ward/site', branch: 'main', siteUrl: 'https://example.jp', pillars, routes, exams, ...more });
const config = configWith();

/** Reference placeholders of our own, told apart by identity. */
const storyRef = z.string();
const pillarRef = z.string();
const schemas = contentSchemas({ stories: storyRef, pillars: pillarRef });

const folderCollections = ['jobs', 'internships', 'events', 'stories', 'faq', 'glossary', 'pages', 'initiatives'] as const;

const collection = (name: string): DecapCollection => {
  const found = config.collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
};

// --- Reading zod schemas -------------------------------------------------------------------------------

type Check = { _zod: { def: { check: string; minimum?: number; maximum?: number; format?: string; pattern?: RegExp } } };
const checksOf = (t: z.ZodType): Check['_zod']['def'][] => ((t._zod.def as { checks?: Check[] }).checks ?? []).map((c) => c._zod.def);

/** Optional and default wrappers off: the type a recruiter writes. */
function unwrap(t: z.ZodType): z.ZodType {
  if (t instanceof z.ZodOptional || t instanceof z.ZodDefault) return unwrap(t.unwrap() as z.ZodType);
  return t;
}

const hasDefault = (t: z.ZodType): boolean =>
  t instanceof z.ZodDefault || (t instanceof z.ZodOptional && hasDefault(t.unwrap() as z.ZodType));

/** A Decap pattern as the browser runs it. */
const matches = (field: DecapField, value: string) => (field.pattern ? new RegExp(field.pattern[0]).test(value) : true);

/** Optional in the schema: may be left out (zod's `isOptional()`, without its deprecated signature). */
const isOptional = (t: z.ZodType) => t.safeParse(undefined).success;

function expectField(t: z.ZodType, field: DecapField | undefined, path: string, required = !isOptional(t)) {
  expect(field, `${path}: a widget`).toBeDefined();
  if (!field) return;
  expect(field.label, `${path}: a label`).toMatch(/\S/);
  expect(field.label, `${path}: a Japanese label, not the field name`).not.toBe(field.name);
  expect(field.required, `${path}: required`).toBe(required);
  if (hasDefault(t)) expect(field.default, `${path}: default`).toEqual(t.parse(undefined));
  else expect(field.default, `${path}: no default`).toBeUndefined();

  const inner = unwrap(t);
  if (inner === calendarDate) {
    expect(field, path).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false });
    return;
  }
  if (inner === clockTime) {
    expect(field, path).toMatchObject({ widget: 'datetime', format: 'HH:mm', time_format: 'HH:mm', date_format: false });
    return;
  }
  if (inner === pillarRef) {
    expect(field.widget, path).toBe('select');
    expect(
      field.options?.map((o) => (typeof o === 'string' ? o : o.value)),
      path,
    ).toEqual(pillars.map((p) => p.id));
    return;
  }
  if (path === 'exam.id') {
    // A choice among the calendars' exams (checked below).
    expect(field.widget, path).toBe('select');
    return;
  }
  if (path === 'route') {
    // A choice among the rules' routes (checked below): the schema takes any id, and refuses one the rules lack.
    expect(field.widget, path).toBe('select');
    return;
  }
  if (inner instanceof z.ZodEnum) {
    expect(field.widget, path).toBe('select');
    expect(
      field.options?.map((o) => (typeof o === 'string' ? o : o.value)),
      path,
    ).toEqual(inner.options);
    return;
  }
  if (inner instanceof z.ZodURL) {
    expect(field.widget, path).toBe('string');
    expect(matches(field, 'https://www.example.jp/a'), path).toBe(true);
    expect(matches(field, 'www.example.jp'), path).toBe(false);
    return;
  }
  if (inner instanceof z.ZodString) {
    expect(['string', 'text'], path).toContain(field.widget);
    const regex = checksOf(inner).find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
    if (regex) {
      expect(field.pattern?.[0], `${path}: the schema's pattern`).toBe(regex.source);
      return;
    }
    const max = inner.maxLength;
    const min = inner.minLength ?? 0;
    if (max !== null) {
      expect(matches(field, 'あ'.repeat(max)), `${path}: ${max} characters pass`).toBe(true);
      expect(matches(field, 'あ'.repeat(max + 1)), `${path}: ${max + 1} characters are refused`).toBe(false);
      // A list names its items' limit once, in its own hint (checked below).
      if (!path.endsWith('[]')) expect(field.hint, `${path}: the hint names the limit`).toContain(`${max}文字以内`);
      if (max > 200) expect(field.widget, `${path}: a text area for long text`).toBe('text');
    }
    // Text is trimmed before its length is checked: blanks alone are not text.
    if (min >= 1) expect(matches(field, '   '), `${path}: blanks are refused`).toBe(false);
    return;
  }
  if (inner instanceof z.ZodNumber) {
    expect(field.widget, path).toBe('number');
    expect(field.value_type, path).toBe(inner.format === 'safeint' ? 'int' : 'float');
    const bounded = (n: number | null) => (n !== null && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
    expect(field.min, `${path}: min`).toBe(bounded(inner.minValue));
    expect(field.max, `${path}: max`).toBe(bounded(inner.maxValue));
    return;
  }
  if (inner instanceof z.ZodBoolean) {
    expect(field.widget, path).toBe('boolean');
    return;
  }
  if (inner instanceof z.ZodArray) {
    const minItems = checksOf(inner).find((c) => c.check === 'min_length')?.minimum;
    expect(field.min, `${path}: fewest items`).toBe(minItems);
    const element = inner.element as z.ZodType;
    if (element === storyRef) {
      expect(field, path).toMatchObject({ widget: 'relation', collection: 'stories', multiple: true, value_field: '{{slug}}' });
      return;
    }
    expect(field.widget, path).toBe('list');
    if (element instanceof z.ZodObject) expectObject(element, field.fields ?? [], path);
    else {
      expectField(element, field.field, `${path}[]`, true);
      const itemMax = element instanceof z.ZodString ? element.maxLength : null;
      if (itemMax !== null) expect(field.hint, `${path}: the hint names the items' limit`).toContain(`${itemMax}文字以内`);
    }
    return;
  }
  if (inner instanceof z.ZodObject) {
    expect(field.widget, path).toBe('object');
    expectObject(inner, field.fields ?? [], path, [], !required);
    return;
  }
  if (inner instanceof z.ZodDiscriminatedUnion) {
    expectUnion(inner, field, path);
    return;
  }
  throw new Error(`${path}: the test does not know ${inner.constructor.name}; teach it, and the config`);
}

/** Every field of the object has its widget, and the form has no field the schema lacks. */
/** Inside an optional object, nothing is required by the form: Decap would otherwise refuse to save without it. */
function expectObject(schema: z.ZodObject, fields: readonly DecapField[], path: string, extras: readonly string[] = [], optional = false) {
  const names = fields.map((f) => f.name).filter((n) => !extras.includes(n));
  expect(names, `${path}: the form's fields, in the schema's order`).toEqual(Object.keys(schema.shape));
  for (const [name, t] of Object.entries(schema.shape)) {
    const field = fields.find((f) => f.name === name);
    expectField(t as z.ZodType, field, path ? `${path}.${name}` : name, !optional && !isOptional(t as z.ZodType));
    if (optional && !isOptional(t as z.ZodType))
      expect(field?.hint, `${path}.${name}: required once its object is written`).toContain('を書くときは必ず書きます');
  }
}

/** A union of shapes: a select for the discriminator; a field is required only where every shape requires it. */
function expectUnion(schema: z.ZodDiscriminatedUnion, field: DecapField, path: string) {
  expect(field.widget, path).toBe('object');
  const key = schema._zod.def.discriminator;
  const options = schema.options as z.ZodObject[];
  const [select, ...rest] = field.fields ?? [];
  expect(select?.name).toBe(key);
  expect(select?.widget).toBe('select');
  expect(select?.required).toBe(true);
  const values = options.map((o) => (o.shape[key] as z.ZodLiteral).value);
  expect(select?.options?.map((o) => (typeof o === 'string' ? o : o.value))).toEqual(values);
  const names = [...new Set(options.flatMap((o) => Object.keys(o.shape)))].filter((n) => n !== key);
  expect(rest.map((f) => f.name)).toEqual(names);
  for (const name of names) {
    const shapes = options.filter((o) => name in o.shape);
    const everywhere = shapes.length === options.length && shapes.every((o) => !isOptional(o.shape[name] as z.ZodType));
    const t = shapes[0]?.shape[name] as z.ZodType;
    expectField(
      t,
      rest.find((f) => f.name === name),
      `${path}.${name}`,
      everywhere,
    );
  }
}

// --- The tests -------------------------------------------------------------------------------------------

describe('the editor configuration', () => {
  it('has every collection, in Japanese, working locally through decap-server on 127.0.0.1', () => {
    expect(config.collections.map((c) => c.name).sort()).toEqual([...folderCollections, 'pillars', 'planOverview'].sort());
    expect(config.locale).toBe('ja');
    expect(config.local_backend.url).toBe(CMS_LOCAL_BACKEND_URL);
    expect(CMS_LOCAL_BACKEND_URL).toBe('http://127.0.0.1:8081/api/v1');
    expect(config.media_folder).toBe('public/images/uploads');
    expect(config.public_folder).toBe('/images/uploads');
    expect(config.backend).toMatchObject({ name: 'github', repo: 'ward/site', branch: 'main' });
    // Japanese names (kana or kanji) for every collection.
    for (const c of config.collections) expect(c.label, c.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('covers every collection of src/content.config.ts, or says why not', () => {
    const declared = [...readFileSync('src/content.config.ts', 'utf8').matchAll(/^\s+(\w+): defineCollection\(/gm)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(0);
    const edited = config.collections.map((c) => c.name);
    expect(declared.filter((name) => name && !edited.includes(name) && !(name in CMS_NOT_EDITED))).toEqual([]);
    expect(edited.filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('signs in through the OAuth helper when one is given', () => {
    const withHelper = configWith({ authBaseUrl: 'https://auth.example.jp' });
    expect(withHelper.backend).toMatchObject({ base_url: 'https://auth.example.jp', auth_endpoint: 'auth' });
    expect(config.backend).not.toHaveProperty('base_url');
  });

  it('publishes a production change only through a pull request, and writes files directly when editing locally', () => {
    const production = configWith({ reviewBeforePublishing: true });
    expect(production.publish_mode).toBe('editorial_workflow');
    expect(production.backend.preview_context).toBe('deploy/preview');
    // The workflow posts the status the editor looks for.
    expect(readFileSync('.github/workflows/content-check.yml', 'utf8')).toContain(`${production.backend.preview_context}`);
    expect(config).not.toHaveProperty('publish_mode');
  });

  it.each(folderCollections)('%s: a folder of Markdown with a form for every field of the schema', (name) => {
    const c = collection(name);
    expect(c.folder && existsSync(c.folder), `${c.folder} exists`).toBe(true);
    expect(readdirSync(c.folder ?? '').some((f) => f.endsWith('.md') && !f.startsWith('_'))).toBe(true);
    expect(c).toMatchObject({ extension: 'md', format: 'frontmatter', delete: false });
    const fields = c.fields ?? [];
    expect(fields.at(-1)).toMatchObject({ name: 'body', label: '本文', widget: 'markdown' });
    const schema = schemas[name];
    // The jobs schema ends in a transform (joint-exam dates from content/exams): the form edits what goes in.
    expectObject((schema instanceof z.ZodPipe ? schema.in : schema) as z.ZodObject, fields, '', CMS_EXTRA_FIELDS);
  });

  it('names new files from the URL name asked once, and never lets initiatives be added (the plan has 18)', () => {
    for (const name of folderCollections) {
      const c = collection(name);
      expect(c.slug, name).toBe('{{fields.slug}}');
      const slug = c.fields?.find((f) => f.name === 'slug');
      if (c.create) {
        expect(slug, name).toMatchObject({ widget: 'string', required: false });
        expect(slug && matches(slug, 'jimu-keiken-2028')).toBe(true);
        expect(slug && matches(slug, '事務')).toBe(false);
      } else expect(slug, name).toBeUndefined();
    }
    expect(collection('initiatives').create).toBe(false);
  });

  it('pillars: one file, a group of fields per pillar as content/plan/pillars.yaml keys them', () => {
    expect(pillars.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    const [file, ...others] = collection('pillars').files ?? [];
    expect(others).toEqual([]);
    expect(file?.file).toBe('content/plan/pillars.yaml');
    expect(file?.fields.map((f) => f.name)).toEqual(pillars.map((p) => p.id));
    for (const group of file?.fields ?? []) {
      expect(group.widget).toBe('object');
      expectObject(schemas.pillars, group.fields ?? [], `pillars.${group.name}`);
    }
  });

  it("planOverview: the plan's first chapter, one file with a form for every field of its schema", () => {
    const [file, ...others] = collection('planOverview').files ?? [];
    expect(others).toEqual([]);
    expect(file?.file).toBe('content/plan/overview.yaml');
    expect(existsSync(file?.file ?? '')).toBe(true);
    expectObject(schemas.planOverview, file?.fields ?? [], 'planOverview');
  });

  it('edits sessions and selection steps inline, as lists with fields', () => {
    for (const name of ['internships', 'events'] as const) {
      const sessions = collection(name).fields?.find((f) => f.name === 'sessions');
      expect(sessions).toMatchObject({ widget: 'list', collapsed: false, min: 1 });
      expect(sessions?.fields?.map((f) => f.name)).toContain('registrationClosesOn');
    }
    expect(
      collection('jobs')
        .fields?.find((f) => f.name === 'selection')
        ?.fields?.map((f) => f.name),
    ).toEqual(['step', 'date', 'note']);
  });

  it('offers exactly the vocabularies of src/lib/taxonomy.ts', () => {
    const optionsOf = (c: string, path: string) => {
      let fields = collection(c).fields ?? [];
      let field: DecapField | undefined;
      for (const name of path.split('.')) {
        field = fields.find((f) => f.name === name);
        fields = field?.fields ?? [];
      }
      return field?.options?.map((o) => (typeof o === 'string' ? o : o.value));
    };
    expect(optionsOf('jobs', 'hiringType')).toEqual(Object.values(hiringTypes));
    expect(optionsOf('stories', 'hiringType')).toEqual(Object.values(hiringTypes));
    expect(optionsOf('jobs', 'jobFamily')).toEqual(Object.values(jobFamilies));
    expect(optionsOf('jobs', 'employmentType')).toEqual(Object.values(employmentTypes).map((e) => e.label));
    expect(optionsOf('internships', 'format')).toEqual(Object.values(sessionFormats));
    expect(optionsOf('events', 'format')).toEqual(Object.values(sessionFormats));
    expect(optionsOf('events', 'kind')).toEqual(Object.values(eventKinds));
    expect(optionsOf('faq', 'category')).toEqual([...faqCategories]);
    expect(optionsOf('jobs', 'pay.unit')).toEqual(['月給', '時給']);
    expect(optionsOf('jobs', 'apply.method')).toEqual(['online', 'external']);
    expect(optionsOf('initiatives', 'pillar')).toEqual(pillars.map((p) => p.id));
  });

  it('offers each exam id once, named as its newest calendar names it, and every route of the rules', () => {
    const calendars = [
      {
        fiscalYear: 2027,
        exams: [
          { id: 'keiken', name: '経験者採用（令和9年度）' },
          { id: 'i-rui', name: 'I類' },
        ],
      },
      { fiscalYear: 2026, exams: [{ id: 'keiken', name: '経験者採用（令和8年度）' }] },
    ];
    expect(examChoices(calendars)).toEqual([
      { id: 'keiken', name: '経験者採用（令和9年度）' },
      { id: 'i-rui', name: 'I類' },
    ]);
    expect(examChoices([])).toEqual([]);
    expect(routes.length).toBeGreaterThan(3);
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
  });

  it("picks an opening's route from the rules' routes by name, and shows what they decide right after it, read-only", () => {
    const fields = collection('jobs').fields ?? [];
    const at = fields.findIndex((f) => f.name === 'route');
    const route = fields[at];
    expect(route?.widget).toBe('select');
    expect(route?.required).toBe(false);
    expect(route?.options).toEqual(routes.map((r) => ({ label: r.label, value: r.id })));
    expect(fields[at + 1]).toMatchObject({ name: 'derived', widget: 'derived-facts', required: false });
    // Likewise a joint exam, by name, in openings and events.
    for (const c of ['jobs', 'events']) {
      const exam = (collection(c).fields ?? []).find((f) => f.name === 'exam')?.fields?.find((f) => f.name === 'id');
      expect(exam?.options).toEqual(exams.map((e) => ({ label: `${e.name}（${e.id}）`, value: e.id })));
    }
    // The rules decide these for a routed opening: never required in the form.
    const requirements = fields.find((f) => f.name === 'requirements')?.fields ?? [];
    const pay = fields.find((f) => f.name === 'pay')?.fields ?? [];
    expect(requirements.find((f) => f.name === 'experienceYears')?.required).toBe(false);
    expect(pay.find((f) => f.name === 'min')?.required).toBe(false);
  });
});

describe("the recruiters' guide (docs/recruiters-guide.md)", () => {
  const guide = readFileSync('docs/recruiters-guide.md', 'utf8');
  /** The guide's section on one collection: from its heading to the next heading. */
  const section = (label: string) => guide.split(/\n(?=#{2,3} )/).find((s) => s.startsWith(`### ${label}（`)) ?? '';
  const labels = (fields: readonly DecapField[]): string[] =>
    fields
      .filter((f) => !(CMS_EXTRA_FIELDS as readonly string[]).includes(f.name) && f.name !== 'draft')
      .flatMap((f) => [f.label, ...labels(f.fields ?? [])]);

  it.each(folderCollections)("explains every field of %s, with the editor's own label", (name) => {
    const c = collection(name);
    const text = section(c.label);
    expect(text, `a section 「### ${c.label}（…）」`).not.toBe('');
    // A nested field is written under its group: 「応募資格 › 必要な経験年数」.
    for (const label of labels(c.fields ?? []))
      expect(text.includes(`| ${label} |`) || text.includes(` › ${label} |`), `${name}: ${label}`).toBe(true);
  });

  it("names every collection's template", () => {
    for (const name of folderCollections) {
      const template = `${collection(name).folder}/_template.md`;
      expect(existsSync(template), template).toBe(true);
      expect(guide).toContain(`\`${template}\``);
    }
  });
});

describe('config.yml', () => {
  it('reads back as the configuration, under YAML 1.1 and 1.2, with nothing read as something else', () => {
    const tricky = {
      ...config,
      pattern: ['^\\d{2}$', 'yes', 'on', 'no', '2026-12-20', '13:30', '#x', '~', 'null', '1e3'],
      label: '採用情報：「経験者採用」の募集',
    } as unknown as DecapConfig;
    const text = configYaml(tricky);
    const expected = JSON.parse(JSON.stringify(tricky));
    expect(parseYaml(text, { version: '1.1' })).toEqual(expected);
    expect(parseYaml(text, { version: '1.2' })).toEqual(expected);
    expect(text.split('\n').every((line) => !line.startsWith(' ') || /^\s+(-|[\w$-]+:)/.test(line))).toBe(true); // never folded
  });
});
