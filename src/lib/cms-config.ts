/**
 * The configuration of the recruiters' web editor (Decap CMS at /admin/), built from the zod schemas of
 * src/schemas/content.ts so the editor's forms and the build's checks cannot drift apart: every field, whether
 * it is required, its length and range limits and its choices come from the schema (through zod's own
 * JSON Schema export); only the Japanese labels and hints come from src/i18n/cms.ts.
 *
 * Pure: no file or network access. src/pages/admin/config.yml.ts serves the result as YAML.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { type CmsCollectionName, cmsChoiceLabels, cmsCollections, cmsFields, cmsLimits, type FieldCopy, fieldCopy } from '../i18n/cms';
import { calendarDate, clockTime } from '../schemas/common';
import { contentSchemas } from '../schemas/content';
import { DERIVED_WIDGET } from './cms-checks';

/** Where uploaded images go in the repository, and the URL they are served from. */
const CMS_MEDIA_FOLDER = 'public/images/uploads';
const CMS_PUBLIC_FOLDER = '/images/uploads';
/** The commit status the content check posts with a change's preview address (.github/workflows/content-check.yml). */
export const CMS_PREVIEW_CONTEXT = 'deploy/preview';
/** decap-server's address in local mode (`npx decap-server` with BIND_HOST=127.0.0.1). */
export const CMS_LOCAL_BACKEND_URL = 'http://127.0.0.1:8081/api/v1';

/** The marker put on the reference placeholders, so a reference is told apart from a plain string. */
const REFERENCE = 'x-cms-reference';
/** Kinds of string the JSON Schema export cannot tell apart by itself. */
const KIND = 'x-cms-kind';

/** The subset of JSON Schema (draft 2020-12) that z.toJSONSchema writes for the content schemas. */
export interface JsonSchema {
  type?: string;
  enum?: readonly (string | number)[];
  const?: string | number | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  default?: unknown;
  [REFERENCE]?: 'stories' | 'pillars';
  [KIND]?: 'date' | 'time';
}

export interface DecapOption {
  label: string;
  value: string;
}

/** A Decap CMS field (the options used here; see https://decapcms.org/docs/widgets/). */
export interface DecapField {
  name: string;
  label: string;
  widget:
    | 'string'
    | 'text'
    | 'number'
    | 'boolean'
    | 'select'
    | 'datetime'
    | 'list'
    | 'object'
    | 'relation'
    | 'markdown'
    | typeof DERIVED_WIDGET;
  required: boolean;
  hint?: string;
  /** [regular expression, what to write]: Decap shows 「〈label〉が入力規則（〈what〉）と一致しません」. */
  pattern?: [string, string];
  default?: unknown;
  options?: (string | DecapOption)[];
  value_type?: 'int' | 'float';
  /** number: smallest/largest value; list and relation: fewest/most items. */
  min?: number;
  max?: number;
  step?: number;
  field?: DecapField;
  fields?: DecapField[];
  collapsed?: boolean;
  label_singular?: string;
  summary?: string;
  date_format?: string | false;
  time_format?: string | false;
  format?: string;
  picker_utc?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  multiple?: boolean;
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
}

export interface DecapCollection {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: DecapField[] }[];
  create?: boolean;
  delete: boolean;
  extension?: string;
  format?: string;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  preview_path?: string;
  sortable_fields?: string[];
  view_filters?: { label: string; field: string; pattern: boolean | string }[];
  fields?: DecapField[];
}

export interface DecapConfig {
  backend: {
    name: 'github';
    repo: string;
    branch: string;
    base_url?: string;
    auth_endpoint?: string;
    /** The commit status that carries a change's preview address (docs/cms-production.md §6). */
    preview_context?: string;
    commit_messages: Record<'create' | 'update' | 'delete' | 'uploadMedia' | 'deleteMedia', string>;
  };
  local_backend: { url: string };
  /** Each change a branch and pull request, live only once the build passes on it (decision 0014). */
  publish_mode?: 'editorial_workflow';
  locale: 'ja';
  site_url: string;
  display_url: string;
  logo?: { src: string };
  media_folder: string;
  public_folder: string;
  editor: { preview: boolean };
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  collections: DecapCollection[];
}

