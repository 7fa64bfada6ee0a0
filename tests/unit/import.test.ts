/**
 * npm run advisory:import on real public records: the file it writes is refused by check
 * until a person (here, the test) fills in the placeholders, then accepted, and its facts
 * equal the source's: aliases, CVSS vector and computed score, CWE, fix commit or package
 * range. Malformed input gets an error naming the input and the field, and nothing is written.
 * The command and check run in this process; one test spawns the script for its exit status.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as advisoryImport } from '../../src/commands/advisory-import.ts';
import { CONTROL_CHARACTER } from '../../src/content/lint.ts';
import { readCorpus } from '../../src/content/read-content.ts';
import { scoreCvss } from '../../src/schemas/cvss.ts';
import { githubCommit } from '../../src/model/urls.ts';
import { parseMarkdownFile } from '../../src/content/frontmatter.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { advisoryText } from '../../src/tools/advisory-writer.ts';
import { linkBareUrls } from '../../src/tools/import/description.ts';
import { importRecord } from '../../src/tools/import/detect.ts';
import { importedToAdvisory } from '../../src/tools/import/to-advisory.ts';
import { findPlaceholders, PLACEHOLDER, replacePlaceholders } from '../../src/tools/placeholders.ts';
import { cleanEnv, FIXTURES, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';
import { checkContent, runCommand, type CommandResult } from '../support/run-command.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
/** A content root with the project's site.yaml and releases.yaml and only these advisories; removed after the tests. */
function tempRoot(advisories: Record<string, string>): string {
  const root = makeBareContentRoot(advisories);
  roots.push(root);
  return root;
}

const RECORDS = join(FIXTURES, 'records');
const SHARED_REAL = resolve(PROJECT_ROOT, '../shared/data/real');
/** SHA-256 of each real record as published (CVEProject/cvelistV5, pypa/advisory-database), so a changed copy fails without ../shared. */
const REAL_RECORDS: Record<string, string> = {
  'CVE-2024-22209.json': 'a702b6f67f3b1aed09183e941d957a745dc3edaba3fa8e2b988449961d9fe65e',
  'CVE-2024-41806.json': '096650c5d4e7bee61ff73d69263064ef94468c8342e4947bfa1e9b7f8b705ab8',
  'CVE-2026-42860.json': 'f76135c30191960de9ce513dd673715bc198ec5e1dc4ef4c082e0cc8b0d1a5b3',
  'CVE-2026-53635.json': '9f9bc425e00e2cc56566952c17f8d9e89a1597b6f2786ec9138948aae99c2864',
  'PYSEC-2023-21.json': 'b5a212a64695eb760b8dcd16bc7e6eb5e182c6e555c477c1093292101b791d6e',
  'PYSEC-2023-21.yaml': 'e6a6b754528d0a00faf07f36dba1ff415d2053c3b1c8b7816abe9eb3881beaa4',
};
const NOW = '2026-11-25T09:00:00Z';
const REL = 'content/advisories/2026/OEA-2026-300.md';

const importFile = (root: string, args: string[], stdin?: string) =>
  runCommand(advisoryImport, ['--content-root', root, '--at', NOW, ...args], { env: { INIT_CWD: PROJECT_ROOT }, stdin });
/** The command run from inside the content root, as a user who typed a relative path. */
const importHere = (root: string, args: string[]) =>
  runCommand(advisoryImport, ['--content-root', root, ...args], { env: { INIT_CWD: root } });
const check = checkContent;
const json = (name: string) => JSON.parse(readFileSync(join(RECORDS, name), 'utf8'));

type Fix = { repository: string; sha: string };
type Expected = {
  aliases: string[];
  cvss_v3?: string;
  cvss_v4?: string;
  /** The score the source states for its CVSS 3.1 vector. */
  sourceScore?: (record: any) => number;
  cwe: string[];
  fix?: Fix;
  backports?: string[];
  package?: { name: string; introduced: string; fixed: string; repository: string };
  credits?: Array<{ name: string; type: string }>;
  /** The summary: the sentence(s) that say what is wrong, without the product's introduction, versions or fix. */
  summary: string;
  /** Named releases the record's words mention, each proposed as a row for a person to decide. */
  mentioned?: string[];
};

