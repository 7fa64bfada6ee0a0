/**
 * OSV records (https://ossf.github.io/osv-schema/), as the OSV database, GitHub's advisory
 * database and PyPA's advisory database publish them, to an Imported.
 */
import { ECOSYSTEMS } from '../../schemas/advisory.ts';
import {
  addAlias,
  addCredit,
  addCwe,
  addReference,
  addRepositoryFix,
  addVector,
  emptyImport,
  fixesFromReferences,
  repositoryOf,
  type Imported,
  type ImportedPackage,
} from './imported.ts';
import type { Fields } from './json-fields.ts';
import { rangesFromEvents } from './version-range.ts';

const RECORD = 'an OSV record';

export function fromOsv(record: Fields): Imported {
  // The OSV schema requires id and modified; anything without them is not an OSV record.
  const id = record.string('id', RECORD)!;
  record.string('modified', RECORD);
  const out = emptyImport(`OSV ${id}`);
  out.title = record.string('summary');
  out.description = record.string('details');
  out.published = record.string('published');
  const withdrawn = record.string('withdrawn');
  if (withdrawn) out.notes.push(`the record was withdrawn on ${withdrawn}; make sure the vulnerability is real before publishing it`);

  addAlias(out, id);
  for (const alias of record.strings('aliases')) addAlias(out, alias);
  for (const s of record.objects('severity')) {
    const type = s.string('type');
    if (type === 'CVSS_V3' || type === 'CVSS_V4') addVector(out, s.string('score'));
    else out.notes.push(`severity: a ${type} score was left out; score the flaw with CVSS 3.1 or 4.0`);
  }
  // GitHub's database keeps CWE ids in database_specific.
  for (const cwe of record.object('database_specific')?.strings('cwe_ids') ?? []) addCwe(out, cwe);
  for (const c of record.objects('credits')) addCredit(out, c.string('name'), c.string('type'), c.strings('contact'));
  for (const r of record.objects('references')) addReference(out, r.string('url', 'a reference'), r.string('type'));
  // The advisory itself, for readers who want the source.
  if (/^(GHSA|PYSEC|CVE)-/.test(id)) addReference(out, `https://osv.dev/vulnerability/${id}`, 'advisory');

  // A GitHub advisory's own repository is the package's source (PyPA and GitHub records point at it).
  const advisoryRepository = repositoryOf(out.references.find((r) => /\/security\/advisories\/GHSA-/.test(r.url))?.url);
  for (const a of record.objects('affected')) importAffected(out, a, advisoryRepository);
  fixesFromReferences(out);
  return out;
}

function importAffected(out: Imported, a: Fields, advisoryRepository: string | undefined): void {
  const pkg = a.object('package');
  const ecosystem = pkg?.string('ecosystem');
  const name = pkg?.string('name');
  const ranges = a.objects('ranges');
  const gitRanges = ranges.filter((r) => r.string('type') === 'GIT');
  const versionRanges = ranges.filter((r) => r.string('type') === 'ECOSYSTEM' || r.string('type') === 'SEMVER');

  let entry: ImportedPackage | undefined;
  if (ecosystem && name && ecosystem !== 'GIT') {
    if (!(ECOSYSTEMS as readonly string[]).includes(ecosystem)) {
      out.notes.push(
        `affected: ${name} is a ${ecosystem} package, an ecosystem this site does not list (${ECOSYSTEMS.join(', ')}); it was left out`,
      );
      return;
    }
    const found = versionRanges.flatMap((r) => rangesFromEvents(r.objects('events', 'a range')!.map((e) => e.value)));
    if (found.length === 0) out.notes.push(`affected: ${name} lists versions but no range; write its range (introduced, fixed)`);
    entry = { package: { ecosystem: ecosystem as ImportedPackage['package']['ecosystem'], name }, ranges: found, releases: [] };
    const source = gitRanges.map((r) => repositoryOf(r.string('repo'))).find(Boolean) ?? advisoryRepository;
    if (source) entry.repository = source;
    out.affected.push(entry);
  }
  // GIT ranges: commits. For a package they are references to its fix; for a repository
  // deployed from source they are its fix (OSV 1.6 also allows package.ecosystem GIT).
  for (const r of gitRanges) {
    const repository = repositoryOf(r.string('repo') ?? (ecosystem === 'GIT' ? name : undefined));
    if (!repository) continue;
    for (const e of r.objects('events', 'a GIT range')) {
      const sha = e.string('fixed');
      if (!sha) continue;
      if (entry) addReference(out, `https://github.com/${repository}/commit/${sha}`, 'fix');
      else addRepositoryFix(out, { repository, sha });
    }
  }
}
