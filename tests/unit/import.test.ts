/**
 * advisory:import on real public records: the file it writes, once a test fills in what a
 * person would, passes check, and its facts equal the source's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/lib/content.ts';
import { scoreCvss } from '../../src/lib/cvss.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { importRecord } from '../../src/tools/import/detect.ts';
import { cleanEnv, FIXTURES, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';

const RECORDS = join(FIXTURES, 'records');

type Expected = { aliases: string[]; vector?: string; score?: number; cwe: string[]; fix?: string; package?: [string, string, string] };
const EXPECTED: Record<string, Expected> = {
  'CVE-2024-22209.json': { aliases: ['CVE-2024-22209', 'GHSA-qx8m-mqx3-j9fm'], vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', score: 6.4, cwe: ['CWE-284'], fix: '019888f3d15beaebcb7782934f6c43b0c2b3735e' },
  'CVE-2024-41806.json': { aliases: ['CVE-2024-41806', 'GHSA-4528-7fh6-x75c'], score: 5.3, cwe: ['CWE-284'], fix: 'cb729a3ced0404736dfa0ae768526c82b608657b' },
  'CVE-2026-53635.json': { aliases: ['CVE-2026-53635', 'GHSA-rqq6-w4pv-7pjv'], score: 7.6, cwe: ['CWE-862'], fix: '59bb6d669e4fdc24d96afb809e12119372d9e257' },
  'CVE-2026-42860.json': { aliases: ['CVE-2026-42860', 'GHSA-64cv-vxpr-j6vc'], vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N', score: 8.5, cwe: ['CWE-918'], package: ['edx-enterprise', '7.0.2', '7.0.5'] },
  'PYSEC-2023-21.json': { aliases: ['PYSEC-2023-21', 'CVE-2023-23611', 'GHSA-7j9p-67mm-5g87'], cwe: [], package: ['lti-consumer-xblock', '7.0.0', '7.2.2'] },
  'GHSA-64cv-vxpr-j6vc.rest.json': { aliases: ['GHSA-64cv-vxpr-j6vc', 'CVE-2026-42860'], score: 8.5, cwe: ['CWE-918'], package: ['edx-enterprise', '7.0.2', '7.0.5'] },
};

const importFile = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/advisory-import.ts', ...args], { cwd: PROJECT_ROOT, env: cleanEnv({ CONTENT_ROOT: root }), encoding: 'utf8' });

/** What a working-group member does after importing: write the prose, choose the releases. */
function fillIn(text: string): string {
  return text
    .replace(/^title: FILL-IN$/m, 'title: Imported advisory')
    .replace(/"FILL-IN: [^"]*"/g, '"Written by the working group."')
    .replace(/^FILL-IN: .*$/gm, 'Written by the working group.')
    .replace(/^FILL-IN$/gm, 'Written by the working group.')
    .replace(/^severity: medium$/m, 'severity: medium');
}

describe('advisory:import on real records', () => {
  it('covers every record in the fixtures', () => {
    expect(readdirSync(RECORDS).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name}: writes a file that check refuses until filled in, then accepts, with the source's facts`, () => {
      const root = makeBareContentRoot({});
      const run = importFile(root, join(RECORDS, name), '--id', 'OEA-2026-300');
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain('Still to do');
      const rel = 'content/advisories/2026/OEA-2026-300.md';
      const before = readCorpus(root, [rel]).problems.map(formatProblem).join('\n');
      expect(before).toContain('still holds a FILL-IN placeholder');

      writeFileSync(join(root, rel), fillIn(readFileSync(join(root, rel), 'utf8')));
      const { corpus, problems } = readCorpus(root, [rel]);
      expect(problems.map(formatProblem)).toEqual([]);
      const a = corpus!.advisories[0]!.data;
      expect(a.aliases.sort()).toEqual([...want.aliases].sort());
      expect(a.cwe).toEqual(want.cwe);
      if (want.vector) expect(a.severity?.cvss_v3).toBe(want.vector);
      if (want.score !== undefined) expect(scoreCvss(a.severity!.cvss_v3!, '3.1').score).toBe(want.score);
      if (want.fix) expect(a.affected.map((x) => ('master_fix' in x ? x.master_fix : undefined))).toContain(want.fix);
      if (want.package) {
        const pkg = a.affected.find((x) => 'package' in x);
        expect(pkg && 'package' in pkg ? [pkg.package.name, pkg.ranges[0]!.introduced, pkg.ranges[0]!.fixed] : undefined).toEqual(want.package);
      }
    });
  }

  it('keeps the backport commits of a record as notes instead of guessing their releases', () => {
    const imported = importRecord(readFileSync(join(RECORDS, 'CVE-2026-53635.json'), 'utf8'), 'CVE-2026-53635.json');
    expect(imported.todo.join('\n')).toMatch(/f25bbc4d52bd827c8f04c73de427e2e16a144c73 is another fix/);
  });
});

describe('advisory:import on bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['not JSON', '{ nope', /bad\.json: \(file\): expected JSON/],
    ['an array', '[]', /bad\.json: \(file\): expected one JSON object/],
    ['an unknown format', '{"hello": 1}', /bad\.json: \(file\): not a record this tool knows/],
    ['a CVE record without its CNA container', '{"dataType":"CVE_RECORD","cveMetadata":{"cveId":"CVE-2026-1"}}', /bad\.json: containers\.cna: /],
    ['an OSV range without a package', '{"id":"PYSEC-2026-1","modified":"2026-01-01T00:00:00Z","affected":[{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}', /bad\.json: affected\[0\]\.package: /],
  ];
  for (const [what, text, message] of cases) {
    it(`${what}: names the input and field, exits 1, writes nothing`, () => {
      const root = makeBareContentRoot({});
      const file = join(root, 'bad.json');
      writeFileSync(file, text);
      const run = spawnSync(process.execPath, ['scripts/advisory-import.ts', file], { cwd: PROJECT_ROOT, env: cleanEnv({ CONTENT_ROOT: root }), encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(readdirSync(join(root, 'content/advisories'))).toEqual([]);
    });
  }

  it('reads a record from standard input with -', () => {
    const root = makeBareContentRoot({});
    const out = execFileSync(process.execPath, ['scripts/advisory-import.ts', '-', '--dry-run'], {
      cwd: PROJECT_ROOT,
      env: cleanEnv({ CONTENT_ROOT: root }),
      input: readFileSync(join(RECORDS, 'PYSEC-2023-21.json')),
      encoding: 'utf8',
    });
    expect(out).toContain('name: lti-consumer-xblock');
  });
});