/** The editor's route choices: the routes of the rules in force, by id and name. */
export const routeChoices = (rules: { routes: readonly { id: string; label: string }[] }) =>
  rules.routes.map((r) => ({ id: r.id, label: r.label }));

/** The editor's joint-exam choices: each exam id of the calendars once, named as its newest calendar names it. */
export const examChoices = (calendars: readonly { fiscalYear: number; exams: readonly { id: string; name: string }[] }[]) => [
  ...new Map(
    [...calendars]
      .sort((a, b) => a.fiscalYear - b.fiscalYear)
      .flatMap((c) => c.exams.map((e) => [e.id, { id: e.id, name: e.name }] as const)),
  ).values(),
];

export interface CmsOptions {
  /** "owner/name" of the GitHub repository the production editor commits to. */
  repo: string;
  /** The branch production builds from. */
  branch: string;
  /** Origin of the OAuth helper (docs/cms-production.md), e.g. https://cms-auth.example.workers.dev. */
  authBaseUrl?: string | undefined;
  /** Its path, without the leading slash (default "auth"). */
  authEndpoint?: string | undefined;
  /** The public site, for the editor's 「ライブで見る」 links. */
  siteUrl: string;
  localBackendUrl?: string | undefined;
  logo?: string | undefined;
  /** The plan's pillars, as content/plan/pillars.yaml has them: an initiative names one by id. */
  pillars: readonly { id: string; number: number; title: string }[];
  /**
   * Production: every save becomes a branch and a pull request, published (merged) only once the build passes on it,
   * so a change the build refuses never reaches the live site nor blocks the next one (decision 0014). Local editing
   * through decap-server's `fs` mode writes files directly (that mode has no workflow).
   */
  reviewBeforePublishing?: boolean | undefined;
  /** The routes of the rules in force, as content/rules has them: an opening picks one by its name. */
  routes?: readonly { id: string; label: string }[] | undefined;
  /** The joint exams of content/exams (each id once, with its name): an opening or event picks one by its name. */
  exams?: readonly { id: string; name: string }[] | undefined;
}

const DERIVED_FIELD = 'derived';

// ---------------------------------------------------------------------------------------------------------
// From zod to JSON Schema

/** Reference placeholders: plain strings, as in the unit tests, marked with the collection they point at. */
const storyRef = z.string().meta({ [REFERENCE]: 'stories' });
const pillarRef = z.string().meta({ [REFERENCE]: 'pillars' });

/** The content schemas the editor is built from (references as marked strings). */
const cmsSchemas = () => contentSchemas({ stories: storyRef, pillars: pillarRef });

export type CmsSchemas = ReturnType<typeof cmsSchemas>;

/** One collection's schema as JSON Schema, as the editor's input (what a recruiter writes, before defaults). */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    // Dates accept a YAML Date as well; refinements and transforms have no JSON Schema form.
    unrepresentable: 'any',
    override: (ctx) => {
      const out = ctx.jsonSchema as JsonSchema;
      if (ctx.zodSchema === calendarDate) out[KIND] = 'date';
      if (ctx.zodSchema === clockTime) out[KIND] = 'time';
    },
  }) as JsonSchema;
}

// ---------------------------------------------------------------------------------------------------------
// From JSON Schema to Decap widgets

interface Context {
  collection: CmsCollectionName;
  pillars: CmsOptions['pillars'];
  routes: NonNullable<CmsOptions['routes']>;
  exams: NonNullable<CmsOptions['exams']>;
}

const copyOf = fieldCopy;

/** The longest number JSON Schema writes for an unbounded integer: no real limit. */
const isRealLimit = (n: number | undefined): n is number => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;