const PLATFORM = 'openedx/openedx-platform';
const cveScore = (r: any) => r.containers.cna.metrics[0].cvssV3_1.baseScore;
/** The opening sentences of the real records, which say what the product is: in no imported file. */
const PRODUCT_INTRODUCTIONS = [
  'is a service-oriented platform',
  'is a learning management platform',
  'provides enterprise features',
  'enables the authoring and delivery',
  'implements the consumer side of the LTI specification',
];
const PYSEC_SUMMARY =
  'Any LTI tool that is integrated with on the Open edX platform can post a grade back for any LTI XBlock so long as it knows or can guess the block location for that XBlock.';
// Facts from the records themselves (see ../shared/data/README.md); one row per fixture.
const EXPECTED: Record<string, Expected> = {
  'CVE-2024-22209.json': {
    aliases: ['CVE-2024-22209', 'GHSA-qx8m-mqx3-j9fm'],
    cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N',
    sourceScore: cveScore,
    cwe: ['CWE-284'],
    fix: { repository: PLATFORM, sha: '019888f3d15beaebcb7782934f6c43b0c2b3735e' },
    summary: 'A user with a JWT and more limited scopes could call endpoints exceeding their access.',
  },
  'CVE-2024-41806.json': {
    aliases: ['CVE-2024-41806', 'GHSA-4528-7fh6-x75c'],
    cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
    sourceScore: cveScore,
    cwe: ['CWE-284'],
    fix: { repository: PLATFORM, sha: 'cb729a3ced0404736dfa0ae768526c82b608657b' },
    summary:
      'Instructors can upload csv files containing learner information to create cohorts in the instructor dashboard. These files are uploaded using the django default storage. With certain storage backends, uploads may become publicly available when the uploader uses versions master, palm, olive, nutmeg, maple, lilac, koa, or juniper.',
    mentioned: ['palm'],
  },
  'CVE-2026-53635.json': {
    aliases: ['CVE-2026-53635', 'GHSA-rqq6-w4pv-7pjv'],
    cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L',
    sourceScore: cveScore,
    cwe: ['CWE-862'],
    fix: { repository: PLATFORM, sha: '59bb6d669e4fdc24d96afb809e12119372d9e257' },
    backports: ['f25bbc4d52bd827c8f04c73de427e2e16a144c73', 'fd93ef5f9940f4ad6f50cf7faecad8d9cf2d3336'],
    summary:
      'The view function set_course_mode_price() at lms/djangoapps/instructor/views/instructor_dashboard.py:430 is decorated only with @login_required and performs no course-level permission check. Any authenticated user — including a learner account with zero course roles — can issue a single POST request to overwrite the honor mode price and currency of any course on the platform.',
  },
  'CVE-2026-42860.json': {
    aliases: ['CVE-2026-42860', 'GHSA-64cv-vxpr-j6vc'],
    cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N',
    sourceScore: cveScore,
    cwe: ['CWE-918'],
    package: { name: 'edx-enterprise', introduced: '7.0.2', fixed: '7.0.5', repository: 'openedx/edx-enterprise' },
    summary:
      'The sync_provider_data endpoint in SAMLProviderDataViewSet fetches SAML metadata from a URL stored in SAMLProviderConfig.metadata_source. An authenticated user with the Enterprise Admin role can set this field to an arbitrary URL via the SAMLProviderConfigViewSet PATCH endpoint, then trigger a server-side HTTP request by calling sync_provider_data.',
  },
  'PYSEC-2023-21.json': {
    aliases: ['PYSEC-2023-21', 'CVE-2023-23611', 'GHSA-7j9p-67mm-5g87'],
    cwe: [],
    package: { name: 'lti-consumer-xblock', introduced: '7.0.0', fixed: '7.2.2', repository: 'openedx/xblock-lti-consumer' },
    summary: PYSEC_SUMMARY,
  },
  'PYSEC-2023-21.yaml': {
    aliases: ['PYSEC-2023-21', 'CVE-2023-23611', 'GHSA-7j9p-67mm-5g87'],
    cwe: [],
    package: { name: 'lti-consumer-xblock', introduced: '7.0.0', fixed: '7.2.2', repository: 'openedx/xblock-lti-consumer' },
    summary: PYSEC_SUMMARY,
  },
  'GHSA-64cv-vxpr-j6vc.rest.json': {
    aliases: ['GHSA-64cv-vxpr-j6vc', 'CVE-2026-42860'],
    cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N',
    sourceScore: (r) => r.cvss_severities.cvss_v3.score,
    cwe: ['CWE-918'],
    package: { name: 'edx-enterprise', introduced: '7.0.2', fixed: '7.0.5', repository: 'openedx/edx-enterprise' },
    credits: [{ name: 'example-researcher', type: 'reporter' }],
    summary:
      "An enterprise administrator could store any URL as a SAML provider's metadata source and then ask the service to fetch it, making the server send requests to hosts of the administrator's choosing, internal ones included.",
  },
  'GHSA-rqq6-w4pv-7pjv.rest.json': {
    aliases: ['GHSA-rqq6-w4pv-7pjv', 'CVE-2026-53635'],
    cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L',
    sourceScore: (r) => r.cvss_severities.cvss_v3.score,
    cvss_v4: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N',
    cwe: ['CWE-862'],
    fix: { repository: PLATFORM, sha: '59bb6d669e4fdc24d96afb809e12119372d9e257' },
    backports: ['f25bbc4d52bd827c8f04c73de427e2e16a144c73', 'fd93ef5f9940f4ad6f50cf7faecad8d9cf2d3336'],
    summary:
      "A view of the instructor dashboard let any signed-in account change the price of a course's honor mode, because it checked only that the caller was signed in.",
  },
};

