import { describe, expect, it } from 'vitest';
import {
  archiveListings,
  archivePages,
  componentSlug,
  componentSlugs,
  facetOptions,
  pageWindow,
  paginate,
  PER_PAGE,
  type ArchiveItem,
} from '../../src/model/archive.ts';
import { SEVERITY_LEVELS } from '../../src/schemas/cvss.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_IDS, FIXTURE_PUBLIC_IDS } from '../fixtures/site/canaries.ts';

const model = fixtureModel();
const options = { releases: model.releases };

/** A synthetic archive: ids newest first, severities, years and components cycling. */
function synthetic(n: number): ArchiveItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `OEA-${2030 - Math.floor(i / 1000)}-${String(n - i).padStart(5, '0')}`,
    year: String(2030 - Math.floor(i / 1000)),
    level: SEVERITY_LEVELS[i % 5]!,
    components: [`openedx/repo-${i % 37}`, ...(i % 4 === 0 ? ['@edx/frontend-platform'] : [])],
    releaseNames: i % 3 === 0 ? ['verawood'] : [],
  }));
}

describe('component slugs', () => {
  it('folds names to URL-safe slugs', () => {
    expect(componentSlug('openedx/openedx-platform')).toBe('openedx-openedx-platform');
    expect(componentSlug('@edx/frontend-platform')).toBe('edx-frontend-platform');
    expect(componentSlug('edx-enterprise')).toBe('edx-enterprise');
    expect(componentSlug('XBlock_LTI.consumer')).toBe('xblock-lti-consumer');
  });

  it('never gives two components the same slug', () => {
    const slugs = componentSlugs(['edx/frontend-platform', '@edx/frontend-platform', 'edx-frontend-platform']);
    expect(new Set(slugs.values()).size).toBe(3);
    // Sorted by name, so the suffixes do not depend on input order.
    expect(componentSlugs(['edx-frontend-platform', 'edx/frontend-platform', '@edx/frontend-platform'])).toEqual(slugs);
    expect(slugs.get('@edx/frontend-platform')).toBe('edx-frontend-platform');
  });
});

describe('facet options of the fixture site', () => {
  const facets = facetOptions(model.published, options);

  it('lists severities from critical down, with counts', () => {
    expect(facets.severity.map((o) => `${o.value}:${o.count}`)).toEqual(['high:1', 'medium:3', 'low:2']);
    expect(facets.severity[0]!.path).toBe('/advisories/severity/high/');
  });

  it('lists years newest first', () => {
    expect(facets.year.map((o) => o.value)).toEqual(['2026', '2025', '2024']);
  });

  it('labels components by name and links them by slug', () => {
    const platform = facets.component.find((o) => o.label === 'openedx/openedx-platform')!;
    expect(platform).toMatchObject({
      value: 'openedx-openedx-platform',
      count: 3,
      path: '/advisories/component/openedx-openedx-platform/',
    });
    expect(facets.component.map((o) => o.label)).toEqual([...facets.component.map((o) => o.label)].sort());
  });

  it('orders named releases newest first, with their titles', () => {
    expect(facets.release.map((o) => o.label)).toEqual(['Verawood', 'Ulmo', 'Teak', 'Sumac', 'Quince', 'Palm']);
  });

  it('never offers a value of an advisory that is not published', () => {
    // The announced advisory names verawood; only the published OEA-2026-001 counts.
    expect(facets.release.find((o) => o.value === 'verawood')!.count).toBe(1);
  });
});

describe('archive listings', () => {
  const listings = archiveListings(model.published, options);

  it('starts with every published and withdrawn advisory, newest first', () => {
    expect(listings[0]!.label).toBe('All advisories');
    expect(listings[0]!.items.map((a) => a.id)).toEqual([...FIXTURE_PUBLIC_IDS]);
  });

  it('puts each advisory in the listing of each of its values', () => {
    const get = (label: string) => listings.find((l) => l.label === label)!.items.map((a) => a.id);
    expect(get('Severity: low')).toEqual([FIXTURE_IDS.withdrawn, FIXTURE_IDS.noCvss]);
    expect(get('Year: 2025')).toEqual([FIXTURE_IDS.cvss4, FIXTURE_IDS.pypi, FIXTURE_IDS.revised]);
    expect(get('Component: edx-enterprise')).toEqual([FIXTURE_IDS.pypi]);
    expect(get('Named release: Teak')).toEqual([FIXTURE_IDS.backported]);
  });
});

describe('pagination', () => {
  it('cuts 10,000 advisories into pages of 50 and loses none', () => {
    const items = synthetic(10_000);
    const pages = paginate({ label: 'All advisories', items });
    expect(pages).toHaveLength(200);
    expect(pages.every((p) => p.items.length <= PER_PAGE && p.pages === 200 && p.total === 10_000)).toBe(true);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages[0]!.path).toBe('/advisories/');
    expect(pages[1]!.path).toBe('/advisories/page/2/');
    expect(pages[199]).toMatchObject({ page: 200, first: 9951, path: '/advisories/page/200/' });
  });

  it('pre-builds every filtered listing with unique paths and no page over the limit', () => {
    const items = synthetic(10_000);
    const pages = archivePages(items);
    const paths = pages.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(Math.max(...pages.map((p) => p.items.length))).toBe(PER_PAGE);
    expect(paths).toContain('/advisories/severity/critical/page/40/');
    expect(paths).toContain('/advisories/year/2021/page/20/');
    expect(paths).toContain('/advisories/component/edx-frontend-platform/page/50/');
    expect(paths).not.toContain('/advisories/component/edx-frontend-platform/page/51/');
    // Every listing's pages together hold exactly its items.
    for (const listing of archiveListings(items)) {
      const own = pages.filter((p) => p.label === listing.label);
      expect(own.flatMap((p) => p.items)).toEqual(listing.items);
    }
  });

  it('keeps one (empty) page for an empty archive and rejects a bad page size', () => {
    expect(paginate({ label: 'All advisories', items: [] })).toMatchObject([{ page: 1, pages: 1, total: 0, items: [] }]);
    expect(() => paginate({ label: 'x', items: [] }, 0)).toThrow(/perPage must be a positive integer \(found 0\)/);
  });

  it('shows a bounded window of page numbers with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 200)).toEqual([1, 2, 3, 'gap', 200]);
    expect(pageWindow(100, 200)).toEqual([1, 'gap', 98, 99, 100, 101, 102, 'gap', 200]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let p = 1; p <= 200; p++) {
      const w = pageWindow(p, 200);
      expect(w.length).toBeLessThanOrEqual(9);
      expect(w).toContain(p);
    }
  });
});