/** The hint of i18n/cms.ts, then the limits from the schema: 「一覧と検索結果に表示する一文。160文字以内」. */
const hintOf = (copy: FieldCopy, limits: string[]) => {
  const text = [copy.hint ?? '', limits.filter(Boolean).join('、')].filter(Boolean).join('。');
  return text || undefined;
};

/** Decap's pattern for a text limit: at least one non-space character, at most `max` in all. */
const lengthPattern = (max: number): [string, string] => [`^(?=[\\s\\S]*\\S)[\\s\\S]{1,${max}}$`, cmsLimits.patternMessage.length(max)];

const isObjectUnion = (node: JsonSchema) =>
  Array.isArray(node.oneOf) && node.oneOf.length > 0 && node.oneOf.every((b) => b.type === 'object' && b.properties);

/** The property every branch of a union fixes with `const` (apply.method). */
function discriminatorOf(branches: JsonSchema[]): string | undefined {
  const first = branches[0]?.properties ?? {};
  return Object.keys(first).find((key) => branches.every((b) => b.properties?.[key]?.const !== undefined));
}

function withCommon(field: DecapField, copy: FieldCopy, limits: string[], node: JsonSchema): DecapField {
  const hint = hintOf(copy, limits);
  if (hint) field.hint = hint;
  if (node.default !== undefined) field.default = node.default;
  return field;
}

/** One field of a form, from its JSON Schema node. */
function fieldOf(path: string[], node: JsonSchema, required: boolean, ctx: Context): DecapField {
  const name = path[path.length - 1] ?? '';
  const copy = copyOf(ctx.collection, path);
  const base = { name, label: copy.label, required };

  // References to other collections.
  if (node[REFERENCE] === 'pillars') {
    const options = ctx.pillars.map((p) => ({ label: cmsLimits.pillarOption(p.number, p.title), value: p.id }));
    return withCommon({ ...base, widget: 'select', options }, copy, [], node);
  }
  if (node.type === 'array' && node.items?.[REFERENCE] === 'stories') {
    const field: DecapField = {
      ...base,
      widget: 'relation',
      collection: 'stories',
      value_field: '{{slug}}',
      search_fields: ['title', 'name', 'department'],
      display_fields: ['title'],
      multiple: true,
    };
    if (isRealLimit(node.minItems) && node.minItems > 0) field.min = node.minItems;
    return withCommon(field, copy, [], node);
  }

  // An opening's route: one of the rules' routes, by its name (the build refuses any other).
  if (ctx.collection === 'jobs' && path.join('.') === 'route') {
    const options = ctx.routes.map((r) => ({ label: r.label, value: r.id }));
    return withCommon({ ...base, widget: 'select', options }, copy, [], node);
  }

  // A joint exam: one of the calendars' exams, by its name.
  if (path.join('.') === 'exam.id' && ctx.exams.length > 0) {
    const options = ctx.exams.map((e) => ({ label: `${e.name}（${e.id}）`, value: e.id }));
    return withCommon({ ...base, widget: 'select', options }, copy, [], node);
  }

  // Calendar dates and clock times: the browser's own date and time pickers, stored as 2026-12-20 and 13:30.
  if (node[KIND] === 'date') {
    return withCommon(
      { ...base, widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false, format: 'YYYY-MM-DD', picker_utc: false },
      copy,
      [],
      node,
    );
  }
  if (node[KIND] === 'time') {
    return withCommon({ ...base, widget: 'datetime', date_format: false, time_format: 'HH:mm', format: 'HH:mm' }, copy, [], node);
  }

  // A choice between shapes (apply: online, or external with url and label).
  if (isObjectUnion(node)) return unionField(path, node, required, ctx, copy);

  if (node.enum) {
    const labels = cmsChoiceLabels[path.join('.')];
    const options = node.enum.map((v) => (labels?.[String(v)] ? { label: labels[String(v)] ?? '', value: String(v) } : String(v)));
    return withCommon({ ...base, widget: 'select', options }, copy, [], node);
  }

  switch (node.type) {
    case 'string': {
      const limits: string[] = [];
      const field: DecapField = { ...base, widget: 'string' };
      if (node.pattern) {
        field.pattern = [node.pattern, copy.pattern ?? cmsLimits.patternMessage.other];
      } else if (node.format === 'uri') {
        field.pattern = ['^https://\\S+$', cmsLimits.patternMessage.url];
      } else if (isRealLimit(node.maxLength)) {
        field.pattern = lengthPattern(node.maxLength);
        limits.push(cmsLimits.maxLength(node.maxLength));
        if (node.maxLength > 200) field.widget = 'text';
      }
      return withCommon(field, copy, limits, node);
    }
    case 'integer':
    case 'number': {
      const field: DecapField = { ...base, widget: 'number', value_type: node.type === 'integer' ? 'int' : 'float' };
      const min = isRealLimit(node.minimum) ? node.minimum : undefined;
      const max = isRealLimit(node.maximum) ? node.maximum : undefined;
      if (min !== undefined) field.min = min;
      if (max !== undefined) field.max = max;
      if (node.type === 'integer') field.step = 1;
      const limits =
        min !== undefined && max !== undefined
          ? [cmsLimits.range(min, max)]
          : min !== undefined
            ? [cmsLimits.atLeast(min)]
            : max !== undefined
              ? [cmsLimits.atMost(max)]
              : [];
      return withCommon(field, copy, limits, node);
    }
    case 'boolean':
      return withCommon({ ...base, widget: 'boolean' }, copy, [], node);
    case 'array':
      return listField(path, node, required, ctx, copy);
    case 'object': {
      // Decap checks the fields of an object it shows even when the object itself may be left out: inside an
      // optional object, a field the schema requires is asked for only when the object is filled in (the build checks it).
      const fields = fieldsOf(path, node, ctx).map((f) =>
        required || !f.required
          ? f
          : { ...f, required: false, hint: [f.hint, cmsLimits.requiredWithin(copy.label)].filter(Boolean).join('。') },
      );
      return withCommon({ ...base, widget: 'object', collapsed: false, fields }, copy, [], node);
    }
    default:
      throw new Error(`cms-config: no widget for ${ctx.collection}.${path.join('.')} (${JSON.stringify(node)})`);
  }
}