const SCORED = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N';
/** What a working-group member writes in place of each placeholder. */
function fillIn(field: string): unknown {
  if (field === 'announce_at') return '2026-12-07T14:00:00Z';
  if (field === 'publish_at') return '2026-12-09T14:00:00Z';
  if (field === 'notice.releases[0]' || field.endsWith('releases[0].release')) return 'verawood';
  if (field.endsWith('.release')) return 'ulmo';
  if (field.endsWith('.status')) return 'fixed';
  if (field.endsWith('.commit')) return 'f25bbc4d52bd827c8f04c73de427e2e16a144c73';
  if (field.endsWith('.tag')) return 'open-release/verawood.2';
  if (field === 'severity.cvss_v3') return SCORED;
  if (field === 'notice.severity') return 'high';
  return 'Written by the working group.';
}

describe('the record fixtures', () => {
  it('has an expectation for every record', () => {
    expect(
      readdirSync(RECORDS)
        .filter((f) => /\.(json|yaml)$/.test(f))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it('holds the real records byte for byte as published (and as ../shared/data/real has them, where that folder exists)', () => {
    for (const [name, digest] of Object.entries(REAL_RECORDS)) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(RECORDS, name)))
          .digest('hex'),
        name,
      ).toBe(digest);
    }
    if (!existsSync(SHARED_REAL)) return;
    for (const dir of readdirSync(SHARED_REAL)) {
      for (const name of readdirSync(join(SHARED_REAL, dir))) {
        expect(readFileSync(join(RECORDS, name), 'utf8'), name).toBe(readFileSync(join(SHARED_REAL, dir, name), 'utf8'));
      }
    }
  });
});

