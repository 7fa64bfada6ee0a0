/**
 * The check over the invalid-fixture corpus: each folder in tests/fixtures/invalid is a
 * content overlay (the valid base in tests/fixtures/valid plus the template advisory
 * `_base/…/OEA-2026-201.md` with exactly one fault). The table pins, for every fixture, the
 * file and field the problem must name and what its message must say; the whole output is
 * pinned by tests/unit/golden-messages.test.ts. Error text is part of the interface: a change
 * to it should show up here.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAdvisoryFiles, readAdvisory, readReleases } from '../../src/content/read-content.ts';
import { formatProblem, type Problem } from '../../src/content/problems.ts';
import { readCheckedCorpus } from '../../src/embargo/content-rules.ts';
import { FIXTURES, PROJECT_ROOT } from '../support/build-site.ts';
import { checkContent } from '../support/run-command.ts';
import { INVALID, invalidFixtures, overlayRoot, VALID } from '../support/invalid-fixtures.ts';

const TEMPLATE = 'content/advisories/2026/OEA-2026-201.md';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A temporary content root: the valid base with overlay folders copied over `content/`. */
function rootWith(...overlays: string[]): string {
  const root = overlayRoot(...overlays);
  roots.push(root);
  return root;
}

/** A clock at which the fixtures' release calendar is quiet and every notice-only fixture but one is ahead. */
const AT = new Date('2026-11-01T00:00:00Z');
const check = (root: string) => readCheckedCorpus(root, undefined, AT).problems;

/** [fixture folder, file named, field named, what the message must say, number of problems] */
type Row = [name: string, file: string, field: string, message: string, count?: number];

