/**
 * What Decap CMS cannot be configured for, on /admin/ only, after /admin/decap-cms.js has defined window.CMS:
 * - every field is checked with the build's own schemas and messages (src/lib/cms-checks.ts) when the recruiter
 *   saves: a problem shows at its field, in Japanese, and the entry is not saved; what cannot be shown at a field
 *   (a rule over the whole entry) stops the save with the list of fields to fix;
 * - an opening shows, read-only, what its route and exam decide (pay range, required years, grade, window);
 * - an optional field the recruiter emptied is left out of the file, instead of being written as "" (which the
 *   schemas refuse: text is never empty, and an optional field is either absent or filled in);
 * - a new entry must have its URL name (`slug`), since it becomes the file name and the page's URL;
 * - the preview pane draws an entry as its page will show it (./cms-preview.ts).
 */
import { cmsCheckWords, cmsLimits } from '../i18n/cms';
import { decapJaAdditions, withPhrases } from '../i18n/decap-ja';
import {
  DERIVED_WIDGET,
  derivedFacts,
  type EditorData,
  editorSchemas,
  entryIssues,
  type FieldIssue,
  issueLines,
  valueAt,
} from '../lib/cms-checks';
import { todayInTokyo } from '../lib/dates';
import { type PreviewCms, registerPreviews } from './cms-preview';

/** The few methods of Immutable.js collections used here (Decap hands entries over as Immutable data). */
interface Immutable {
  get(key: string): unknown;
  filter(keep: (value: unknown) => boolean): Immutable;
  map(change: (value: unknown) => unknown): Immutable;
  toJS(): unknown;
}
/** The props Decap gives a widget's control (the ones used here). */
interface ControlProps {
  field: Immutable;
  value: unknown;
  /** The entry as it was when this field last changed. */
  entry: Immutable;
  /** The entry as it is now (every field's latest value). */
  getEntry?: () => Immutable;
  onChange: (...args: unknown[]) => void;
  collection: Immutable;
  parentIds?: string[];
  forID?: string;
  classNameWrapper?: string;
}
type Component = unknown;
interface Widget {
  control: Component;
  preview?: Component;
}
interface DecapCms extends PreviewCms {
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: Immutable }) => unknown }): void;
  registerWidget(name: string, control: Component, preview?: Component): void;
  getWidget(name: string): Widget | undefined;
  registerLocale(name: string, phrases: object): void;
  getLocale(name: string): object | undefined;
}
/** React's createElement and create-react-class, which Decap's bundle puts on window for custom widgets. */
type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
type CreateClass = (spec: Record<string, unknown>) => Component;

const isMap = (v: unknown): v is Immutable => typeof v === 'object' && v !== null && '@@__IMMUTABLE_MAP__@@' in v;
const isList = (v: unknown): v is Immutable => typeof v === 'object' && v !== null && '@@__IMMUTABLE_LIST__@@' in v;
const isBlank = (v: unknown) => v === '' || v === null || v === undefined;
const plain = (v: unknown): unknown => (isMap(v) || isList(v) ? v.toJS() : v);