describe.each(Object.entries(EXPECTED))('advisory:import %s', (name, want) => {
  const root = tempRoot({});
  const file = join(root, REL);
  let run: CommandResult;
  beforeAll(async () => {
    run = await importFile(root, [join(RECORDS, name), '--id', 'OEA-2026-300']);
  });

  it('writes the file, prints its path and what to fill in', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    expect(run.stderr).toMatch(/Fill in these \d+ FILL-IN placeholder\(s\)/);
    // What it cannot know is left to a person: the dates, the notice's releases and text.
    for (const field of ['announce_at', 'publish_at', 'notice.releases[0]', 'notice.text']) expect(run.stderr).toContain(`  ${field}: `);
  });

  it('is refused by check while a placeholder is left, then accepted once they are filled in', async () => {
    const { data, body } = parseMarkdownFile(readFileSync(file, 'utf8'));
    const refused = await check(root, REL);
    expect(refused.code).toBe(1);
    for (const p of findPlaceholders(data).slice(0, 3))
      expect(refused.stdout).toContain(`${REL}: ${p.field}: still holds a FILL-IN placeholder`);

    const filled = replacePlaceholders(data, body, fillIn);
    writeFileSync(file, advisoryText(filled.data, filled.body));
    const accepted = await check(root, REL);
    expect(accepted.stdout + accepted.stderr).toContain('content OK');
    expect(accepted.code).toBe(0);
  });

  it("keeps the source's facts: aliases, CVSS vector and score, CWE, fix commit or package range", () => {
    const { corpus, problems } = readCorpus(root, [REL]);
    expect(problems.map(formatProblem)).toEqual([]);
    const a = corpus!.advisories[0]!.data;
    expect([...a.aliases].sort()).toEqual([...want.aliases].sort());
    expect(a.cwe).toEqual(want.cwe);
    expect(a.severity?.cvss_v3).toBe(want.cvss_v3 ?? SCORED);
    expect(a.severity?.cvss_v4).toBe(want.cvss_v4);
    if (want.sourceScore) expect(scoreCvss(a.severity!.cvss_v3!, '3.1').score).toBe(want.sourceScore(json(name)));
    expect(a.notice.severity).toBe(scoreCvss(a.severity!.cvss_v3!, '3.1').level);
    if (want.fix) {
      expect(a.affected).toContainEqual(expect.objectContaining({ repository: want.fix.repository, master_fix: want.fix.sha }));
      // References name the repository as it is called today, whatever name the record used.
      expect(a.references.filter((r) => r.type === 'fix' && r.url.endsWith(`/commit/${want.fix!.sha}`))).toEqual([
        { type: 'fix', url: githubCommit(want.fix.repository, want.fix.sha) },
      ]);
      expect(a.references.map((r) => r.url).join(' ')).not.toContain('openedx/edx-platform');
    }
    if (want.package) {
      expect(a.affected).toEqual([
        expect.objectContaining({
          package: { ecosystem: 'PyPI', name: want.package.name },
          repository: want.package.repository,
          ranges: [{ introduced: want.package.introduced, fixed: want.package.fixed }],
        }),
      ]);
      expect(a.notice.components).toEqual([want.package.name]);
    }
    if (want.credits) expect(a.credits.map(({ name, type }) => ({ name, type }))).toEqual(want.credits);
    expect(a.summary).toBe(want.summary);
    expect(a.references.some((r) => r.type === 'advisory')).toBe(true);
  });

  it('leaves out the product introduction, and proposes a row, marked for review, for each named release the record mentions', async () => {
    const text = (await importFile(tempRoot({}), [join(RECORDS, name), '--dry-run'])).stdout;
    for (const intro of PRODUCT_INTRODUCTIONS) expect(text).not.toContain(intro);
    const { data } = parseMarkdownFile(text);
    const rows = (data.affected as Array<{ releases: Array<{ release: string; status: string }> }>).flatMap((a) => a.releases);
    const proposed = rows.filter((r) => r.status.startsWith(`${PLACEHOLDER}: the record mentions`));
    expect(proposed.map((r) => r.release)).toEqual(want.mentioned ?? []);
    for (const r of proposed) expect(r.status).toContain(`the record mentions ${r.release}: fixed, affected, not_affected or wont_fix`);
    if (want.mentioned) expect(run.stderr).toContain(`affected: the record mentions ${want.mentioned.join(', ')}; each has a proposed row`);
  });

  if (want.backports)
    it('gives each backport commit a named-release row for a person to name', async () => {
      const imported = importRecord(readFileSync(join(RECORDS, name), 'utf8'), name);
      expect(imported.otherFixes.map((f) => f.sha)).toEqual(want.backports);
      expect(run.stderr).toContain(`affected: ${want.backports!.map((s) => s.slice(0, 7)).join(', ')} fix the flaw outside master`);
      const { data } = parseMarkdownFile((await importFile(tempRoot({}), [join(RECORDS, name), '--dry-run'])).stdout);
      expect(data.affected).toEqual([
        expect.objectContaining({ releases: want.backports!.map((commit) => expect.objectContaining({ status: 'fixed', commit })) }),
      ]);
    });
});