// prettier-ignore
const CASES: Row[] = [
  ['notice-shorter-than-promised', TEMPLATE, 'announce_at', 'must be at least 48 hours before publish_at, the notice the site promises (site.yaml notice_hours; found 47 hours)'], // one hour short
  ['id-with-extra-leading-zero', 'content/advisories/2026/OEA-2026-0201.md', 'id', 'without extra leading zeros'], // OEA-2026-0201 beside OEA-2026-201 would be one number spelt twice
  ['tag-with-space', TEMPLATE, 'affected[0].releases[0].tag', 'must be a git tag name'],
  ['reference-url-with-credentials', TEMPLATE, 'references[0].url', 'must not carry a user name or password'],
  ['control-character-in-title', TEMPLATE, 'title', 'contains the control character U+0007 (remove it: feeds are XML, which cannot carry it)'], // a YAML escape for BEL
  ['control-character-in-body', TEMPLATE, '(body) line 36', 'contains the control character U+000C'], // a form feed pasted into the text
  ['time-without-offset', TEMPLATE, 'publish_at', 'must be an ISO 8601 date-time with seconds and an explicit offset, like "2026-12-02T14:00:00Z" or "2026-12-02T19:30:00+05:30" (found "2026-10-03T14:00:00")'], // a time without an offset
  ['offset-without-colon', TEMPLATE, 'publish_at', '(found "2026-10-03T15:00:00+0100")'], // +0100 instead of +01:00
  ['unquoted-time-without-offset', TEMPLATE, 'publish_at', '(found "2026-10-03T14:00:00")'], // an unquoted YAML timestamp without offset
  ['date-without-time', TEMPLATE, 'announce_at', 'must be an ISO 8601 date-time'], // a date only
  ['time-without-seconds', TEMPLATE, 'publish_at', 'with seconds'], // hh:mm only
  ['space-instead-of-t', TEMPLATE, 'reported_at', '(found "2026-09-01 09:00:00Z")'], // a space instead of T
  ['impossible-date', TEMPLATE, 'triaged_at', '(found "2026-02-30T09:00:00Z")'], // 30 February
  ['announce-after-publish', TEMPLATE, 'announce_at', 'must be before publish_at (found 2026-10-05T14:00:00Z, publish_at 2026-10-03T14:00:00Z)'],
  ['announce-equals-publish-other-offset', TEMPLATE, 'announce_at', 'must be before publish_at (found 2026-10-03T16:00:00+02:00'], // the same instant written in another zone
  ['missing-publish-at', TEMPLATE, 'publish_at', 'is required'],
  ['withdrawn-before-publish', TEMPLATE, 'withdrawn.at', 'must not be before publish_at (found 2026-10-02T14:00:00Z, publish_at 2026-10-03T14:00:00Z)'],
  ['revision-before-publish', TEMPLATE, 'revisions[0].date', 'not before publish_at (found 2026-10-03T13:59:59Z)'],
  ['revisions-out-of-order', TEMPLATE, 'revisions[1].date', 'revisions must be in order and not before publish_at (found 2026-10-04T09:00:00Z)'],
  ['triaged-before-reported', TEMPLATE, 'triaged_at', 'must not be before reported_at (found 2026-08-30T09:00:00Z, reported_at 2026-09-01T09:00:00Z)'],
  ['reported-after-publish', TEMPLATE, 'reported_at', 'must not be after publish_at (found 2026-10-04T09:00:00Z'],
  ['unknown-key', TEMPLATE, 'severty', 'unknown field (not in the schema; did you mean "severity"?)'],
  ['unknown-nested-key', TEMPLATE, 'affected[0].releases[0].branch', 'unknown field (not in the schema; the fields here are release, status, commit, tag)'],
  ['missing-notice', TEMPLATE, 'notice', 'is required (expected object)'],
  ['bad-id', 'content/advisories/2026/OEA-26-7.md', 'id', 'must be an advisory id like "OEA-2026-007"'],
  ['id-not-file-name', TEMPLATE, 'id', 'must equal the file name (expected "OEA-2026-201", found "OEA-2026-202")'],
  ['wrong-year-folder', 'content/advisories/2025/OEA-2026-201.md', 'id', 'folder of its year (expected advisories/2026/, found advisories/2025/)'],
  ['duplicate-id-across-files', 'content/advisories/2026/archive/OEA-2026-201.md', 'id', 'duplicate id (expected a unique id, found "OEA-2026-201", also used by content/advisories/2026/OEA-2026-201.md)', 2], // the copy also sits outside its year folder, the only way two files can share a name
  ['draft-not-boolean', TEMPLATE, 'draft', 'expected boolean (found "yes")'], // YAML 1.2 reads yes as a string
  ['title-too-long', TEMPLATE, 'title', 'must be at most 160 characters'],
  ['summary-two-paragraphs', TEMPLATE, 'summary', 'must be one paragraph'],
  ['title-two-lines', TEMPLATE, 'title', 'must be a single line'],
  ['cvss3-missing-metric', TEMPLATE, 'severity.cvss_v3', 'incomplete: missing base metric(s) A'],
  ['cvss3-bad-value', TEMPLATE, 'severity.cvss_v3', 'at character 10: AV must be one of N, A, L, P (found "X")'],
  ['cvss3-duplicate-metric', TEMPLATE, 'severity.cvss_v3', 'at character 46: metric "C" appears twice'],
  ['cvss3-wrong-version-prefix', TEMPLATE, 'severity.cvss_v3', 'must start with "CVSS:3.1/" (found "CVSS:3.0/")'],
  ['cvss3-unknown-metric', TEMPLATE, 'severity.cvss_v3', 'at character 20: unknown metric "AT" for CVSS 3.1'],
  ['cvss3-malformed-part', TEMPLATE, 'severity.cvss_v3', 'at character 15: expected METRIC:VALUE (found "AC=L")'],
  ['cvss3-lowercase', TEMPLATE, 'severity.cvss_v3', 'must start with "CVSS:3.1/"'],
  ['cvss4-incomplete', TEMPLATE, 'severity.cvss_v4', 'incomplete: missing base metric(s) SA'],
  ['cvss4-wrong-order', TEMPLATE, 'severity.cvss_v4', 'at character 45: metric "VI" is out of order'], // OSV and FIRST schemas require the specification order in 4.0
  ['cvss4-value-from-3.1', TEMPLATE, 'severity.cvss_v4', 'UI must be one of N, P, A (found "R")'],
  ['cvss4-vector-in-v3-field', TEMPLATE, 'severity.cvss_v3', 'must start with "CVSS:3.1/" (found "CVSS:4.0/")'],
  ['severity-without-vector', TEMPLATE, 'severity', 'must give cvss_v3 and/or cvss_v4'],
  ['notice-severity-mismatch', TEMPLATE, 'notice.severity', 'must match the level computed from the CVSS vector (expected "medium", found "high")'],
  ['notice-severity-unknown', TEMPLATE, 'notice.severity', 'must be one of none, low, medium, high, critical (found "severe")'],
  ['unknown-release-affected', TEMPLATE, 'affected[0].releases[1].release', 'unknown named release (expected one of palm, quince, redwood, sumac, teak, ulmo, verawood from content/releases.yaml, found "zebrawood"); did you mean "verawood"?'],
  ['unknown-release-notice', TEMPLATE, 'notice.releases[1]', 'unknown named release (expected one of palm, quince'],
  ['release-name-capitalised', TEMPLATE, 'affected[0].releases[0].release', 'must be a lower-case named release, like "teak" (found "Verawood")'],
  ['release-status-unknown', TEMPLATE, 'affected[0].releases[1].status', 'must be one of affected, fixed, not_affected, wont_fix (found "wontfix"); did you mean "wont_fix"?'],
  ['fixed-release-without-fix', TEMPLATE, 'affected[0].releases[0].status', 'a fixed release needs its commit and/or tag'],
  ['commit-short-sha', TEMPLATE, 'affected[0].master_fix', 'must be a full 40-character lowercase git commit SHA (found "abc1234")'],
  ['commit-short-digits', TEMPLATE, 'affected[0].master_fix', 'expected string (found 123456; put the value in quotes)'], // YAML reads 0123456 as the number 123456
  ['commit-unquoted-digits', TEMPLATE, 'affected[0].master_fix', 'expected string (found 1.2345678901234568e+39; put the value in quotes)'], // an all-digit SHA is read as a YAML number
  ['repository-bad-slug', TEMPLATE, 'affected[0].repository', 'must be a GitHub repository written owner/name'],
  ['affected-empty', TEMPLATE, 'affected', 'must list at least one affected repository or package'],
  ['package-empty-ranges', TEMPLATE, 'affected[0].ranges', 'must give at least one version range'],
  ['package-without-ranges', TEMPLATE, 'affected[0].ranges', 'is required (expected array)'],
  ['package-unknown-ecosystem', TEMPLATE, 'affected[0].package.ecosystem', 'must be one of PyPI, npm (found "Maven")'],
  ['range-fixed-and-last-affected', TEMPLATE, 'affected[0].ranges[0]', 'give fixed or last_affected, not both'],
  ['notice-component-not-affected', TEMPLATE, 'notice.components[1]', 'must name a component listed in affected (expected one of openedx/openedx-platform, found "openedx/credentials")'],
  ['affected-component-not-in-notice', TEMPLATE, 'affected[1]', '"openedx/credentials" is missing from notice.components'],
  ['notice-components-empty', TEMPLATE, 'notice.components', 'must name at least one component'], // lint runs, but not the rule comparing components with a refused list
  ['notice-text-too-long', TEMPLATE, 'notice.text', 'must be at most 280 characters'],
  ['bad-cve-alias', TEMPLATE, 'aliases[0]', 'must be a CVE-YYYY-NNNN, GHSA-xxxx-xxxx-xxxx or PYSEC-YYYY-N id (found "CVE-26-98201")'],
  ['bad-ghsa-alias', TEMPLATE, 'aliases[1]', '(found "GHSA-2345-6789-abcd")'], // a, b and d are not in the GHSA alphabet
  ['duplicate-alias', TEMPLATE, 'aliases[2]', 'duplicate alias (found "CVE-2026-98201" twice)'],
  ['alias-of-another-advisory', TEMPLATE, 'aliases[0]', 'alias already belongs to another advisory (found "CVE-2026-98101", also in content/advisories/2026/OEA-2026-101.md)'],
  ['bad-cwe', TEMPLATE, 'cwe[0]', 'must be a CWE id like "CWE-284" (found "CWE284")'],
  ['unknown-credit-type', TEMPLATE, 'credits[0].type', 'must be one of finder, reporter, analyst'],
  ['http-reference', TEMPLATE, 'references[0].url', 'must be an https:// URL (found "http://github.com/'],
  ['unknown-reference-type', TEMPLATE, 'references[0].type', 'must be one of advisory, article'],
  ['placeholder-title', TEMPLATE, 'title', 'still holds a FILL-IN placeholder (replace it with the real value)'],
  ['placeholder-nested', TEMPLATE, 'credits[0].name', 'still holds a FILL-IN placeholder'],
  ['placeholder-body', TEMPLATE, '(body)', 'still holds a FILL-IN placeholder (replace it with the real text)'],
  ['empty-body', TEMPLATE, '(body)', 'the Markdown body is empty'],
  ['raw-html-block', TEMPLATE, '(body) line 40', "raw HTML is not allowed in advisories (found \"<div class=\\\"fix\\\">"],
  ['script-in-body', TEMPLATE, '(body) line 40', 'raw HTML is not allowed in advisories (found "<script>alert(document.cookie)</script>")'],
  ['inline-html', TEMPLATE, '(body) line 36', 'raw HTML is not allowed', 2], // opening and closing tags are reported separately
  ['html-comment', TEMPLATE, '(body) line 40', 'raw HTML is not allowed'],
  ['image-in-body', TEMPLATE, '(body) line 40', 'images are not allowed in advisories'],
  ['javascript-link', TEMPLATE, '(body) line 40', 'links must use https:// (found "javascript:alert(1)")'],
  ['http-link', TEMPLATE, '(body) line 40', 'links must use https:// (found "http://example.org/fix")'],
  ['protocol-relative-link', TEMPLATE, '(body) line 40', 'links must use https:// (found "//example.org/fix")'],
  ['frontmatter-js', TEMPLATE, '(file)', 'frontmatter must be YAML (found a "js" block, which could run code)'],
  ['frontmatter-javascript', TEMPLATE, '(file)', 'frontmatter must be YAML (found a "javascript" block'],
  ['frontmatter-json', TEMPLATE, '(file)', 'frontmatter must be YAML (found a "json" block'],
  ['frontmatter-yaml-label', TEMPLATE, '(file)', 'must open with a line of just --- (found "---yaml")'],
  ['bad-yaml', TEMPLATE, '(file)', 'invalid YAML at line'],
  ['duplicate-yaml-key', TEMPLATE, '(file)', 'invalid YAML at line 28: Map keys must be unique'],
  ['yaml-unresolved-tag', TEMPLATE, '(file)', 'invalid YAML at line 3: Unresolved tag'],
  ['no-frontmatter', TEMPLATE, '(file)', 'no frontmatter (expected the file to start with a --- line)'],
  ['frontmatter-not-closed', TEMPLATE, '(file)', 'frontmatter is not closed (expected a second --- line)'],
  ['frontmatter-not-a-mapping', TEMPLATE, '(file)', 'frontmatter must be a YAML mapping of fields'],
  ['empty-file', TEMPLATE, '(file)', 'the file is empty'],
  ['whitespace-only-file', TEMPLATE, '(file)', 'the file is empty'],
  ['binary-file', TEMPLATE, '(file)', 'not a text file (contains NUL bytes)'],
  ['mdx-file', 'content/advisories/2026/OEA-2026-201.mdx', '(file)', 'advisories must be plain .md files (MDX runs code at build time; found OEA-2026-201.mdx)'],
  ['other-extension', 'content/advisories/2026/OEA-2026-201.markdown', '(file)', 'advisories must be plain .md files (only Markdown is read; found OEA-2026-201.markdown)'],
  ['yaml-alias-block', TEMPLATE, '(file)', 'the YAML at line 15 expands to more than 20,000 values through anchors and aliases (&name, *name); write the values out instead'],
  ['yaml-alias-flow-seq', TEMPLATE, '(file)', 'the YAML at line 4 expands to more than 20,000 values'],
  ['yaml-alias-flow-map', TEMPLATE, '(file)', 'the YAML at line 4 expands to more than 20,000 values'],
  ['yaml-alias-after-colon-in-flow', TEMPLATE, '(file)', 'the YAML at line 4 expands to more than 20,000 values'], // {"k":*a}: the spelling that dodged the old guard
  ['yaml-alias-merge-key', TEMPLATE, '(file)', 'the YAML at line 4 expands to more than 20,000 values'],
  ['yaml-alias-nested', TEMPLATE, '(file)', 'the YAML at line 4 expands to more than 20,000 values'],
  ['yaml-alias-recursive', TEMPLATE, '(file)', 'the YAML at line 3 refers to itself: an alias (*name) sits inside the collection its anchor (&name) names'],
  ['markup-in-title', TEMPLATE, 'title', 'must be plain text: "<img" would be read as markup; name the element in words ("the script tag") instead of writing a tag'],
  ['markup-in-summary', TEMPLATE, 'summary', 'must be plain text: "<script" would be read as markup'],
  ['link-in-notice-text', TEMPLATE, 'notice.text', 'must be plain text: "[the fix](" would be read as markup; Markdown links are not rendered here; put the link in references or the body'],
  ['script-url-in-notice-text', TEMPLATE, 'notice.text', 'must be plain text: "javascript:" would be read as markup; one-line fields carry no links, and never script URLs'],
  ['entity-in-credit-name', TEMPLATE, 'credits[0].name', 'must be plain text: "&lt;" would be read as markup; write the character itself, not an HTML entity'],
  ['image-in-revision-summary', TEMPLATE, 'revisions[0].summary', 'must be plain text: "![" would be read as markup; images are not shown here'],
  ['comment-in-withdrawal-reason', TEMPLATE, 'withdrawn.reason', 'must be plain text: "<!--" would be read as markup'],
  ['markup-in-release-title', 'content/releases.yaml', 'releases[6].title', 'must be plain text: "<b" would be read as markup'],
  ['markup-in-member-name', 'content/site.yaml', 'members[1].name', 'must be plain text: "[site](" would be read as markup'],
  ['noncharacter-in-title', TEMPLATE, 'title', 'contains the noncharacter U+FFFF (remove it: feeds are XML, which cannot carry it)'], // made feed.xml not well-formed
  ['noncharacter-in-body', TEMPLATE, '(body) line 36', 'contains the noncharacter U+FFFE'],
  ['supplementary-noncharacter-in-credit', TEMPLATE, 'credits[0].name', 'contains the noncharacter U+1FFFF'],
  ['lone-surrogate-in-notice-text', TEMPLATE, 'notice.text', 'contains a lone surrogate U+D800'],
  ['year-0000', TEMPLATE, 'reported_at', 'must lie between 1995-01-01 and 2100-12-31 (UTC) (found "0000-09-01T09:00:00Z")'],
  ['instant-after-2100', TEMPLATE, 'triaged_at', 'must lie between 1995-01-01 and 2100-12-31 (UTC) (found "2101-09-02T09:00:00Z")'],
  ['release-date-out-of-range', 'content/releases.yaml', 'releases[0].released', 'must lie between 1995-01-01 and 2100-12-31 (UTC) (found "1990-06-14")'],
  ['notice-only-due', TEMPLATE, 'publish_at', 'has passed at the clock (2026-11-01T00:00:00Z), and the file holds only the notice: a published advisory needs title, summary, affected and its Markdown body'],
  ['notice-only-without-announce', 'content/advisories/2036/OEA-2036-201.md', 'announce_at', 'is required (expected string); a notice-only file (no title, summary or body) is a pre-announcement, so it needs announce_at'],
  ['notice-only-with-body', 'content/advisories/2036/OEA-2036-201.md', 'title', 'is required (expected string)', 3], // a body makes it a full advisory: title, summary and affected are missing
  ['duplicate-of-unknown', TEMPLATE, 'withdrawn.duplicate_of', 'must name an advisory of the archive (expected the id of a file under content/advisories/, found "OEA-2026-999")'],
  ['duplicate-release-name', 'content/releases.yaml', 'releases[2].name', 'duplicate release (found "redwood" twice)'],
  ['site-http-url', 'content/site.yaml', 'url', 'must be an https:// URL'],
];