function listField(path: string[], node: JsonSchema, required: boolean, ctx: Context, copy: FieldCopy): DecapField {
  const name = path[path.length - 1] ?? '';
  const items = node.items ?? {};
  // Items open: a recruiter sees every line, every session, without unfolding them.
  const field: DecapField = { name, label: copy.label, widget: 'list', required, collapsed: false };
  if (copy.singular) field.label_singular = copy.singular;
  const limits: string[] = [];
  if (isRealLimit(node.minItems) && node.minItems > 0) {
    field.min = node.minItems;
    limits.push(cmsLimits.itemsAtLeast(node.minItems));
  }
  if (isRealLimit(node.maxItems)) field.max = node.maxItems;
  if (items.type === 'object' && items.properties) {
    field.fields = fieldsOf(path, items, ctx);
    const first = field.fields.find((f) => f.required && f.widget === 'string');
    if (first) field.summary = `{{fields.${first.name}}}`;
  } else {
    // One value per item: the item's own limits (text length, date) apply to each.
    const item = fieldOf(path, items, true, ctx);
    item.label = copy.singular ?? copy.label;
    delete item.hint;
    field.field = item;
    const itemLimit = items.maxLength !== undefined && isRealLimit(items.maxLength) ? cmsLimits.maxLength(items.maxLength) : '';
    if (itemLimit) limits.push(`1つ${itemLimit}`);
  }
  return withCommon(field, copy, limits, node);
}