describe('advisory:import details', () => {
  it('reads a record from standard input with -', async () => {
    const root = tempRoot({});
    const run = await importFile(root, ['-', '--dry-run'], readFileSync(join(RECORDS, 'PYSEC-2023-21.json'), 'utf8'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('package: {ecosystem: PyPI, name: lti-consumer-xblock}');
    expect(run.stderr).toContain('Imported OSV PYSEC-2023-21 as OEA-2026-001');
    expect(readdirSync(join(root, 'content/advisories'))).toEqual([]);
  });

  it('imports the YAML and the JSON form of an OSV record alike', () => {
    const fromJson = importRecord(readFileSync(join(RECORDS, 'PYSEC-2023-21.json'), 'utf8'), 'json');
    const fromYaml = importRecord(readFileSync(join(RECORDS, 'PYSEC-2023-21.yaml'), 'utf8'), 'yaml');
    expect(fromYaml).toEqual(fromJson);
  });

  it('maps a GitHub advisory description onto the body sections and leaves out a declined credit', () => {
    const imported = importRecord(readFileSync(join(RECORDS, 'GHSA-64cv-vxpr-j6vc.rest.json'), 'utf8'), 'ghsa');
    const { body, data } = importedToAdvisory(imported, {
      id: 'OEA-2026-001',
      proposal: { announceAt: '2026-12-07T14:00:00Z', publishAt: '2026-12-09T14:00:00Z' },
      noticeHours: 48,
    });
    expect(body).toMatch(/## Impact\n\nAn enterprise administrator could store any URL/);
    expect(body).toMatch(/## Patches\n\nUpgrade edx-enterprise to 7.0.5 or later\./);
    expect(body).toMatch(/## Workarounds\n\nRestrict outbound HTTP/);
    expect(body).not.toContain(PLACEHOLDER);
    expect(data.summary).toMatch(/^An enterprise administrator could store any URL/);
    expect(data.credits).toEqual([{ name: 'example-researcher', type: 'reporter', contact: ['https://github.com/example-researcher'] }]);
    expect(imported.notes).toContain('credits: example-declined declined the credit and is left out');
  });

  it('turns bare URLs of a description into links, leaving code and trailing punctuation alone', () => {
    expect(
      linkBareUrls(
        'Fixed in https://github.com/o/r/commit/abc1234. See `https://x.invalid/a` and [this](https://y.invalid).\n```\nhttps://z.invalid\n```',
      ),
    ).toBe(
      'Fixed in <https://github.com/o/r/commit/abc1234>. See `https://x.invalid/a` and [this](https://y.invalid).\n```\nhttps://z.invalid\n```',
    );
  });

  it('maps OSV GIT ranges, CVSS 4.0, credit and reference types', () => {
    const record = {
      id: 'GHSA-2222-3333-4444',
      modified: '2026-01-01T00:00:00Z',
      summary: 'A flaw',
      details: 'Details.',
      severity: [
        { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
        { type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
      ],
      affected: [
        {
          ranges: [
            {
              type: 'GIT',
              repo: 'https://github.com/openedx/frontend-app-learning',
              events: [{ introduced: '0' }, { fixed: 'b'.repeat(40) }],
            },
          ],
        },
      ],
      credits: [
        { name: 'Ada', type: 'REMEDIATION_DEVELOPER', contact: ['https://example.org/ada', 'mailto:ada@example.org'] },
        { name: 'Bob', type: 'SOMETHING' },
      ],
      references: [
        { type: 'REPORT', url: 'https://github.com/openedx/frontend-app-learning/issues/1' },
        { type: 'GIT', url: 'https://github.com/openedx/frontend-app-learning' },
      ],
      database_specific: { cwe_ids: ['CWE-79', 'NVD-CWE-Other'] },
    };
    const imported = importRecord(JSON.stringify(record), 'osv.json');
    expect(imported.cvss_v4).toBe(record.severity[0]!.score);
    expect(imported.notes.join('\n')).toContain('a CVSS_V2 score was left out');
    expect(imported.affected).toEqual([{ repository: 'openedx/frontend-app-learning', master_fix: 'b'.repeat(40), releases: [] }]);
    expect(imported.credits).toEqual([
      { name: 'Ada', type: 'remediation_developer', contact: ['https://example.org/ada'] },
      { name: 'Bob', type: 'other' },
    ]);
    expect(imported.references.map((r) => r.type)).toEqual(['report', 'web', 'advisory']);
    expect(imported.cwe).toEqual(['CWE-79']);
    const { data } = importedToAdvisory(imported, {
      id: 'OEA-2026-001',
      proposal: { announceAt: '2026-12-07T14:00:00Z', publishAt: '2026-12-09T14:00:00Z' },
      noticeHours: 48,
    });
    expect((data.notice as { severity: string }).severity).toBe('critical');
  });

  it('replaces control characters, which check refuses and feeds cannot carry, and says so', () => {
    const record = JSON.parse(readFileSync(join(RECORDS, 'CVE-2024-22209.json'), 'utf8'));
    const cna = record.containers.cna;
    cna.title = `${cna.title ?? 'A flaw'}\u000b`;
    cna.descriptions[0].value = `Page\u000cbreak and a bell\u0007 in the text.\n\n${cna.descriptions[0].value}`;
    const imported = importRecord(JSON.stringify(record), 'cve.json');
    const { text, notes } = importedToAdvisory(imported, {
      id: 'OEA-2026-001',
      proposal: { announceAt: '2026-12-07T14:00:00Z', publishAt: '2026-12-09T14:00:00Z' },
      noticeHours: 48,
    });
    expect(new RegExp(CONTROL_CHARACTER.source, 'g').exec(text)).toBeNull();
    expect(text).toContain('Page break and a bell  in the text.');
    expect(notes.join('\n')).toMatch(/held \d+ control character\(s\)/);
  });

  it('maps CVE credits, reference tags, named releases, npm packages and lessThanOrEqual', () => {
    const record = {
      dataType: 'CVE_RECORD',
      cveMetadata: { cveId: 'CVE-2026-99999', state: 'PUBLISHED' },
      containers: {
        cna: {
          descriptions: [{ lang: 'en', value: 'A flaw.' }],
          credits: [{ lang: 'en', value: 'Ada', type: 'remediation developer' }],
          references: [
            { url: 'https://example.org/poc', tags: ['exploit'] },
            { url: 'https://example.org/notes', tags: ['release-notes'] },
          ],
          affected: [
            {
              vendor: 'openedx',
              product: 'openedx-platform',
              versions: [
                { version: 'open-release/ulmo.master', status: 'affected' },
                { version: 'teak', status: 'unaffected' },
              ],
            },
            {
              product: '@edx/frontend-platform',
              collectionURL: 'https://www.npmjs.com',
              packageName: '@edx/frontend-platform',
              versions: [{ version: '8.0.0', lessThanOrEqual: '8.1.2', status: 'affected' }],
            },
          ],
        },
      },
    };
    const imported = importRecord(JSON.stringify(record), 'cve.json', ['teak', 'ulmo']);
    expect(imported.credits).toEqual([{ name: 'Ada', type: 'remediation_developer' }]);
    expect(imported.references.map((r) => r.type)).toEqual(['evidence', 'web', 'advisory']);
    expect(imported.affected).toEqual([
      {
        repository: PLATFORM,
        releases: [
          { release: 'ulmo', status: 'affected' },
          { release: 'teak', status: 'not_affected' },
        ],
      },
      {
        package: { ecosystem: 'npm', name: '@edx/frontend-platform' },
        ranges: [{ introduced: '8.0.0', last_affected: '8.1.2' }],
        releases: [],
      },
    ]);
  });

  it('refuses a record already on the site: its alias belongs to an advisory (exit 1, nothing written)', async () => {
    const existing = readFileSync(join(PROJECT_ROOT, 'content/advisories/2026/OEA-2026-004.md'), 'utf8');
    const root = tempRoot({ 'advisories/2026/OEA-2026-004.md': existing });
    const run = await importFile(root, [join(RECORDS, 'CVE-2026-53635.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('aliases: CVE-2026-53635 is already in content/advisories/2026/OEA-2026-004.md');
    expect(readdirSync(join(root, 'content/advisories/2026'))).toEqual(['OEA-2026-004.md']);
  });

  it('never writes into an id in use, wherever its file is', async () => {
    const root = tempRoot({ 'advisories/2026/OEA-2026-300.md': 'kept', 'advisories/2025/OEA-2026-301.md': 'id: OEA-2026-301' });
    const run = await importFile(root, [join(RECORDS, 'PYSEC-2023-21.json'), '--id', 'OEA-2026-300']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('OEA-2026-300 is already used by content/advisories/2026/OEA-2026-300.md; nothing was written');
    expect(readFileSync(join(root, REL), 'utf8')).toBe('kept');
    const next = await importFile(root, [join(RECORDS, 'PYSEC-2023-21.json'), '--dry-run']);
    expect(next.stderr).toContain('as OEA-2026-302.');
  });

  it('refuses a folder that is not a content root, naming it, before reading the record (exit 1, nothing written)', async () => {
    const root = tempRoot({});
    rmSync(join(root, 'content/releases.yaml'));
    const run = await importFile(root, [join(RECORDS, 'PYSEC-2023-21.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${root} is not a content root: it has no content/releases.yaml (`);
    expect(run.stdout).toBe('');
    expect(readdirSync(join(root, 'content/advisories'))).toEqual([]);
  });

  it.each([
    [[], 'name one record file'],
    [['a.json', 'b.json'], 'one record at a time (found 2)'],
    [['a.json', '--year', '26'], '--year: expected a year like 2026'],
    [['a.json', '--id', 'OEA-1'], '--id: must be an advisory id'],
    [['a.json', '--bogus'], "Unknown option '--bogus'"],
  ])('a usage mistake %j exits 2: %s', async (args, message) => {
    const root = tempRoot({});
    writeFileSync(join(root, 'a.json'), readFileSync(join(RECORDS, 'PYSEC-2023-21.json')));
    const run = await importHere(root, args);
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
  });

  it("exits with the command's code as a process, on the pinned Node", () => {
    const root = tempRoot({});
    const env = cleanEnv({ INIT_CWD: PROJECT_ROOT });
    const script = (...args: string[]) =>
      spawnSync(process.execPath, ['scripts/advisory-import.ts', '--content-root', root, ...args], {
        cwd: PROJECT_ROOT,
        env,
        encoding: 'utf8',
      });
    expect(script('--bogus').status).toBe(2);
    const fromStdin = spawnSync(process.execPath, ['scripts/advisory-import.ts', '--content-root', root, '--at', NOW, '-', '--dry-run'], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
      input: readFileSync(join(RECORDS, 'PYSEC-2023-21.yaml')),
    });
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toContain('id: OEA-2026-001');
  });
});

describe('advisory:import on malformed input', () => {
  const cve5 = (cna: object, meta: object = { cveId: 'CVE-2026-1234' }) =>
    JSON.stringify({ dataType: 'CVE_RECORD', cveMetadata: meta, containers: { cna } });
  const cases: Array<[string, string, string]> = [
    ['not JSON', '{ nope', 'bad.json: (file): not valid JSON'],
    ['an empty file', '  \n', 'bad.json: (file): is empty'],
    ['a JSON list', '[]', 'bad.json: (file): holds a list of 0 item(s); import one record at a time'],
    ['a JSON number', '42', 'bad.json: (file): expected one JSON object (found 42)'],
    ['an unknown format', '{"hello": 1}', 'bad.json: (file): not a record this tool knows (found the fields hello)'],
    ['an OSV query response', '{"vulns": [{}, {}]}', 'bad.json: vulns: an OSV query response with 2 record(s)'],
    ['a CVE JSON 4 record', '{"data_type": "CVE", "CVE_data_meta": {"ID": "CVE-2020-1"}}', 'bad.json: data_type: a CVE JSON 4 record'],
    ['a CVE record without its id', cve5({}, {}), 'bad.json: cveMetadata.cveId: a CVE JSON 5 record needs "cveId" (missing)'],
    [
      'a CVE record without the CNA container',
      '{"dataType":"CVE_RECORD","cveMetadata":{"cveId":"CVE-2026-1"},"containers":{}}',
      'bad.json: containers.cna: a CVE JSON 5 record needs "cna" (missing)',
    ],
    ['a rejected CVE', cve5({}, { cveId: 'CVE-2026-1234', state: 'REJECTED' }), 'bad.json: cveMetadata.state: CVE-2026-1234 was rejected'],
    [
      'a CVE record with nothing affected',
      cve5({ references: [], affected: [] }),
      'bad.json: containers.cna.affected: a CVE JSON 5 record lists what is affected (found an empty list)',
    ],
    [
      'a CVE reference without a URL',
      cve5({ references: [{ name: 'x' }], affected: [] }),
      'bad.json: containers.cna.references[0].url: a reference needs "url" (missing)',
    ],
    [
      'an OSV record without modified',
      '{"id": "PYSEC-2026-1", "affected": []}',
      'bad.json: modified: an OSV record needs "modified" (missing)',
    ],
    [
      'an OSV record with aliases that are not a list',
      '{"id": "PYSEC-2026-1", "modified": "2026-01-01T00:00:00Z", "aliases": "CVE-2026-1"}',
      'bad.json: aliases: expected an array (found "CVE-2026-1")',
    ],
    [
      'an OSV range without events',
      '{"id": "PYSEC-2026-1", "modified": "2026-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "PyPI", "name": "x"}, "ranges": [{"type": "ECOSYSTEM"}]}]}',
      'bad.json: affected[0].ranges[0].events: a range needs "events" (missing)',
    ],
    [
      'a GitHub advisory without a summary',
      '{"ghsa_id": "GHSA-2222-3333-4444"}',
      'bad.json: summary: a GitHub security advisory needs "summary" (missing)',
    ],
    [
      'a GitHub advisory whose vulnerabilities are not a list',
      '{"ghsa_id": "GHSA-2222-3333-4444", "summary": "x", "vulnerabilities": {}}',
      'bad.json: vulnerabilities: expected an array',
    ],
  ];
  it.each(cases)('%s: names the input and the field, exits 1, writes nothing', async (_, text, message) => {
    const root = tempRoot({});
    writeFileSync(join(root, 'bad.json'), text);
    const run = await importHere(root, ['bad.json']);
    expect(run.stderr.startsWith(message), run.stderr).toBe(true);
    expect(run.code).toBe(1);
    expect(readdirSync(join(root, 'content/advisories'))).toEqual([]);
  });

  it('a missing file: names it, exits 1', async () => {
    const root = tempRoot({});
    const run = await importFile(root, [join(root, 'nope.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.json: (file): no such file');
  });
});