describe('the invalid-fixture harness', () => {
  it('has a valid base and template (no problems without a fault)', () => {
    expect(check(rootWith()).map(formatProblem)).toEqual([]);
    expect(check(rootWith('_base')).map(formatProblem)).toEqual([]);
  });

  it('has a table row for every fixture folder and a folder for every row', () => {
    const folders = invalidFixtures();
    expect(CASES.map(([name]) => name).sort()).toEqual(folders);
    expect(folders.length).toBeGreaterThanOrEqual(35);
  });
});

describe.each(CASES)('invalid fixture %s', (name, file, field, message, count = 1) => {
  const problems: Problem[] = check(rootWith(name));
  const shown = problems.map(formatProblem).join('\n');

  it(`is rejected with ${count} problem(s), all in ${file}`, () => {
    expect(problems.length, shown).toBe(count);
    expect(
      problems.every((p) => p.file === file),
      shown,
    ).toBe(true);
  });

  it(`names ${field} and says: ${message}`, () => {
    const match = problems.find((p) => p.field === field && p.message.includes(message));
    expect(match, shown).toBeDefined();
    // The printed form is what authors and CI annotations see: `file:line: field: message`.
    expect(formatProblem(match!)).toBe(`${file}${match!.line ? `:${match!.line}` : ''}: ${field}: ${match!.message}`);
  });
});

