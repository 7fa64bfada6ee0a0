/**
 * An Imported record as an advisory file. Facts carry over (ids, vectors, CWE, credits,
 * references, packages and fix commits) and the description becomes the summary and body
 * sections. What a record cannot know is FILL-IN with a hint, so `check` refuses the file
 * until a person has decided it: the dates, the pre-announcement's releases and text, each
 * named release's status, and any body section the record has no words for.
 */
import { scoreCvss, cvssVectorProblem } from '../../schemas/cvss.ts';
import { CONTROL_CHARACTER } from '../../content/lint.ts';
import { githubCommit, packagePage } from '../../model/urls.ts';
import { advisoryText, type AdvisoryDraft } from '../advisory-writer.ts';
import { fillIn, HINTS, proposedDate, releaseCommitHint, releaseTagHint } from '../placeholders.ts';
import { isoInstant, type Dates } from '../schedule.ts';
import { firstParagraph, splitDescription } from './description.ts';
import type { Imported, ImportedAffected } from './imported.ts';
import { currentGithubUrl } from '../repository-names.ts';
import { mentionedReleases } from './release-mentions.ts';
import { flawSummary, withoutProductIntroduction } from './summary.ts';

/** `releases`: the named releases of content/releases.yaml, oldest first, for rows the record's words suggest. */
export type ImportOptions = { id: string; proposal: Dates; noticeHours: number; releases?: readonly string[] };

const TITLE_MAX = 160;

/** Every control character `check` refuses (tabs and line breaks are kept). */
const CONTROL = new RegExp(CONTROL_CHARACTER.source, 'g');

/** A copy of `value` with every control character in its strings replaced by a space. */
function withoutControlCharacters<T>(value: T): { value: T; replaced: number } {
  let replaced = 0;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replace(CONTROL, () => {
        replaced++;
        return ' ';
      });
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, clean(child)]));
    return v;
  };
  return { value: clean(value) as T, replaced };
}

export function importedToAdvisory(
  record: Imported,
  o: ImportOptions,
): { data: AdvisoryDraft; body: string; text: string; notes: string[] } {
  const { value: imported, replaced } = withoutControlCharacters(record);
  const notes = [...imported.notes];
  if (replaced > 0) notes.push(`the record held ${replaced} control character(s), which feeds cannot carry; each became a space`);
  // Links in the record's words name repositories as they are called today, like its references.
  const description = imported.description?.replace(/https:\/\/github\.com\/[^\s)<>\]"'`]+/g, currentGithubUrl);
  const sections = splitDescription(description);
  if (sections.impact) sections.impact = withoutProductIntroduction(sections.impact);
  const mentioned = mentionedReleases(`${imported.title ?? ''}\n${description ?? ''}`, o.releases ?? []);
  // Named releases run repositories deployed from source; a package gets the rows only when nothing else would.
  const hasRepository = imported.affected.some((a) => !('package' in a));
  const rowsFor = (a: ImportedAffected) => (!hasRepository || !('package' in a) ? mentioned : []);
  const affected =
    imported.affected.length > 0
      ? imported.affected.map((a) => affectedEntry(a, imported.otherFixes, rowsFor(a)))
      : [{ repository: HINTS.repository, master_fix: HINTS.masterFix, releases: [templateRelease()] }];
  if (mentioned.length > 0 && imported.affected.length > 0)
    notes.push(
      `affected: the record mentions ${mentioned.join(', ')}; each has a proposed row whose status (and commit or tag) is yours to set, or remove the row`,
    );
  if (imported.affected.length === 0)
    notes.push('affected: the record names no package range or fix commit; the affected component is yours to write');
  const components = affected.map((a) => ('package' in a ? (a.package as { name: string }).name : a.repository) as string);

  let title = imported.title?.replace(/\s+/g, ' ').trim();
  if (title && title.length > TITLE_MAX) {
    notes.push(`title: the record's title was ${title.length} characters; shorten it to ${TITLE_MAX} or fewer`);
  }
  if (!title) title = HINTS.title;
  const summary = flawSummary(firstParagraph(sections.impact)) ?? HINTS.summary;
  const published = publishedAt(imported.published);
  const data: AdvisoryDraft = {
    id: o.id,
    title,
    summary,
    announce_at: proposedDate(
      `the pre-announcement, at least ${o.noticeHours} hours before publish_at (remove it for an advisory already public)`,
      o.proposal.announceAt,
    ),
    publish_at: proposedDate(
      `the publication, when the patch is released${published ? ` (the record was published ${published})` : ''}`,
      o.proposal.publishAt,
    ),
    notice: {
      components,
      releases: [HINTS.noticeReleases],
      severity: levelOf(imported) ?? HINTS.severityLevel,
      text: HINTS.noticeText,
    },
    severity: imported.cvss_v3 || imported.cvss_v4 ? { cvss_v3: imported.cvss_v3, cvss_v4: imported.cvss_v4 } : { cvss_v3: HINTS.cvss },
    affected,
    aliases: imported.aliases,
    cwe: imported.cwe,
    credits: imported.credits,
    references: imported.references,
  };
  if (!imported.cvss_v3 && !imported.cvss_v4)
    notes.push('severity: the record has no CVSS 3.1 or 4.0 vector; score the flaw (notice.severity must then match its level)');
  if (imported.otherFixes.length > 0) {
    notes.push(
      `affected: ${imported.otherFixes.map((f) => f.sha.slice(0, 7)).join(', ')} fix the flaw outside master (backports, presumably): each has a row of affected releases waiting for its release name; check the commits`,
    );
  }
  if (imported.credits.length === 0)
    notes.push('credits: the record credits nobody; add the reporter as they asked to be named (or leave it empty)');
  if (summary !== HINTS.summary)
    notes.push(
      "summary is the sentence(s) of the record's description that say what is wrong (without the product's introduction, the versions or the fix), and ## Impact is the description: reword them for operators if needed",
    );

  const body = [
    '## Impact',
    '',
    sections.impact ?? HINTS.impact,
    '',
    '## Patches',
    '',
    sections.patches ?? patchesFromFacts(imported),
    '',
    '## Workarounds',
    '',
    sections.workarounds ?? HINTS.workarounds,
    '',
    '## References',
    '',
    referencesSection(imported, sections.references),
  ].join('\n');
  return { data, body, text: advisoryText(data, body), notes };
}

