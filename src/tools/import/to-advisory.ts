/**
 * An Imported record as the text of an advisory file. Facts carry over (ids, vectors, CWE,
 * credits, references, fixes); prose and decisions do not: the summary, notice text, named
 * releases and body are FILL-IN for the working group to write, with the source's
 * description quoted below as material, so `check` refuses the file until a person has.
 */
import { stringify } from 'yaml';
import { scoreCvss } from '../../lib/cvss.ts';
import { PLACEHOLDER } from '../../lib/lint.ts';
import { componentName } from '../../schemas/advisory.ts';
import type { Imported } from './imported.ts';

export type Dates = { announceAt: string; publishAt: string };

export function importedToAdvisory(imported: Imported, id: string, dates: Dates): { text: string; todo: string[] } {
  const todo = [...imported.todo];
  const severity = imported.cvss_v3 ? scoreCvss(imported.cvss_v3, '3.1').level : imported.cvss_v4 ? scoreCvss(imported.cvss_v4, '4.0').level : undefined;
  if (!severity) todo.push('notice.severity: the record has no CVSS vector; score it (CVSS 3.1) and add severity.cvss_v3');
  if (imported.affected.length === 0) todo.push('affected: the record names no fix commit or package range; add the affected components');
  const components = imported.affected.map(componentName);
  const data = {
    id,
    title: imported.title?.trim() || PLACEHOLDER,
    summary: `${PLACEHOLDER}: one plain-text paragraph, in the working group's words.`,
    announce_at: dates.announceAt,
    publish_at: dates.publishAt,
    notice: {
      components: components.length ? components : [`${PLACEHOLDER}/${PLACEHOLDER}`],
      releases: [],
      severity: severity ?? 'medium',
      text: `${PLACEHOLDER}: one public line for the pre-announcement, with no detail of the flaw.`,
    },
    ...(imported.cvss_v3 || imported.cvss_v4
      ? { severity: { ...(imported.cvss_v3 ? { cvss_v3: imported.cvss_v3 } : {}), ...(imported.cvss_v4 ? { cvss_v4: imported.cvss_v4 } : {}) } }
      : {}),
    affected: imported.affected.length ? imported.affected : [{ repository: `${PLACEHOLDER}/${PLACEHOLDER}`, releases: [] }],
    aliases: imported.aliases,
    cwe: imported.cwe,
    credits: imported.credits,
    references: imported.references,
  };
  todo.push(
    'announce_at, publish_at: defaults were set; use the agreed pre-announcement and release times',
    'notice.releases and affected[].releases: the status and fix of each supported named release',
  );
  const quoted = (imported.description ?? '').trim().split('\n').map((l) => `> ${l}`.trimEnd()).join('\n');
  const body = [
    '## Impact',
    '',
    `${PLACEHOLDER}: who is affected and what an attacker could do. The source record (${imported.source}) says:`,
    '',
    quoted || '> (no description)',
    '',
    '## Patches',
    '',
    PLACEHOLDER,
    '',
    '## Workarounds',
    '',
    PLACEHOLDER,
    '',
    '## References',
    '',
    ...imported.references.map((r) => `- <${r.url}>`),
    '',
  ];
  return { text: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.join('\n')}`, todo };
}