describe('line numbers', () => {
  it.each([
    ['unknown-key', 3],
    ['notice-severity-mismatch', 12],
    ['unknown-release-affected', 21],
    ['bad-ghsa-alias', 22],
    ['script-in-body', 40],
    ['duplicate-yaml-key', 28],
  ] as const)('%s points at line %i', (name, line) => {
    const [problem] = check(rootWith(name));
    expect(problem?.line, problem && formatProblem(problem)).toBe(line);
  });
});

describe('listing the advisories folder', () => {
  it('skips editor lock files; refuses links, broken or looping, without following them', () => {
    const root = rootWith();
    const year = join(root, 'content/advisories/2026');
    symlinkSync('user@host.12345:1764500000', join(year, '.#OEA-2026-201.md')); // Emacs's lock file
    symlinkSync('missing-target.md', join(year, 'OEA-2026-299.md'));
    symlinkSync('..', join(year, 'loop'));
    const files = listAdvisoryFiles(root);
    expect(files.filter((f) => f.includes('.#'))).toEqual([]);
    expect(new Set(files).size).toBe(files.length);
    expect(files.filter((f) => f.includes('/loop'))).toEqual([]);
    expect(check(root).map(formatProblem)).toEqual([
      'content/advisories/2026/OEA-2026-299.md: (file): is a symbolic link to "missing-target.md"; content must be real files in the repository (put the file itself here, not a link)',
      'content/advisories/2026/loop: (file): is a symbolic link to ".."; content must be real files in the repository (put the file itself here, not a link)',
    ]);
  });

  it('never publishes a file from outside through a link, nor lists a linked folder', () => {
    const root = rootWith();
    const outside = mkdtempSync(join(tmpdir(), 'oex-outside-'));
    roots.push(outside);
    // A valid advisory outside the repository, and a folder of them.
    cpSync(join(INVALID, '_base/advisories/2026/OEA-2026-201.md'), join(outside, 'OEA-2026-201.md'));
    mkdirSync(join(outside, 'tree/secret-name-of-a-private-folder'), { recursive: true });
    symlinkSync(join(outside, 'OEA-2026-201.md'), join(root, 'content/advisories/2026/OEA-2026-201.md'));
    symlinkSync(join(outside, 'tree'), join(root, 'content/advisories/2027'));
    const { corpus, problems } = readCheckedCorpus(root, undefined, AT);
    expect(corpus).toBeNull();
    const link = (target: string) =>
      `is a symbolic link to ${JSON.stringify(target)}; content must be real files in the repository (put the file itself here, not a link)`;
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      `content/advisories/2026/OEA-2026-201.md: ${link(join(outside, 'OEA-2026-201.md'))}`,
      `content/advisories/2027: ${link(join(outside, 'tree'))}`,
    ]);
    expect(JSON.stringify(problems)).not.toContain('secret-name-of-a-private-folder');
  });

  it.each(['site.yaml', 'releases.yaml', 'advisories'])('refuses content/%s as a link', (name) => {
    const root = rootWith();
    const real = join(root, `real-${name}`);
    cpSync(join(root, 'content', name), real, { recursive: true });
    rmSync(join(root, 'content', name), { recursive: true });
    symlinkSync(real, join(root, 'content', name));
    const problems = check(root);
    expect(problems.find((p) => p.file === `content/${name}`)?.message).toMatch(/^is a symbolic link to ".*real-/);
  });
});

