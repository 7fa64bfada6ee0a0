/**
 * The search page's script (src/pages/search.astro): loads Pagefind's search API from the
 * bundle the build wrote, runs the query as it is typed (src/components/search-query.ts), and
 * shows the results a few at a time in the archive's own markup, loading only the records it
 * shows. The filters' index is requested only when the filters are opened. Every text from the
 * index goes in through textContent, never as HTML.
 */
import {
  FILTER_GROUPS,
  PAGE_SIZE as PAGE,
  SiteSearch,
  pagefindOptions,
  type Chosen,
  type FilterGroup,
  type Fragment,
  type Hit,
  type PagefindApi,
} from './search-query.ts';

const LABELS: Record<FilterGroup, string> = { severity: 'Severity', year: 'Year', component: 'Component' };
const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'none'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpt, with the words the query matched in <mark>. Pagefind marks them in text
 * whose `<` and `>` it escaped; the pieces are put back as text nodes, not parsed.
 */
function excerpt(html: string): HTMLElement {
  const p = el('p', 'search-excerpt');
  const text = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  html.split(/<mark>|<\/mark>/).forEach((part, i) => p.append(i % 2 === 1 ? el('mark', undefined, text(part)) : text(part)));
  return p;
}

function resultItem(f: Fragment): HTMLLIElement {
  const { title = '', ids, level, date, withdrawn } = f.meta;
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
  a.href = f.url;
  if (ids) a.append(el('span', 'advisory-id', ids.split(' ')[0]), ': ');
  a.append(title);
  line.append(a);
  if (withdrawn) line.append(' ', el('span', 'tag tag-withdrawn', 'Withdrawn'));
  li.append(line);
  if (date) {
    const meta = el('ul', 'meta');
    meta.append(el('li', undefined, `Published ${date}`));
    li.append(meta);
  }
  if (f.excerpt) li.append(excerpt(f.excerpt));
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
  const unavailable = () => {
    document.getElementById('search-unavailable')?.removeAttribute('hidden');
    form.hidden = true;
  };

  const bundle = form.dataset.bundle!;
  const engine: Promise<SiteSearch> = import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pagefind: PagefindApi) => {
    await pagefind.options(pagefindOptions(bundle, form.dataset.base!));
    await pagefind.init();
    return new SiteSearch(pagefind);
  });
  engine.catch(unavailable);

  let query = '';
  let hits: Hit[] = [];
  const chosen: Record<FilterGroup, Set<string>> = { severity: new Set(), year: new Set(), component: new Set() };
  let generation = 0;
  const choices = (): Chosen => Object.fromEntries(FILTER_GROUPS.map((g) => [g, [...chosen[g]]]));

  async function show(count: number, mine: number): Promise<void> {
    const fragments = await Promise.all(hits.slice(0, count).map((h) => h.data()));
    if (mine !== generation) return;
    list.replaceChildren(...fragments.map(resultItem));
    more.hidden = hits.length <= count;
    const n = hits.length;
    status.textContent = query ? `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'} for ${query}` : '';
  }

  async function renderFilters(search: SiteSearch, mine: number): Promise<void> {
    const counts = await search.counts(query, choices());
    if (mine !== generation) return;
    groups.replaceChildren(
      ...FILTER_GROUPS.map((g) => {
        const set = el('fieldset', 'filter-group');
        set.append(el('legend', undefined, LABELS[g]));
        const values = [...new Set([...Object.keys(counts[g]), ...chosen[g]])].sort((a, b) =>
          g === 'severity' ? LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b) : g === 'year' ? b.localeCompare(a) : a.localeCompare(b),
        );
        for (const value of values) {
          const count = counts[g][value] ?? 0;
          if (count === 0 && !chosen[g].has(value)) continue;
          const id = `filter-${g}-${value.replace(/[^a-z0-9]+/gi, '-')}`;
          const box = el('input');
          Object.assign(box, { type: 'checkbox', id, name: g, value, checked: chosen[g].has(value) });
          box.addEventListener('change', () => {
            if (box.checked) chosen[g].add(value);
            else chosen[g].delete(value);
            void run(query);
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

  async function run(term: string): Promise<void> {
    const mine = ++generation;
    query = term.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      hits = [];
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      filtersBox.hidden = true;
      return;
    }
    status.textContent = `Searching for ${query}…`;
    try {
      const search = await engine;
      const found = await search.search(query, choices());
      if (mine !== generation) return;
      hits = found;
      filtersBox.hidden = hits.length === 0 && FILTER_GROUPS.every((g) => chosen[g].size === 0);
      await Promise.all([show(PAGE, mine), filtersBox.open ? renderFilters(search, mine) : undefined]);
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
  filtersBox.addEventListener('toggle', () => {
    if (filtersBox.open) engine.then((search) => renderFilters(search, generation)).catch(unavailable);
  });

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
