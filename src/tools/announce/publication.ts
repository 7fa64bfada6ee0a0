/**
 * The announcement of a published advisory: its title and summary, severity with the CVSS
 * scores and vectors, what fixes it (the master commit, each named release's commit or tag,
 * each package's fixed versions), and links to the advisory page, its OSV record and its CSAF
 * document. Built from the site model's published advisory, the same object the advisory page
 * is rendered from, so the text says exactly what the site says at that clock.
 */
import type { PublishedAdvisory, SiteModel } from '../../model/site-model.ts';
import { describeRange } from '../../model/patch-checklist.ts';
import { absolute, githubCommit, githubTag, packagePage, paths } from '../../model/urls.ts';
import { csafPath } from '../../outputs/csaf-names.ts';
import { isPackage, type Affected, type ReleaseFix } from '../../schemas/advisory.ts';
import type { Announcement, Inline } from './announcement.ts';
import { capitalised, listOf } from './pre-announcement.ts';
import { utcWhen } from './times.ts';

const STATUS: Record<ReleaseFix['status'], string> = {
  fixed: 'fixed',
  affected: 'affected, no fix yet',
  not_affected: 'not affected',
  wont_fix: 'will not be fixed',
};

const short = (sha: string) => sha.slice(0, 10);
const link = (text: string, href: string): Inline => ({ link: text, href });

/** One line per branch or named release of an affected component: what fixes it there. */
function fixLines(entry: Affected, titles: ReadonlyMap<string, string>): Inline[][] {
  const name = isPackage(entry) ? `${entry.package.name} (${entry.package.ecosystem})` : entry.repository;
  const lines: Inline[][] = [];
  if (isPackage(entry)) {
    for (const r of entry.ranges) {
      lines.push([
        { strong: name },
        `: affected ${describeRange(r)}`,
        ...(r.fixed
          ? ['; upgrade to ', link(r.fixed, packagePage(entry.package.ecosystem, entry.package.name, r.fixed)), ' or later']
          : []),
      ]);
    }
  } else if (entry.master_fix) {
    lines.push([{ strong: name }, ', master: commit ', link(short(entry.master_fix), githubCommit(entry.repository, entry.master_fix))]);
  } else {
    lines.push([{ strong: name }, ', master: no fix commit named']);
  }
  for (const row of entry.releases) {
    const fix: Inline[] = [];
    if (row.commit && entry.repository) fix.push(' in commit ', link(short(row.commit), githubCommit(entry.repository, row.commit)));
    else if (row.commit) fix.push(' in commit ', { code: short(row.commit) });
    if (row.tag)
      fix.push(
        fix.length ? ', tag ' : ' in tag ',
        entry.repository ? link(row.tag, githubTag(entry.repository, row.tag)) : { code: row.tag },
      );
    lines.push([{ strong: name }, `, ${titles.get(row.release) ?? row.release}: ${STATUS[row.status]}`, ...fix]);
  }
  return lines;
}

export function publication(p: PublishedAdvisory, model: Pick<SiteModel, 'site' | 'releases'>): Announcement {
  const a = p.advisory;
  const titles = new Map(model.releases.map((r) => [r.name, r.title]));
  const url = (path: string) => absolute(model.site.url, path);
  const severity: Inline[] = [
    capitalised(p.level),
    ...p.severity.scores.flatMap((s) => [`; CVSS ${s.version} ${s.score.toFixed(1)} (${s.level}): `, { code: s.vector } as Inline]),
  ];
  const withdrawn = p.visibility === 'withdrawn' && a.withdrawn ? a.withdrawn : undefined;
  return {
    title: `Security: ${withdrawn ? 'Withdrawn: ' : ''}${a.title} (${p.id})`,
    blocks: [
      ...(withdrawn ? [{ paragraph: [{ strong: `Withdrawn ${utcWhen(withdrawn.at)}.` }, ` ${withdrawn.reason}`] }] : []),
      { paragraph: [a.summary] },
      {
        facts: [
          ['Advisory', [p.id]],
          ['Severity', severity],
          ['Components', [listOf(p.components)]],
          ['Published', [utcWhen(a.publish_at)]],
          ...(p.modified !== a.publish_at ? [['Updated', [utcWhen(p.modified)]] as [string, Inline[]]] : []),
          ...(a.aliases.length ? [['Aliases', [a.aliases.join(', ')]] as [string, Inline[]]] : []),
          ...(a.cwe.length ? [['Weakness', [a.cwe.join(', ')]] as [string, Inline[]]] : []),
        ],
      },
      ...(withdrawn
        ? [{ paragraph: ['Nothing in it needs to be applied; the advisory stays online so that links to it keep working.'] }]
        : [{ heading: 'What fixes it' }, { list: a.affected.flatMap((entry) => fixLines(entry, titles)) }]),
      { heading: 'Links' },
      {
        facts: [
          ['Advisory', [link(url(paths.advisory(p.id)), url(paths.advisory(p.id)))]],
          ['OSV', [link(url(paths.osv(p.id)), url(paths.osv(p.id)))]],
          ['CSAF', [link(url(csafPath(p)), url(csafPath(p)))]],
        ],
      },
    ],
  };
}