describe('size limit', () => {
  it('refuses a file over 1 MB before parsing it, in well under a second', () => {
    const root = rootWith('_base');
    const big = `${'x'.repeat(80)}\n`.repeat(Math.ceil((10 * 1024 * 1024) / 81)); // a 10 MB body
    writeFileSync(join(root, 'content', TEMPLATE.replace('content/', '')), `---\nid: OEA-2026-201\n---\n\n${big}`);
    const started = performance.now();
    const problems = check(root);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems.map(formatProblem)).toEqual([
      `${TEMPLATE}: (file): is 10.0 MB, more than the 1.0 MB a content file may hold (an advisory is a few kilobytes; link to long material instead)`,
    ]);
  });

  it('reads a file of just under 1 MB', () => {
    const root = rootWith('_base');
    const path = join(root, 'content', TEMPLATE.replace('content/', ''));
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `${text}\n${'Padding text for the size limit. '.repeat(Math.floor((1024 * 1024 - text.length - 64) / 33))}\n`);
    expect(check(root).map(formatProblem)).toEqual([]);
  });
});

describe('hostile YAML is refused within 2 s per file', () => {
  const bombs = readdirSync(INVALID).filter((d) => d.startsWith('yaml-alias-'));
  it.each(bombs)('%s', (name) => {
    const root = rootWith(name);
    const started = performance.now();
    const problems = check(root);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('(file)');
  });

  it('has a fixture for every spelling', () => {
    expect(bombs.sort()).toEqual(
      ['after-colon-in-flow', 'block', 'flow-map', 'flow-seq', 'merge-key', 'nested', 'recursive'].map((s) => `yaml-alias-${s}`),
    );
  });
});

