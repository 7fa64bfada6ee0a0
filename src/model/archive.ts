/**
 * The advisory archive as pre-built pages: the full list and one list per filter value
 * (severity, year, component, named release), each cut into pages of PER_PAGE. Filters are
 * plain links, so they work without JavaScript, and no page ever lists the whole archive
 * inline, so page weight stays flat at 10,000 advisories.
 */
import { SEVERITY_LEVELS, type SeverityLevel } from '../schemas/cvss.ts';
import { ARCHIVE_FACETS, paths, type ArchiveFacet } from './urls.ts';

export const PER_PAGE = 50;

/** The parts of a published advisory the archive sorts and filters on. */
export type ArchiveItem = {
  id: string;
  year: string;
  level: SeverityLevel;
  components: readonly string[];
  releaseNames: readonly string[];
};

export type FacetOption = { facet: ArchiveFacet; value: string; label: string; count: number; path: string };

/** One filtered (or unfiltered) list before pagination. */
export type Listing<T> = { facet?: ArchiveFacet | undefined; value?: string | undefined; label: string; items: T[] };

export type ArchivePage<T> = {
  facet?: ArchiveFacet | undefined;
  value?: string | undefined;
  /** What the listing shows, e.g. "Severity: high"; "All advisories" when unfiltered. */
  label: string;
  page: number;
  pages: number;
  /** Advisories in the whole listing (all its pages). */
  total: number;
  /** 1-based position of this page's first item in the listing. */
  first: number;
  items: T[];
  path: string;
};

export type ArchiveOptions = {
  perPage?: number;
  /** Named releases in display order (newest first) and their titles. */
  releases?: ReadonlyArray<{ name: string; title: string }>;
};

export const FACET_LABELS: Record<ArchiveFacet, string> = {
  severity: 'Severity',
  year: 'Year',
  component: 'Component',
  release: 'Named release',
};

/** A URL-safe slug for a component name ("@edx/frontend-platform" -> "edx-frontend-platform"). */
export function componentSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'component'
  );
}

/**
 * Slugs for every component, unique: when two names fold to the same slug, the later one in
 * sorted order gets a numeric suffix. Names differ only in punctuation in practice, so this
 * almost never fires, but a silent merge of two components' lists would be wrong.
 */
export function componentSlugs(names: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of [...new Set(names)].sort()) {
    const base = componentSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(name, slug);
  }
  return out;
}

function valuesOf(item: ArchiveItem, facet: ArchiveFacet, slugs: Map<string, string>): string[] {
  switch (facet) {
    case 'severity':
      return [item.level];
    case 'year':
      return [item.year];
    case 'component':
      return item.components.map((c) => slugs.get(c)!);
    case 'release':
      return [...item.releaseNames];
  }
}

/** Every filter value that has at least one advisory, in display order, with counts. */
export function facetOptions(items: readonly ArchiveItem[], options: ArchiveOptions = {}): Record<ArchiveFacet, FacetOption[]> {
  const slugs = componentSlugs(items.flatMap((i) => i.components));
  const names = new Map([...slugs].map(([name, slug]) => [slug, name]));
  const releaseTitles = new Map((options.releases ?? []).map((r) => [r.name, r.title]));
  const releaseOrder = (options.releases ?? []).map((r) => r.name);
  const result = {} as Record<ArchiveFacet, FacetOption[]>;
  for (const facet of ARCHIVE_FACETS) {
    const counts = new Map<string, number>();
    for (const item of items) {
      for (const v of new Set(valuesOf(item, facet, slugs))) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const order = (a: string, b: string): number => {
      if (facet === 'severity') return SEVERITY_LEVELS.indexOf(b as SeverityLevel) - SEVERITY_LEVELS.indexOf(a as SeverityLevel);
      if (facet === 'year') return b.localeCompare(a);
      if (facet === 'release') {
        const [ia, ib] = [releaseOrder.indexOf(a), releaseOrder.indexOf(b)];
        return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
      }
      return names.get(a)!.localeCompare(names.get(b)!);
    };
    result[facet] = [...counts.keys()].sort(order).map((value) => ({
      facet,
      value,
      label: facet === 'component' ? names.get(value)! : facet === 'release' ? (releaseTitles.get(value) ?? value) : value,
      count: counts.get(value)!,
      path: paths.advisoryFacet(facet, value),
    }));
  }
  return result;
}

/** The unfiltered list and one list per filter value; items keep their input order. */
export function archiveListings<T extends ArchiveItem>(items: readonly T[], options: ArchiveOptions = {}): Listing<T>[] {
  const slugs = componentSlugs(items.flatMap((i) => i.components));
  const listings: Listing<T>[] = [{ label: 'All advisories', items: [...items] }];
  const facets = facetOptions(items, options);
  for (const facet of ARCHIVE_FACETS) {
    const byValue = new Map<string, T[]>();
    for (const item of items) {
      for (const v of new Set(valuesOf(item, facet, slugs))) {
        const list = byValue.get(v) ?? [];
        list.push(item);
        byValue.set(v, list);
      }
    }
    for (const option of facets[facet]) {
      listings.push({ facet, value: option.value, label: `${FACET_LABELS[facet]}: ${option.label}`, items: byValue.get(option.value)! });
    }
  }
  return listings;
}

/** Cuts one listing into pages; an empty listing still has one (empty) page. */
export function paginate<T>(listing: Listing<T>, perPage = PER_PAGE): ArchivePage<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`perPage must be a positive integer (found ${perPage})`);
  const pages = Math.max(1, Math.ceil(listing.items.length / perPage));
  return Array.from({ length: pages }, (_, i) => {
    const page = i + 1;
    return {
      facet: listing.facet,
      value: listing.value,
      label: listing.label,
      page,
      pages,
      total: listing.items.length,
      first: i * perPage + 1,
      items: listing.items.slice(i * perPage, page * perPage),
      path: listingPath(listing, page),
    };
  });
}

export function listingPath(listing: Pick<Listing<unknown>, 'facet' | 'value'>, page: number): string {
  return listing.facet && listing.value ? paths.advisoryFacet(listing.facet, listing.value, page) : paths.advisoriesPage(page);
}

/** Every archive page of every listing: what the routes pre-build. */
export function archivePages<T extends ArchiveItem>(items: readonly T[], options: ArchiveOptions = {}): ArchivePage<T>[] {
  return archiveListings(items, options).flatMap((l) => paginate(l, options.perPage));
}

/**
 * Page numbers to show in a pagination bar: the first, the last, and two either side of the
 * current one, with gaps between (at most 9 entries whatever the page count).
 */
export function pageWindow(current: number, total: number): Array<number | 'gap'> {
  const shown = new Set([1, total]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= total) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push('gap');
    out.push(p);
  });
  return out;
}