/** Leaves out empty values of every object, at any depth (list items are kept: an empty item is refused by its own field). */
function withoutBlanks(value: unknown): unknown {
  if (isMap(value)) return value.filter((v) => !isBlank(v)).map(withoutBlanks);
  if (isList(value)) return value.map(withoutBlanks);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// The data the checks need (rules, exam calendars, session ids in use), built with the site.

let loaded: { data: EditorData; schemas: ReturnType<typeof editorSchemas> } | undefined;
const ready = fetch('/admin/checks.json')
  .then((r) => (r.ok ? (r.json() as Promise<EditorData>) : Promise.reject(new Error(`${r.status}`))))
  .then((data) => {
    loaded = { data, schemas: editorSchemas(data) };
    return loaded;
  });

/** The problems of one entry, worked out once per version of its data (each field asks in turn when saving). */
const issueCache = new WeakMap<object, FieldIssue[]>();
function issuesOf(entry: Immutable): { issues: FieldIssue[]; data: unknown } {
  const raw = entry.get('data');
  const data = plain(raw);
  if (!loaded || typeof raw !== 'object' || raw === null) return { issues: [], data };
  let issues = issueCache.get(raw);
  if (!issues) {
    issues = collectionIssues(String(entry.get('collection')), data, loaded, entry.get('path') as string | undefined);
    issueCache.set(raw, issues);
  }
  return { issues, data };
}

/** The plan's pillars are one file keyed by pillar: each pillar is checked on its own. */
function collectionIssues(collection: string, data: unknown, l: NonNullable<typeof loaded>, file?: string): FieldIssue[] {
  if (collection !== 'pillars') return entryIssues(l.schemas, collection, data, l.data, file);
  return Object.entries((data ?? {}) as Record<string, unknown>).flatMap(([key, pillar]) =>
    entryIssues(l.schemas, 'pillars', pillar, l.data).map((i) => ({ ...i, path: [key, ...i.path] })),
  );
}

/** Decap re-renders a field only when its own value changes: the entry's other fields are read when needed. */
const currentEntry = (props: ControlProps) => props.getEntry?.() ?? props.entry;

/** Told after any field changes, so the read-only facts can follow the route and exam being picked. */
const onAnyChange = new Set<() => void>();
const changed = () =>
  setTimeout(() => {
    for (const listener of onAnyChange) listener();
  }, 0);

const sameValue = (a: unknown, b: unknown) => JSON.stringify(isBlank(a) ? null : a) === JSON.stringify(isBlank(b) ? null : b);

/**
 * The problem to show at one field: one whose path ends with this field's name and whose value there is this
 * field's value (Decap does not tell a field its full path; a list item is told apart by its value).
 */
function issueAt(props: ControlProps): string | undefined {
  const { issues, data } = issuesOf(currentEntry(props));
  const name = props.field.get('name');
  const value = plain(props.value);
  const hit = issues.find((i) => {
    const last = i.path.filter((k) => typeof k === 'string').at(-1);
    return last === name && sameValue(valueAt(data, i.path), value);
  });
  return hit?.message;
}

// ---------------------------------------------------------------------------------------------------------

const w = window as unknown as { CMS?: DecapCms; h?: H; createClass?: CreateClass };
const { CMS: cms, h, createClass } = w;

/** The widget as it was, with the schema's problem for its field added to its own validation. */
function checked(original: Component): Component {
  if (!h || !createClass) return original;
  return createClass({
    displayName: 'SchemaChecked',
    isValid(this: { inner?: { isValid?: () => unknown }; props: ControlProps }) {
      const own = this.inner?.isValid?.() ?? true;
      const ownFailed = own === false || (typeof own === 'object' && own !== null && (own as { error?: unknown }).error);
      if (ownFailed || own instanceof Promise) return own;
      const message = issueAt(this.props);
      return message ? { error: { type: 'CUSTOM', parentIds: this.props.parentIds ?? [], message } } : own;
    },
    focus(this: { inner?: { focus?: (...a: unknown[]) => void } }, ...args: unknown[]) {
      this.inner?.focus?.(...args);
    },
    render(this: { props: ControlProps; inner?: unknown }) {
      return h(original, {
        ...this.props,
        onChange: (...args: unknown[]) => {
          this.props.onChange(...args);
          changed();
        },
        ref: (r: unknown) => {
          this.inner = r ?? undefined;
        },
      });
    },
  });
}

/** An opening's read-only facts: what its route and exam decide, as the page will state them. */
function derivedControl(): Component | undefined {
  if (!h || !createClass) return undefined;
  const list = (lines: string[]) =>
    h('ul', { style: { margin: 0, paddingLeft: '1.25em', lineHeight: 1.7 } }, ...lines.map((l) => h('li', { key: l }, l)));
  return createClass({
    displayName: 'DerivedFacts',
    getInitialState: () => ({ loaded }),
    componentDidMount(this: { setState: (s: unknown) => void; forceUpdate: () => void; redraw?: () => void }) {
      ready.then((l) => this.setState({ loaded: l })).catch(() => undefined);
      // Redrawn whenever another field changes (its route or exam), though its own value never does.
      this.redraw = () => this.forceUpdate();
      onAnyChange.add(this.redraw);
    },
    componentWillUnmount(this: { redraw?: () => void }) {
      if (this.redraw) onAnyChange.delete(this.redraw);
    },
    isValid: () => true,
    render(this: { props: ControlProps; state: { loaded?: typeof loaded } }) {
      const l = this.state.loaded;
      const lines = l ? derivedFacts(plain(currentEntry(this.props).get('data')), l.data, todayInTokyo()) : [cmsCheckWords.loading];
      return h('div', { id: this.props.forID, className: this.props.classNameWrapper, 'aria-live': 'polite' }, list(lines));
    },
  });
}

if (cms) {
  // Decap's Japanese, with the phrases it lacks (it would show them in English).
  cms.registerLocale('ja', withPhrases((cms.getLocale('ja') ?? {}) as Parameters<typeof withPhrases>[0], decapJaAdditions));
  for (const name of ['string', 'text', 'number', 'select', 'datetime', 'boolean', 'relation']) {
    const widget = cms.getWidget(name);
    if (widget) widget.control = checked(widget.control);
  }
  const derived = derivedControl();
  if (derived) cms.registerWidget(DERIVED_WIDGET, derived);
  if (h && createClass) registerPreviews(cms, h, createClass, ready);

  cms.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }) => {
      const data = entry.get('data');
      // Only folder collections can create entries, and each of them asks for the URL name.
      if (entry.get('newRecord') && isMap(data) && isBlank(data.get('slug'))) throw new Error(cmsLimits.slugMissing);
      // What the fields could not show (a rule over the whole entry) stops the save too, with every field to fix.
      // Without its data (not built, not reachable) the editor saves as before and the build checks.
      const l = await ready.catch(() => undefined);
      const collection = String(entry.get('collection'));
      const issues = l ? collectionIssues(collection, plain(data), l, entry.get('path') as string | undefined) : [];
      if (issues.length > 0) throw new Error(cmsCheckWords.refused(issueLines(collection, issues)));
      return withoutBlanks(data);
    },
  });
}
