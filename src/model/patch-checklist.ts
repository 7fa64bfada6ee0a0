/**
 * The operator's patch checklist for one named release: every published advisory that names
 * the release, with what to apply for each affected component (a backport commit, a release
 * tag, a package version), and the advisories that name no release at all but came out while
 * the release was supported, which an operator must check by hand.
 *
 * Withdrawn advisories are left out: there is nothing to apply.
 */
import { isPackage, type Affected, type ReleaseFix } from '../schemas/advisory.ts';
import { utcDay } from './dates.ts';
import { PER_PAGE } from './archive.ts';
import type { PublishedAdvisory, ReleaseInfo } from './site-model.ts';
import { paths } from './urls.ts';

export type Action =
  /** A backport exists: apply the commit, or upgrade to the tag that contains it. */
  | { kind: 'backport'; component: string; repository: string; commit?: string | undefined; tag?: string | undefined }
  /** A package fix: upgrade to one of these versions (one per affected range). */
  | {
      kind: 'upgrade';
      component: string;
      ecosystem: string;
      name: string;
      repository?: string | undefined;
      fixed: string[];
      ranges: string[];
    }
  /** No fix for this release: affected and not (yet) fixed, or the group will not fix it. */
  | { kind: 'no-fix'; component: string; status: 'affected' | 'wont_fix'; repository?: string | undefined; masterFix?: string | undefined }
  /** The release is named, but this component has no row for it: only the master fix is known. */
  | { kind: 'master-only'; component: string; repository: string; masterFix?: string | undefined }
  | { kind: 'not-affected'; component: string };

export type ChecklistItem = {
  advisory: PublishedAdvisory;
  actions: Action[];
  /** True when at least one action asks the operator to change something. */
  needsAction: boolean;
};

export type Checklist = {
  release: ReleaseInfo;
  /** Advisories that name this release, newest first. */
  items: ChecklistItem[];
  /** Advisories that name no release, published while this one was supported, newest first. */
  toCheck: ChecklistItem[];
  counts: { apply: number; noFix: number; notAffected: number };
};

/** "introduced 7.0.2, fixed 7.0.5" as ">= 7.0.2, < 7.0.5". */
export function describeRange(r: { introduced: string; fixed?: string | undefined; last_affected?: string | undefined }): string {
  const from = r.introduced === '0' ? 'all versions' : `>= ${r.introduced}`;
  if (r.fixed) return `${from}, < ${r.fixed}`;
  if (r.last_affected) return `${from}, <= ${r.last_affected}`;
  return `${from} (no fixed version)`;
}

function rowFor(entry: Affected, release: string): ReleaseFix | undefined {
  return entry.releases.find((r) => r.release === release);
}

/** What to do about one affected component on one release (undefined: no release named). */
export function actionFor(entry: Affected, release: string | undefined): Action {
  const row = release ? rowFor(entry, release) : undefined;
  if (row?.status === 'not_affected') return { kind: 'not-affected', component: isPackage(entry) ? entry.package.name : entry.repository };
  if (isPackage(entry)) {
    const fixed = entry.ranges.flatMap((r) => (r.fixed ? [r.fixed] : []));
    const component = entry.package.name;
    if (row?.status === 'wont_fix' || fixed.length === 0) {
      return { kind: 'no-fix', component, status: row?.status === 'wont_fix' ? 'wont_fix' : 'affected', repository: entry.repository };
    }
    return {
      kind: 'upgrade',
      component,
      ecosystem: entry.package.ecosystem,
      name: entry.package.name,
      repository: entry.repository,
      fixed,
      ranges: entry.ranges.map(describeRange),
    };
  }
  const base = { component: entry.repository, repository: entry.repository };
  if (!row) return { kind: 'master-only', ...base, masterFix: entry.master_fix };
  if (row.status === 'fixed') return { kind: 'backport', ...base, commit: row.commit, tag: row.tag };
  return { kind: 'no-fix', ...base, status: row.status === 'wont_fix' ? 'wont_fix' : 'affected', masterFix: entry.master_fix };
}

const needs = (a: Action) => a.kind !== 'not-affected';

function item(advisory: PublishedAdvisory, release: string | undefined): ChecklistItem {
  const actions = advisory.advisory.affected.map((e) => actionFor(e, release));
  return { advisory, actions, needsAction: actions.some(needs) };
}

/** The checklist of one release from the model's published advisories (newest first). */
export function patchChecklist(release: ReleaseInfo, published: readonly PublishedAdvisory[]): Checklist {
  const live = published.filter((a) => a.visibility === 'published');
  const items = live.filter((a) => a.releaseNames.includes(release.name)).map((a) => item(a, release.name));
  const toCheck = live
    .filter((a) => a.releaseNames.length === 0)
    .filter((a) => {
      const day = utcDay(a.advisory.publish_at);
      return release.released <= day && day <= release.end_of_support;
    })
    .map((a) => item(a, undefined));
  const counts = { apply: 0, noFix: 0, notAffected: 0 };
  for (const i of items) {
    if (i.actions.some((a) => a.kind === 'no-fix')) counts.noFix++;
    else if (i.needsAction) counts.apply++;
    else counts.notAffected++;
  }
  return { release, items, toCheck, counts };
}

/** Why a release is or is not supported at the clock (support dates, not embargo dates). */
export function supportStatus(release: ReleaseInfo, now: Date): 'supported' | 'ended' | 'not-yet-released' {
  if (release.supported) return 'supported';
  return release.released > utcDay(now.toISOString()) ? 'not-yet-released' : 'ended';
}

/** One checklist per named release, in the model's order (newest first). */
export function patchChecklists(model: { releases: readonly ReleaseInfo[]; published: readonly PublishedAdvisory[] }): Checklist[] {
  return model.releases.map((r) => patchChecklist(r, model.published));
}

export type ChecklistPage = {
  checklist: Checklist;
  page: number;
  pages: number;
  path: string;
  /** This page's share of `items`, then of `toCheck` (the two lists run on, page after page). */
  items: ChecklistItem[];
  toCheck: ChecklistItem[];
  /** 1-based position of this page's first row among all rows of both lists. */
  first: number;
};

/**
 * A checklist cut into pages of `perPage` rows, so a release named by thousands of advisories
 * still has pages of bounded size. The named list comes first; the "also check" list follows.
 */
export function checklistPages(checklist: Checklist, perPage = PER_PAGE): ChecklistPage[] {
  const rows = [...checklist.items.map((i) => ['item', i] as const), ...checklist.toCheck.map((i) => ['check', i] as const)];
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  return Array.from({ length: pages }, (_, n) => {
    const slice = rows.slice(n * perPage, (n + 1) * perPage);
    return {
      checklist,
      page: n + 1,
      pages,
      path: paths.releasePage(checklist.release.name, n + 1),
      items: slice.flatMap(([kind, i]) => (kind === 'item' ? [i] : [])),
      toCheck: slice.flatMap(([kind, i]) => (kind === 'check' ? [i] : [])),
      first: n * perPage + 1,
    };
  });
}
