/**
 * Two rules Decap CMS cannot be configured for, applied just before an entry is saved (its `preSave` event):
 * - an optional field the recruiter emptied is left out of the file, instead of being written as "" (which the
 *   schemas refuse: text is never empty, and an optional field is either absent or filled in);
 * - a new entry must have its URL name (`slug`), since it becomes the file name and the page's URL.
 * Runs on /admin/ only, after /admin/decap-cms.js has defined window.CMS.
 */
import { cmsLimits } from '../i18n/cms';

/** The few methods of Immutable.js collections used here (Decap hands entries over as Immutable data). */
interface Immutable {
  get(key: string): unknown;
  filter(keep: (value: unknown) => boolean): Immutable;
  map(change: (value: unknown) => unknown): Immutable;
}
interface DecapCms {
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: Immutable }) => unknown }): void;
}

const isMap = (v: unknown): v is Immutable => typeof v === 'object' && v !== null && '@@__IMMUTABLE_MAP__@@' in v;
const isList = (v: unknown): v is Immutable => typeof v === 'object' && v !== null && '@@__IMMUTABLE_LIST__@@' in v;
const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** Leaves out empty values of every object, at any depth (list items are kept: an empty item is refused by its own field). */
function withoutBlanks(value: unknown): unknown {
  if (isMap(value)) return value.filter((v) => !isBlank(v)).map(withoutBlanks);
  if (isList(value)) return value.map(withoutBlanks);
  return value;
}

const cms = (window as unknown as { CMS?: DecapCms }).CMS;
cms?.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const data = entry.get('data');
    // Only folder collections can create entries, and each of them asks for the URL name.
    if (entry.get('newRecord') && isMap(data) && isBlank(data.get('slug'))) throw new Error(cmsLimits.slugMissing);
    return withoutBlanks(data);
  },
});
