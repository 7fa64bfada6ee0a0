/** OSV records (as in the OSV and GitHub advisory databases) to an Imported. */
import { ECOSYSTEMS } from '../../schemas/advisory.ts';
import { addAlias, addReference, addVector, commitOf, creditType, currentRepository, ImportError, repositoryFixes, type Imported } from './imported.ts';

type OsvEvent = { introduced?: string; fixed?: string; last_affected?: string };
type Osv = {
  id: string;
  summary?: string;
  details?: string;
  aliases?: string[];
  severity?: Array<{ type: string; score: string }>;
  affected?: Array<{ package?: { ecosystem?: string; name?: string }; ranges?: Array<{ type: string; repo?: string; events: OsvEvent[] }> }>;
  references?: Array<{ type?: string; url: string }>;
  credits?: Array<{ name: string; type?: string }>;
  database_specific?: { cwe_ids?: string[] };
};

export function fromOsv(record: Osv, input: string): Imported {
  if (typeof record.id !== 'string') throw new ImportError(input, 'id', 'an OSV record needs a string "id"');
  const out: Imported = { source: `OSV ${record.id}`, title: record.summary, description: record.details, aliases: [], cwe: [], credits: [], references: [], affected: [], todo: [] };
  addAlias(out, record.id);
  for (const a of record.aliases ?? []) addAlias(out, a);
  for (const s of record.severity ?? []) addVector(out, s.score);
  out.cwe.push(...(record.database_specific?.cwe_ids ?? []).filter((c) => /^CWE-\d+$/.test(c)));
  for (const c of record.credits ?? []) out.credits.push({ name: c.name, type: creditType(c.type) });
  for (const r of record.references ?? []) addReference(out, r.url, r.type ? (r.type.toLowerCase() as never) : undefined);
  for (const [i, a] of (record.affected ?? []).entries()) {
    for (const range of a.ranges ?? []) {
      if (range.type === 'GIT' && range.repo) {
        const repo = /github\.com\/([\w.-]+\/[\w.-]+?)(\.git)?$/.exec(range.repo)?.[1];
        const fixed = range.events.flatMap((e) => (e.fixed ? [e.fixed] : []));
        if (repo) repositoryFixes(out, fixed.map((sha) => ({ repository: currentRepository(repo), sha })));
      } else if (range.type === 'ECOSYSTEM' || range.type === 'SEMVER') {
        const ecosystem = a.package?.ecosystem;
        const name = a.package?.name;
        if (!ecosystem || !name) throw new ImportError(input, `affected[${i}].package`, 'an ECOSYSTEM range needs package.ecosystem and package.name');
        if (!(ECOSYSTEMS as readonly string[]).includes(ecosystem)) {
          out.todo.push(`affected: ecosystem ${ecosystem} (${name}) is not one this site lists (${ECOSYSTEMS.join(', ')}); describe it by hand`);
          continue;
        }
        const ranges = eventsToRanges(range.events);
        out.affected.push({ package: { ecosystem: ecosystem as (typeof ECOSYSTEMS)[number], name }, ranges, releases: [] });
      }
    }
  }
  // Fix commits named only in references still tell us the repository's master fix.
  if (!out.affected.some((a) => 'package' in a)) {
    repositoryFixes(out, out.references.flatMap((r) => (r.type === 'fix' ? (commitOf(r.url) ?? []) : [])));
  }
  return out;
}

function eventsToRanges(events: OsvEvent[]): Array<{ introduced: string; fixed?: string; last_affected?: string }> {
  const ranges: Array<{ introduced: string; fixed?: string; last_affected?: string }> = [];
  for (const e of events) {
    if (e.introduced !== undefined) ranges.push({ introduced: e.introduced });
    else if (ranges.length > 0 && e.fixed) ranges.at(-1)!.fixed = e.fixed;
    else if (ranges.length > 0 && e.last_affected) ranges.at(-1)!.last_affected = e.last_affected;
  }
  return ranges;
}
