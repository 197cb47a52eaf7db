/**
 * No module imports itself back, however far round: a cycle makes the order modules are evaluated in depend on which
 * one is imported first (a value read before its module has run is undefined), and it ties modules together that
 * should be read and tested on their own (the rules schema once imported the pay estimator, which imports the
 * eligibility checker, which reads the schema's types).
 *
 * The graph: every .ts, .tsx, .mjs and .astro file under the roots, and every project file they reach by a relative
 * import — static, type-only, `export … from` and dynamic `import()` alike (a type-only import is still a dependency of
 * the design, and type-only cycles turn into real ones as soon as a value is added). Imports are read by TypeScript's
 * own scanner (ts.preProcessFile, which skips comments and strings); in an .astro file, from its front matter and its
 * <script> elements. madge and dependency-cruiser read no .astro file.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/** The folders whose import graph must have no cycle: the site and the Worker (whose lib/ never imports a route). */
const ROOTS = ['src', 'functions'];

const CODE = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.astro'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(path);
    return CODE.includes(extname(e.name)) ? [path] : [];
  });
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The code of a file as TypeScript reads it: an .astro file's front matter and scripts, the whole file otherwise. */
function codeOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (extname(path) !== '.astro') return text;
  const frontMatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [frontMatter, ...scripts].join('\n;\n');
}

/** The file a relative specifier names: as written, with a code extension, as a folder's index, or .js for .ts. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    ...CODE.map((ext) => base + ext),
    ...CODE.map((ext) => join(base, `index${ext}`)),
    ...(/\.m?js$/.test(base) ? [base.replace(/\.(m?)js$/, '.$1ts')] : []),
  ];
  return candidates.find((c) => CODE.includes(extname(c)) && isFile(c));
}

/** Relative imports of one file, resolved to files (imports of packages and of CSS are not edges). */
function importsOf(path: string): string[] {
  const { importedFiles } = ts.preProcessFile(codeOf(path), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('./') || s.startsWith('../'))
    .map((s) => resolveImport(path, s))
    .filter((f): f is string => f !== undefined);
}

/** The import graph of every code file under `roots` and of every file they reach, keyed by absolute path. */
function importGraph(roots: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = roots.flatMap((r) => filesUnder(resolve(r)));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (graph.has(file)) continue;
    const targets = [...new Set(importsOf(file))];
    graph.set(file, targets);
    queue.push(...targets.filter((t) => !graph.has(t) && !t.split(sep).includes('node_modules')));
  }
  return graph;
}

/**
 * One cycle per strongly connected component of more than one file (or a file importing itself), each as the files
 * in import order, back to the first: Tarjan's algorithm, then a walk inside the component.
 */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);

  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0] as string;
    // Breadth first from the start back to itself, inside the component: the shortest cycle through it.
    const parent = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i] as string;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(parent.get(path[0] as string) as string);
          return [...path, start];
        }
        if (!parent.has(w)) {
          parent.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start, start];
  });
}

const shown = (cycle: string[], base: string) => cycle.map((f) => relative(base, f)).join(' → ');

describe('the import graph', () => {
  it.each(ROOTS)('has no cycle under %s/', (root) => {
    const graph = importGraph([root]);
    // A reader that found no imports would find no cycle either.
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    expect(cycles(graph).map((c) => shown(c, process.cwd()))).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('names every cycle: type-only, re-exports, .astro front matter and scripts, .mjs, folders, dynamic imports', () => {
    write('lib/schema.ts', "import { estimate } from './pay';\nexport const schema = estimate;\n");
    write('lib/pay.ts', "import { count } from './calendar';\nexport const estimate = count;\n");
    write('lib/calendar.ts', "import type { Schema } from './schema';\nexport const count = 1 as unknown as Schema;\n");
    write('lib/index.ts', "export * from './a.mjs';\n// import './b'; is a comment, not an import\n");
    write('lib/a.mjs', "export { b } from './b.js';\nconst s = \"import './index'\";\n");
    write('lib/b.ts', "export const b = () => import('./');\n");
    write('pages/Page.astro', "---\nimport Card from '../components/Card.astro';\n---\n<Card />\n");
    write('components/Card.astro', "---\n---\n<div></div>\n<script>\n  import '../pages/Page.astro';\n</script>\n");
    write('components/Leaf.astro', "---\nimport { count } from '../lib/calendar';\nimport './card.css';\n---\n");
    write('components/card.css', '');

    const found = cycles(importGraph([dir])).map((c) => shown(c, dir));
    expect(found.sort()).toEqual([
      'components/Card.astro → pages/Page.astro → components/Card.astro',
      'lib/a.mjs → lib/b.ts → lib/index.ts → lib/a.mjs',
      'lib/calendar.ts → lib/schema.ts → lib/pay.ts → lib/calendar.ts',
    ]);
  });
});
