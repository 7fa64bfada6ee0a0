/**
 * CVE JSON 5 records (cvelistV5) to an Imported. Open edX records describe "affected" three
 * ways: a package's version range (">= 7.0.2, < 7.0.5"), a platform commit ("< commit
 * 019888f", "< <sha>"), or named releases; the first two map to affected entries, the third
 * is left to a person.
 */
import { addAlias, addReference, addVector, commitOf, creditType, currentRepository, ImportError, repositoryFixes, type Imported } from './imported.ts';

type Cve5 = {
  dataType?: string;
  cveMetadata?: { cveId?: string };
  containers?: {
    cna?: {
      title?: string;
      descriptions?: Array<{ lang?: string; value?: string }>;
      metrics?: Array<{ cvssV3_1?: { vectorString?: string }; cvssV4_0?: { vectorString?: string } }>;
      problemTypes?: Array<{ descriptions?: Array<{ cweId?: string }> }>;
      credits?: Array<{ value?: string; type?: string }>;
      references?: Array<{ url: string; tags?: string[] }>;
      affected?: Array<{ vendor?: string; product?: string; versions?: Array<{ version?: string; status?: string; lessThan?: string }> }>;
      source?: { advisory?: string };
    };
  };
};

export function fromCve5(record: Cve5, input: string): Imported {
  const cna = record.containers?.cna;
  const id = record.cveMetadata?.cveId;
  if (!id) throw new ImportError(input, 'cveMetadata.cveId', 'a CVE JSON 5 record needs its CVE id');
  if (!cna) throw new ImportError(input, 'containers.cna', 'a CVE JSON 5 record needs the CNA container');
  const english = cna.descriptions?.find((d) => d.lang?.startsWith('en'))?.value;
  const out: Imported = { source: `CVE ${id}`, title: cna.title, description: english, aliases: [], cwe: [], credits: [], references: [], affected: [], todo: [] };
  addAlias(out, id);
  addAlias(out, cna.source?.advisory);
  for (const m of cna.metrics ?? []) {
    addVector(out, m.cvssV3_1?.vectorString);
    addVector(out, m.cvssV4_0?.vectorString);
  }
  for (const p of cna.problemTypes ?? []) for (const d of p.descriptions ?? []) if (d.cweId && /^CWE-\d+$/.test(d.cweId) && !out.cwe.includes(d.cweId)) out.cwe.push(d.cweId);
  for (const c of cna.credits ?? []) if (c.value) out.credits.push({ name: c.value, type: creditType(c.type) });
  for (const r of cna.references ?? []) {
    addReference(out, r.url);
    addAlias(out, /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/.exec(r.url)?.[0]);
  }
  const commits = out.references.flatMap((r) => commitOf(r.url) ?? []);

  for (const [i, a] of (cna.affected ?? []).entries()) {
    const product = a.product ?? '';
    const versions = (a.versions ?? []).filter((v) => v.status === 'affected');
    const ranges = versions.flatMap((v) => semverRange(v.version ?? '', v.lessThan) ?? []);
    const pointsAtCommit = versions.some((v) => /\b[0-9a-f]{7,40}\b/.test(v.version ?? ''));
    if (pointsAtCommit || commits.some((c) => c.repository.endsWith(`/${product}`) || c.repository === currentRepository(`openedx/${product}`))) {
      const repository = currentRepository(commits.find((c) => c.repository.endsWith(`/${product}`))?.repository ?? `${a.vendor ?? 'openedx'}/${product}`);
      const short = versions.map((v) => /\b([0-9a-f]{7,40})\b/.exec(v.version ?? '')?.[1]).find(Boolean);
      // The record may give a short SHA; the full one is in a commit reference that starts with it.
      const master = commits.find((c) => c.repository === repository && (!short || c.sha.startsWith(short))) ?? commits.find((c) => c.repository === repository);
      if (master) repositoryFixes(out, [master, ...commits.filter((c) => c.repository === repository && c !== master)]);
      else out.todo.push(`affected[${i}]: ${repository} is affected but no full fix commit is referenced; add master_fix`);
    } else if (ranges.length > 0) {
      out.affected.push({ package: { ecosystem: 'PyPI', name: product }, ranges, releases: [] });
      out.todo.push(`affected: ${product} was taken to be a PyPI package (CVE records do not say); change the ecosystem if not`);
    } else {
      throw new ImportError(input, `containers.cna.affected[${i}]`, `expected a version range or a fix commit for ${product || 'the product'}`);
    }
  }
  return out;
}

/** ">= 7.0.2, < 7.0.5" (or version + lessThan) as an introduced/fixed range. */
function semverRange(version: string, lessThan?: string): Array<{ introduced: string; fixed?: string }> | undefined {
  if (lessThan) return [{ introduced: version || '0', fixed: lessThan }];
  const from = /(?:^|,)\s*>=\s*([\w.+-]+)/.exec(version)?.[1];
  const to = /<\s*([\w.+-]+)\s*$/.exec(version)?.[1];
  if (!from && !to) return undefined;
  if (to && /^[0-9a-f]{7,40}$/.test(to)) return undefined;
  return [{ introduced: from ?? '0', ...(to ? { fixed: to } : {}) }];
}