describe('every committed advisory passes the check on its own', () => {
  const releases = readReleases(PROJECT_ROOT, []) ?? [];
  it.each(listAdvisoryFiles(PROJECT_ROOT))('%s', (file) => {
    expect(readAdvisory(PROJECT_ROOT, file, releases).problems.map(formatProblem)).toEqual([]);
  });
  it.each([PROJECT_ROOT, join(FIXTURES, 'site'), VALID])('the content root %s passes as a whole', (root) => {
    expect(check(root).map(formatProblem)).toEqual([]);
  });
});

describe('npm run check (the command, in this process; tests/unit/check-cli.test.ts runs the script once)', () => {
  const run = async (root: string, ...args: string[]) => {
    const r = await checkContent(root, ...args);
    return { status: r.code, stdout: r.stdout, stderr: r.stderr };
  };

  it('exits 0 on valid content', async () => {
    const r = await run(VALID, '--at', AT.toISOString());
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/content OK: 9 advisories/);
  });

  it('reports every problem of several files in one run, then exits 1', async () => {
    const root = rootWith('bad-cwe');
    cpSync(join(INVALID, 'binary-file/advisories/2026/OEA-2026-201.md'), join(root, 'content/advisories/2025/OEA-2025-777.md'));
    const r = await run(root, '--at', AT.toISOString());
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${TEMPLATE}:23: cwe[0]: must be a CWE id like "CWE-284" (found "CWE284")`);
    expect(r.stdout).toContain('content/advisories/2025/OEA-2025-777.md: (file): not a text file (contains NUL bytes)');
    expect(r.stderr).toContain('2 problems in 2 files');
  });

  it('prints GitHub annotations with file and line under --format github', async () => {
    const r = await run(rootWith('unknown-key'), '--format', 'github');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`::error file=${TEMPLATE},line=3,title=severty::severty: unknown field`);
  });
});

it('the template is where the table says', () => {
  expect(existsSync(join(INVALID, '_base', TEMPLATE.replace('content/', '')))).toBe(true);
});