/** A union of object shapes: a select for the discriminator, then every other field, required only where every shape requires it. */
function unionField(path: string[], node: JsonSchema, required: boolean, ctx: Context, copy: FieldCopy): DecapField {
  const name = path[path.length - 1] ?? '';
  const branches = node.oneOf ?? [];
  const key = discriminatorOf(branches);
  if (!key) throw new Error(`cms-config: ${ctx.collection}.${path.join('.')} is a union without a discriminator`);
  const choiceLabels = cmsChoiceLabels[[...path, key].join('.')] ?? {};
  const choiceOf = (b: JsonSchema) => String(b.properties?.[key]?.const);
  const labelOf = (value: string) => choiceLabels[value] ?? value;

  const keyCopy = copyOf(ctx.collection, [...path, key]);
  const fields: DecapField[] = [
    {
      name: key,
      label: keyCopy.label,
      widget: 'select',
      required: true,
      options: branches.map((b) => ({ label: labelOf(choiceOf(b)), value: choiceOf(b) })),
      ...(keyCopy.hint ? { hint: keyCopy.hint } : {}),
    },
  ];
  const seen = new Set([key]);
  for (const branch of branches) {
    for (const [prop, propNode] of Object.entries(branch.properties ?? {})) {
      if (seen.has(prop)) continue;
      seen.add(prop);
      const inBranches = branches.filter((b) => b.properties?.[prop]);
      const requiredIn = inBranches.filter((b) => b.required?.includes(prop));
      const requiredEverywhere = requiredIn.length === branches.length;
      const field = fieldOf([...path, prop], propNode, requiredEverywhere, ctx);
      if (!requiredEverywhere) {
        const note =
          requiredIn.length > 0
            ? requiredIn.map((b) => cmsLimits.requiredWhen(labelOf(choiceOf(b)))).join('、')
            : inBranches.map((b) => cmsLimits.onlyWhen(labelOf(choiceOf(b)))).join('、');
        field.hint = field.hint ? `${note}。${field.hint}` : note;
      }
      fields.push(field);
    }
  }
  return withCommon({ name, label: copy.label, widget: 'object', required, collapsed: false, fields }, copy, [], node);
}

function fieldsOf(path: string[], node: JsonSchema, ctx: Context): DecapField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) => fieldOf([...path, name], child, required.has(name), ctx));
}

/** The form of one collection: one field per schema field, in the schema's order. */
function cmsFieldsFor(
  collection: CmsCollectionName,
  schema: z.ZodType,
  pillars: CmsOptions['pillars'] = [],
  routes: CmsOptions['routes'] = [],
  exams: CmsOptions['exams'] = [],
): DecapField[] {
  const fields = fieldsOf([], jsonSchemaOf(schema), { collection, pillars, routes, exams });
  if (collection !== 'jobs') return fields;
  // Right after the route: what it (and the exam) decide, read-only.
  const copy = copyOf(collection, [DERIVED_FIELD]);
  const derived: DecapField = { name: DERIVED_FIELD, label: copy.label, widget: DERIVED_WIDGET, required: false };
  if (copy.hint) derived.hint = copy.hint;
  const at = fields.findIndex((f) => f.name === 'route');
  return [...fields.slice(0, at + 1), derived, ...fields.slice(at + 1)];
}

// ---------------------------------------------------------------------------------------------------------
// Collections

type FolderCollection = Exclude<CmsCollectionName, 'pillars' | 'planOverview'>;

/** Where each collection's Markdown lives and how the editor lists it. */
const folders: Record<
  FolderCollection,
  { folder: string; create: boolean; identifier: string; preview: string; sortable: string[]; hasDraft: boolean }
