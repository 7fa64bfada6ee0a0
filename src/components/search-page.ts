/**
 * The search page's script (src/pages/search.astro): reads the query as it is typed, asks
 * SearchClient (src/outputs/search-query.ts) for the ranked hits, and shows them ten at a time
 * in the archive's own markup. Filters load their data only when opened. Every text from the
 * index goes in through textContent, never as HTML.
 */
import { applyFilters, filterCounts, FILTER_GROUPS, SearchClient, type Filters, type Hit } from '../outputs/search-query.ts';
import type { DocRow, Facets } from '../outputs/search-index.ts';
import { fold, stem } from '../outputs/search-text.ts';

const PAGE = 10;
const LABELS = { severity: 'Severity', year: 'Year', component: 'Component' } as const;
const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'none'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The excerpt with the words the query matched in <mark>. */
function excerpt(text: string, query: string): HTMLElement {
  const { stems, prefix } = SearchClient.matchers(query);
  const p = el('p', 'search-excerpt');
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    const w = fold(part);
    const hit = w.length > 0 && (stems.has(stem(w)) || (prefix.length >= 3 && w.startsWith(prefix)));
    p.append(hit ? el('mark', undefined, part) : document.createTextNode(part));
  }
  return p;
}

function resultItem(row: DocRow, base: string, query: string): HTMLLIElement {
  const [url, title, summary, id, level, date, withdrawn] = row;
  const li = el('li');
  const line = el('p', 'advisory-line');
  if (level) {
    const badge = el('span', `badge badge-${level}${withdrawn ? ' badge-withdrawn' : ''}`);
    const mark = el('span', 'badge-mark');
    mark.setAttribute('aria-hidden', 'true');
    badge.append(mark, el('span', undefined, level));
    line.append(badge, ' ');
  }
  const a = el('a', 'search-result-link');
  a.href = base + url.replace(/^\//, '');
  if (id) a.append(el('span', 'advisory-id', id), ': ');
  a.append(title);
  line.append(a);
  if (withdrawn) line.append(' ', el('span', 'tag tag-withdrawn', 'Withdrawn'));
  li.append(line);
  if (date) {
    const meta = el('ul', 'meta');
    meta.append(el('li', undefined, `Published ${date}`));
    li.append(meta);
  }
  if (summary) li.append(excerpt(summary, query));
  return li;
}

export function startSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-input') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const filtersBox = document.getElementById('search-filters') as HTMLDetailsElement;
  const groups = document.getElementById('search-filter-groups')!;
  const base = new URL(form.action).pathname.replace(/search\/$/, '');
  const indexUrl = form.dataset.index!;
  const client = new SearchClient(async (path) => {
    const res = await fetch(indexUrl + path);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  });

  let query = '';
  let hits: Hit[] = [];
  let shown: Hit[] = [];
  let facets: Facets | undefined;
  const chosen: Record<string, Set<string>> = Object.fromEntries(FILTER_GROUPS.map((g) => [g, new Set<string>()]));
  let generation = 0;

  const filters = (): Filters => Object.fromEntries(FILTER_GROUPS.map((g) => [g, [...chosen[g]!]]));
  const unavailable = () => {
    document.getElementById('search-unavailable')?.removeAttribute('hidden');
    form.hidden = true;
  };

  async function show(count: number, mine: number): Promise<void> {
    const rows = await client.rows(shown.slice(0, count).map((h) => h.doc));
    if (mine !== generation) return;
    list.replaceChildren(...rows.map((r) => resultItem(r, base, query)));
    more.hidden = shown.length <= count;
    const n = shown.length;
    status.textContent = query ? `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'} for ${query}` : '';
  }

  function renderFilters(): void {
    if (!facets) return;
    const counts = filterCounts(hits, facets, filters());
    groups.replaceChildren(
      ...FILTER_GROUPS.map((g) => {
        const set = el('fieldset', 'filter-group');
        set.append(el('legend', undefined, LABELS[g]));
        const values = [...facets!.values[g]].sort((a, b) =>
          g === 'severity' ? LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b) : g === 'year' ? b.localeCompare(a) : a.localeCompare(b),
        );
        for (const value of values) {
          const count = counts[g].get(value) ?? 0;
          if (count === 0 && !chosen[g]!.has(value)) continue;
          const id = `filter-${g}-${value.replace(/[^a-z0-9]+/gi, '-')}`;
          const box = el('input');
          Object.assign(box, { type: 'checkbox', id, name: g, value, checked: chosen[g]!.has(value) });
          box.addEventListener('change', () => {
            if (box.checked) chosen[g]!.add(value);
            else chosen[g]!.delete(value);
            void refilter();
          });
          const label = el('label', undefined, `${value} (${count})`);
          label.htmlFor = id;
          const row = el('div', 'filter-option');
          row.append(box, label);
          set.append(row);
        }
        return set;
      }),
    );
  }

  async function refilter(): Promise<void> {
    const mine = ++generation;
    shown = facets ? applyFilters(hits, facets, filters()) : hits;
    renderFilters();
    await show(PAGE, mine);
  }

  async function run(term: string): Promise<void> {
    const mine = ++generation;
    query = term.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      hits = shown = [];
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      filtersBox.hidden = true;
      return;
    }
    status.textContent = `Searching for ${query}…`;
    try {
      const found = await client.search(query);
      if (mine !== generation) return;
      hits = found;
      filtersBox.hidden = hits.length === 0;
      await refilter();
    } catch {
      if (mine === generation) unavailable();
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 120);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  more.addEventListener('click', () => void show(list.children.length + PAGE, generation));
  filtersBox.addEventListener('toggle', async () => {
    if (!filtersBox.open || facets) return;
    try {
      facets = await client.facets();
      await refilter();
    } catch {
      unavailable();
    }
  });

  client.manifest().catch(unavailable);
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
