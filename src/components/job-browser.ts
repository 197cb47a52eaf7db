/**
 * Enhances an openings listing where JavaScript runs: full-text search with Pagefind.
 * Queries are NFKC-normalised, as the index is, so full-width ＩＣＴ finds ICT.
 */
interface PagefindResult {
  data: () => Promise<{ url: string }>;
}
interface Pagefind {
  search: (q: string) => Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () => {
  const path = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ path) as Promise<Pagefind>;
  return pagefind;
};

export const normaliseQuery = (q: string) => q.normalize('NFKC').trim().replace(/\s+/g, ' ');

export function initJobBrowser(): void {
  const root = document.querySelector('job-browser');
  if (!root) return;
  const box = root.querySelector<HTMLElement>('[data-search]');
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const cards = [...root.querySelectorAll<HTMLElement>('[data-results] > li')];
  const count = root.querySelector<HTMLElement>('[data-count]');
  if (!box || !form || !status || !(root instanceof HTMLElement)) return;
  const fill = (template: string | undefined, values: Record<string, string | number>) =>
    (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  box.hidden = false;

  const show = (urls: Set<string> | undefined) => {
    let visible = 0;
    for (const card of cards) {
      const match = !urls || urls.has(card.dataset['url'] ?? '');
      card.hidden = !match;
      if (match) visible++;
    }
    if (count) count.textContent = fill(root.dataset['msgCount'], { n: visible });
    return visible;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const raw = new FormData(form).get('q');
    const q = normaliseQuery(typeof raw === 'string' ? raw : '');
    if (!q) {
      show(undefined);
      status.textContent = '';
      return;
    }
    const { results } = await (await loadPagefind()).search(q);
    const urls = new Set((await Promise.all(results.map((r) => r.data()))).map((d) => d.url.replace(/index\.html$/, '')));
    const n = show(urls);
    status.textContent = fill(root.dataset['msgResults'], { q, n });
  });
}