/** The record's publication instant in whole seconds, as the site writes instants. */
function publishedAt(text: string | undefined): string | undefined {
  const t = text ? Date.parse(text) : NaN;
  return Number.isNaN(t) ? undefined : isoInstant(new Date(t));
}

/**
 * An entry in the site's shape. A repository's backport commits become rows of named
 * releases with the commit known and the release left to a person; a named release the
 * record mentions becomes a row with the status left to a person; without any, one row to
 * copy for each supported release.
 */
function affectedEntry(a: ImportedAffected, otherFixes: Imported['otherFixes'], mentioned: readonly string[]): Record<string, unknown> {
  const proposed = mentioned
    .filter((release) => !a.releases.some((r) => r.release === release))
    .map((release) => ({
      release,
      status: fillIn(`the record mentions ${release}: fixed, affected, not_affected or wont_fix (or remove this row)`),
      ...('package' in a ? {} : { commit: releaseCommitHint(release) }),
      tag: releaseTagHint(release),
    }));
  if ('package' in a) {
    const ranges = a.ranges.length > 0 ? a.ranges : [{ introduced: HINTS.introducedVersion, fixed: HINTS.fixedVersion }];
    return { package: a.package, ...(a.repository ? { repository: a.repository } : {}), ranges, releases: [...a.releases, ...proposed] };
  }
  const backports = otherFixes
    .filter((f) => f.repository === a.repository)
    .map((f) => ({ release: fillIn(`the named release whose branch holds commit ${f.sha.slice(0, 7)}`), status: 'fixed', commit: f.sha }));
  const releases = [...a.releases, ...proposed, ...backports];
  return {
    repository: a.repository,
    master_fix: a.master_fix ?? HINTS.masterFix,
    releases: releases.length > 0 ? releases : [templateRelease()],
  };
}

const templateRelease = () => ({
  release: HINTS.release,
  status: HINTS.releaseStatus,
  commit: releaseCommitHint(''),
  tag: releaseTagHint(''),
});

/** The notice level: computed from the first valid vector (3.1 first, as check does). */
function levelOf(imported: Imported): string | undefined {
  for (const [vector, version] of [
    [imported.cvss_v3, '3.1'],
    [imported.cvss_v4, '4.0'],
  ] as const) {
    if (vector && !cvssVectorProblem(vector, version)) return scoreCvss(vector, version).level;
  }
  return undefined;
}

/** "Fixed in …" lines from the facts; backports the record does not place stay FILL-IN. */
function patchesFromFacts(imported: Imported): string {
  const lines: string[] = [];
  for (const a of imported.affected) {
    if ('package' in a) {
      for (const r of a.ranges)
        if (r.fixed)
          lines.push(
            `- \`${a.package.name}\`: fixed in version [${r.fixed}](${packagePage(a.package.ecosystem, a.package.name, r.fixed)}).`,
          );
    } else if (a.master_fix) {
      lines.push(
        `- \`${a.repository}\`: fixed on master in commit [\`${a.master_fix.slice(0, 7)}\`](${githubCommit(a.repository, a.master_fix)}).`,
      );
    }
  }
  if (imported.otherFixes.length > 0) {
    const list = imported.otherFixes.map((f) => `[\`${f.sha.slice(0, 7)}\`](${githubCommit(f.repository, f.sha)})`).join(', ');
    lines.push(`- Backports to named releases: ${list}.`);
  }
  return lines.length > 0 ? lines.join('\n') : HINTS.patches;
}

/** The description's own References text, then every typed reference it does not already link. */
function referencesSection(imported: Imported, own: string | undefined): string {
  const label = (url: string, type: string) => {
    const ghsa = /(GHSA(-[23456789cfghjmpqrvwx]{4}){3})/.exec(url)?.[1];
    if (type === 'advisory' && ghsa && url.includes('github.com')) return `GitHub advisory ${ghsa}`;
    const commit = /\/commit\/([0-9a-f]{7,40})/.exec(url)?.[1];
    if (commit) return `Fix commit ${commit.slice(0, 7)}`;
    const cve = /CVERecord\?id=(CVE-\d+-\d+)/.exec(url)?.[1];
    if (cve) return `${cve} at cve.org`;
    const osv = /osv\.dev\/vulnerability\/(\S+)/.exec(url)?.[1];
    if (osv) return `${osv} at osv.dev`;
    return url;
  };
  // Parentheses would end a Markdown link early.
  const href = (url: string) => url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  const listed = imported.references.filter((r) => !own?.includes(r.url)).map((r) => `- [${label(r.url, r.type)}](${href(r.url)})`);
  const text = [own, listed.join('\n')].filter(Boolean).join('\n\n');
  return text || HINTS.references;
}