> = {
  jobs: {
    folder: 'content/jobs',
    create: true,
    identifier: 'title',
    preview: 'jobs/{{slug}}/',
    sortable: ['title', 'closesOn', 'opensOn'],
    hasDraft: true,
  },
  internships: {
    folder: 'content/internships',
    create: true,
    identifier: 'title',
    preview: 'internships/{{slug}}/',
    sortable: ['title'],
    hasDraft: true,
  },
  events: { folder: 'content/events', create: true, identifier: 'title', preview: 'events/{{slug}}/', sortable: ['title'], hasDraft: true },
  stories: {
    folder: 'content/stories',
    create: true,
    identifier: 'title',
    preview: 'stories/{{slug}}/',
    sortable: ['title', 'joinedYear'],
    hasDraft: true,
  },
  faq: { folder: 'content/faq', create: true, identifier: 'question', preview: 'faq/', sortable: ['category', 'order'], hasDraft: true },
  glossary: {
    folder: 'content/glossary',
    create: true,
    identifier: 'term',
    preview: 'glossary/',
    sortable: ['order', 'reading'],
    hasDraft: true,
  },
  pages: {
    folder: 'content/pages',
    create: true,
    identifier: 'title',
    preview: '{{slug}}/',
    sortable: ['title', 'updatedOn'],
    hasDraft: true,
  },
  // The plan has exactly 18 initiatives (checked at build): edited, never added or removed here.
  initiatives: {
    folder: 'content/plan/initiatives',
    create: false,
    identifier: 'title',
    preview: 'plan/',
    sortable: ['number'],
    hasDraft: false,
  },
};

/**
 * Collections of src/content.config.ts the editor leaves out, with the reason (tests/unit/cms-config.test.ts
 * fails on any other collection missing from the editor).
 */
export const CMS_NOT_EDITED: Record<string, string> = {
  exams:
    "content/exams/<year>.yaml: the joint exams' calendar of a fiscal year, copied from the exam guide with its source and cross-checked (src/schemas/exam-calendar.ts); edited as YAML by the staff who own the rules",
  rules:
    'content/rules/<year>.yaml: the eligibility and pay rules of a fiscal year, nested and cross-checked (src/schemas/rules.ts); edited as YAML by the staff who own them',
};

/** The collections, in the order of the editor's menu. */
const CMS_COLLECTIONS = [
  'jobs',
  'internships',
  'events',
  'stories',
  'faq',
  'glossary',
  'pages',
  'initiatives',
  'pillars',
  'planOverview',
] as const;

/** The file name of a new entry (its URL): asked once, when the entry is created. */
const slugField = (collection: CmsCollectionName): DecapField => {
  const copy = copyOf(collection, ['slug']);
  return {
    name: 'slug',
    label: copy.label,
    widget: 'string',
    required: false,
    pattern: ['^[a-z0-9][a-z0-9-]{1,79}$', cmsLimits.patternMessage.slug],
    ...(copy.hint ? { hint: copy.hint } : {}),
  };
};

const bodyField = (collection: CmsCollectionName): DecapField => {
  const copy = copyOf(collection, ['body']);
  return {
    name: 'body',
    label: copy.label,
    widget: 'markdown',
    required: false,
    ...(copy.hint ? { hint: copy.hint } : {}),
    buttons: ['bold', 'link', 'heading-two', 'heading-three', 'bulleted-list', 'numbered-list', 'quote'],
    editor_components: ['image'],
    modes: ['rich_text', 'raw'],
  };
};

/** Fields the editor adds that are not front matter the schemas know: the new file's name and the Markdown body. */
export const CMS_EXTRA_FIELDS = ['slug', 'body', 'derived'] as const;

function folderCollection(
  name: FolderCollection,
  schema: z.ZodType,
  pillars: CmsOptions['pillars'],
  routes: CmsOptions['routes'],
  exams: CmsOptions['exams'],
): DecapCollection {
  const where = folders[name];
  const copy = cmsCollections[name];
  const collection: DecapCollection = {
    name,
    label: copy.label,
    label_singular: copy.singular,
    description: copy.description,
    folder: where.folder,
    create: where.create,
    // Removing an opening, a session or a story breaks links and registrations: mark it as a draft instead.
    delete: false,
    extension: 'md',
    format: 'frontmatter',
    // The file name, from the URL name asked when the entry is created (src/scripts/cms-setup.ts refuses an empty one).
    slug: '{{fields.slug}}',
    identifier_field: where.identifier,
    // The file name shows which entry is a _template (never published).
    summary: `{{${where.identifier}}}（{{filename}}）`,
    preview_path: where.preview,
    sortable_fields: where.sortable,
    fields: [...(where.create ? [slugField(name)] : []), ...cmsFieldsFor(name, schema, pillars, routes, exams), bodyField(name)],
  };
  if (where.hasDraft) collection.view_filters = [{ label: cmsFields['draft']?.label ?? 'draft', field: 'draft', pattern: true }];
  return collection;
}

