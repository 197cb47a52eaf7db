// Builds the Pagefind index of the openings from the built job pages. Text is NFKC-normalised
// before indexing (and queries are too, in the browser), so full-width ＩＣＴ finds ICT and ｶﾅ finds カナ.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const dist = process.argv[2] ?? 'dist';
const jobsDir = join(dist, 'jobs');
const facetDirs = new Set(['type', 'family', 'employment', 'open']);

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);

let count = 0;
for (const entry of await readdir(jobsDir, { withFileTypes: true })) {
  if (!entry.isDirectory() || facetDirs.has(entry.name)) continue;
  const file = join(jobsDir, entry.name, 'index.html');
  const html = await readFile(file, 'utf8').catch(() => undefined);
  if (!html) continue;
  const added = await index.addHTMLFile({ url: `/jobs/${entry.name}/`, content: html.normalize('NFKC') });
  if (added.errors.length) throw new Error(`pagefind ${file}: ${added.errors.join('; ')}`);
  count++;
}
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`pagefind: indexed ${count} openings`);