/** The plan's pillars: one YAML file keyed by pillar id, one group of fields per pillar. */
function pillarsCollection(schema: z.ZodType, pillars: CmsOptions['pillars']): DecapCollection {
  const copy = cmsCollections.pillars;
  const fields = cmsFieldsFor('pillars', schema);
  return {
    name: 'pillars',
    label: copy.label,
    label_singular: copy.singular,
    description: copy.description,
    delete: false,
    files: [
      {
        name: 'pillars',
        label: copy.label,
        file: 'content/plan/pillars.yaml',
        fields: [...pillars]
          .sort((a, b) => a.number - b.number)
          .map((p) => ({
            name: p.id,
            label: cmsLimits.pillarOption(p.number, p.title),
            widget: 'object' as const,
            required: true,
            collapsed: false,
            fields,
          })),
      },
    ],
  };
}

/** The plan's first chapter: one YAML file, one form. */
function planOverviewCollection(schema: z.ZodType): DecapCollection {
  const copy = cmsCollections.planOverview;
  return {
    name: 'planOverview',
    label: copy.label,
    label_singular: copy.singular,
    description: copy.description,
    delete: false,
    files: [{ name: 'overview', label: copy.label, file: 'content/plan/overview.yaml', fields: cmsFieldsFor('planOverview', schema) }],
  };
}

/** The whole Decap configuration. */
export function cmsConfig(options: CmsOptions): DecapConfig {
  const schemas = cmsSchemas();
  const collections = CMS_COLLECTIONS.map((name) =>
    name === 'pillars'
      ? pillarsCollection(schemas.pillars, options.pillars)
      : name === 'planOverview'
        ? planOverviewCollection(schemas.planOverview)
        : folderCollection(name, schemas[name], options.pillars, options.routes, options.exams),
  );
  return {
    backend: {
      name: 'github',
      repo: options.repo,
      branch: options.branch,
      ...(options.authBaseUrl ? { base_url: options.authBaseUrl, auth_endpoint: options.authEndpoint ?? 'auth' } : {}),
      ...(options.reviewBeforePublishing ? { preview_context: CMS_PREVIEW_CONTEXT } : {}),
      commit_messages: {
        create: '{{collection}}「{{slug}}」を作成（{{author-name}}）',
        update: '{{collection}}「{{slug}}」を更新（{{author-name}}）',
        delete: '{{collection}}「{{slug}}」を削除（{{author-name}}）',
        uploadMedia: '画像「{{path}}」を追加（{{author-name}}）',
        deleteMedia: '画像「{{path}}」を削除（{{author-name}}）',
      },
    },
    // On 127.0.0.1/localhost only: the working copy through decap-server, no account.
    local_backend: { url: options.localBackendUrl ?? CMS_LOCAL_BACKEND_URL },
    ...(options.reviewBeforePublishing ? { publish_mode: 'editorial_workflow' as const } : {}),
    locale: 'ja',
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    ...(options.logo ? { logo: { src: options.logo } } : {}),
    media_folder: CMS_MEDIA_FOLDER,
    public_folder: CMS_PUBLIC_FOLDER,
    // The side preview draws an entry as its page will show it, with the site's stylesheet (src/scripts/cms-preview.ts).
    editor: { preview: true },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}

/**
 * The configuration as config.yml. Written as YAML 1.1, so that every string YAML could read as something else
 * (yes, on, 2026-12-20, 13:30, #…) is quoted and reads back the same under 1.1 and 1.2; never folded.
 */
export const configYaml = (config: DecapConfig): string => stringify(config, { version: '1.1', lineWidth: 0 });
