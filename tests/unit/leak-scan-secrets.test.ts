/**
 * The secrets come from the advisory's parsed file, every leaf of it, in every form the outputs
 * print; and the distinctive/common rule (src/embargo/leak-scan/distinctive.ts) keeps ordinary
 * words and dates the site prints anyway from ever failing a build.
 */
import { describe, expect, it } from 'vitest';
import { parseAdvisory } from '../../src/content/read-content.ts';
import { collectSecrets, secretMatcher } from '../../src/embargo/leak-scan.ts';
import { distinctiveShape } from '../../src/embargo/leak-scan/distinctive.ts';
import { words } from '../../src/embargo/leak-scan/words.ts';
import { formatInstant, icsInstant, rfc822, utcInstant } from '../../src/model/dates.ts';
import { securityTxt } from '../../src/outputs/security-txt.ts';
import type { Site } from '../../src/schemas/site.ts';

const NOW = new Date('2026-12-02T14:00:00Z');
const COMMIT = '3c9e1f0a7b2d4e6f8a1c3e5b7d9f0a2c4e6b8d1f';
const file = (over: { announce?: string; publish?: string; body?: string; extra?: string } = {}) => `---
id: OEA-2027-050
title: Ordinary title for the test
summary: Ordinary summary.
${over.announce ? `announce_at: "${over.announce}"\n` : ''}publish_at: "${over.publish ?? '2027-03-05T13:37:00Z'}"
notice:
  components: [openedx/zentrovic-plugin, quillpath-grader]
  severity: medium
severity: { cvss_v3: "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:C/C:L/I:L/A:L" }
affected:
  - repository: openedx/zentrovic-plugin
    master_fix: ${COMMIT}
    releases:
      - { release: verawood, status: fixed, tag: open-release/verawood.7-zentrovic }
  - package: { ecosystem: PyPI, name: quillpath-grader }
    ranges: [{ introduced: "0", fixed: "4.2.1" }]
cwe: [CWE-98765]
credits: [{ name: Ada Lovelace, type: finder, contact: ["https://ada.example.org/contact-4471"] }]
reported_at: "2026-09-13T07:41:29Z"
triaged_at: "2026-09-14T18:03:00Z"
${over.extra ?? ''}---

${over.body ?? '## Blorvane heading here\n\nThe zentrovic gate fails.\n'}
`;
const entry = (text: string) => {
  const { entry, problems } = parseAdvisory('content/advisories/2027/OEA-2027-050.md', text, null);
  expect(problems).toEqual([]);
  return entry!;
};
const found = (text: string, advisory = file(), now = NOW, sitePublic: string[] = []) =>
  secretMatcher(collectSecrets([entry(advisory)], now, sitePublic))(text).map((s) => `${s.what}: ${s.text}`);

describe('secrets derived from every leaf of a hidden advisory', () => {
  it.each([
    ['a release tag', 'open-release/verawood.7-zentrovic', 'affected.releases.tag'],
    ['a repository name', 'openedx/zentrovic-plugin', 'affected.repository'],
    ['a package name', 'quillpath-grader', 'affected.package.name'],
    ['a CWE id', 'CWE-98765', 'cwe'],
    ['a CVSS vector', 'CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:C/C:L/I:L/A:L', 'severity.cvss_v3'],
    ['a credit contact', 'https://ada.example.org/contact-4471', 'credit contact'],
    ['a short heading', 'Blorvane heading here', 'body'],
    ['a short sentence', 'The zentrovic gate fails.', 'body'],
    ['the full commit', COMMIT, 'commit'],
    ['the commit as pages abbreviate it', COMMIT.slice(0, 10), 'commit'],
    ['the commit as CSAF abbreviates it', COMMIT.slice(0, 12), 'commit'],
  ])('%s', (_name, value, what) => {
    // A value held by two fields (a repository is also a notice component) is reported once.
    expect(found(`<td>${value}</td>`)).toContainEqual(
      expect.stringMatching(new RegExp(`^(${what}|notice\\.components): ${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`)),
    );
  });

  it.each([
    ['ISO as written', '2026-09-13T07:41:29Z'],
    ['ISO with milliseconds', '2026-09-13T07:41:29.000Z'],
    ['RSS (RFC 822)', rfc822('2026-09-13T07:41:29Z')],
    ['the pages', formatInstant('2026-09-13T07:41:29Z')],
    ['iCalendar', icsInstant('2026-09-13T07:41:29Z')],
    ['date only', '2026-09-13'],
    ['date as pages print it', '13 September 2026'],
  ])('a reported_at date in the form of %s', (_name, form) => {
    expect(found(`<p>${form}</p>`)).toContain(`date: ${form}`);
  });

  it('every date of the file, in the forms of an output, is a secret; one written with an offset too', () => {
    const withOffset = file({ publish: '2027-03-05T19:07:00+05:30' });
    expect(found(utcInstant('2027-03-05T19:07:00+05:30'), withOffset)).toContain('date: 2027-03-05T13:37:00Z');
    expect(found('DTSTART:20270305T133700Z', withOffset)).toContain('date: 20270305T133700Z');
    expect(found('5 March 2027, 13:37 UTC', withOffset)).toContain('date: 5 March 2027, 13:37 UTC');
  });

  it('an announced advisory keeps everything but its notice, id and two dates', () => {
    const announced = file({ announce: '2026-11-30T14:00:00Z', publish: '2026-12-04T14:00:00Z' });
    const text = 'OEA-2027-050 2026-11-30T14:00:00Z 4 December 2026, 14:00 UTC openedx/zentrovic-plugin medium';
    expect(found(text, announced)).toEqual([]);
    expect(found('Ordinary title for the test', announced)).toEqual(['title: Ordinary title for the test']);
    expect(found('2026-09-13T07:41:29Z', announced)).toContain('date: 2026-09-13T07:41:29Z');
  });
});

describe('the distinctive/common rule: ordinary values never fail a build', () => {
  const csp = `<meta http-equiv="content-security-policy" content="script-src 'sha256-n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg='">`;

  it('a hidden body that says "sha256", "course", a version or a severity matches nothing of the site', () => {
    const body = 'Impact\n\nsha256 course 4.2.1 high\n';
    const advisory = file({ body });
    const page = `${csp}<p>Pick a course.</p><td>4.2.1</td><span>high</span><h2>Impact</h2>`;
    expect(found(page, advisory)).toEqual([]);
  });

  it('a hidden date equal to security.txt Expires is explained by it (the site prints it anyway)', () => {
    // The state time is NOW; Expires is 180 days later.
    const expires = new Date(NOW.getTime() + 180 * 86_400_000).toISOString().replace('.000Z', 'Z');
    const advisory = file({ extra: '', publish: expires });
    const txt = securityTxt({
      now: NOW,
      site: {
        url: 'https://security.openedx.org',
        contact_email: 'security@openedx.org',
        languages: ['en'],
        title: 'Open edX Security',
      } as Site,
    });
    expect(txt).toContain(`Expires: ${expires}`);
    expect(found(txt, advisory)).toContain(`date: ${expires}`);
    expect(found(txt, advisory, NOW, [txt])).toEqual([]);
    // A date the site does not print stays a secret.
    expect(found('2026-09-13T07:41:29Z', advisory, NOW, [txt])).toContain('date: 2026-09-13T07:41:29Z');
  });

  it('a hidden date equal to the build clock, or to a release day, is explained by them', () => {
    const advisory = file({ extra: '', publish: '2027-03-05T13:37:00Z', body: 'Nothing.\n' }).replace(
      '2026-09-14T18:03:00Z',
      NOW.toISOString(),
    );
    expect(found(`As of ${formatInstant(NOW.toISOString())}`, advisory)).toEqual([]);
    const releases = JSON.stringify([{ name: 'verawood', released: '2026-09-13' }]);
    expect(found('13 September 2026', advisory)).toContain('date: 13 September 2026');
    expect(found('13 September 2026', advisory, NOW, [releases])).toEqual([]);
  });

  it('a value the site code itself prints (a label, a class, a CSS word) is no evidence', () => {
    const advisory = file({ body: 'Affected versions\n\nNothing else.\n' });
    expect(found('<h2>Affected versions</h2>', advisory)).toEqual([]);
  });

  it('a public advisory holding the same value (not quoting it) explains it', () => {
    const advisory = file({ body: 'The zentrovic gate fails.\n' });
    expect(found('The zentrovic gate fails.', advisory, NOW, ['The zentrovic gate fails.'])).toEqual([]);
  });

  it("a commit abbreviation shared by chance with a public commit's is explained by it; the full commit is not", () => {
    const publicCommit = `${COMMIT.slice(0, 12)}${'0'.repeat(28)}`;
    const advisory = file();
    expect(found(COMMIT.slice(0, 10), advisory)).toContain(`commit: ${COMMIT.slice(0, 10)}`);
    expect(found(COMMIT.slice(0, 10), advisory, NOW, [JSON.stringify({ master_fix: publicCommit })])).toEqual([]);
    expect(found(COMMIT, advisory, NOW, [JSON.stringify({ master_fix: publicCommit })])).toContain(`commit: ${COMMIT}`);
  });

  it('but quoted values (id, alias, title, commit) are never forgiven by public text: check refuses that text', () => {
    const advisory = file();
    expect(found('Ordinary title for the test', advisory, NOW, ['Ordinary title for the test'])).toContain(
      'title: Ordinary title for the test',
    );
    expect(found(COMMIT, advisory, NOW, [COMMIT])).toContain(`commit: ${COMMIT}`);
  });

  it.each([
    ['text', 'course', false],
    ['text', 'sha256', true],
    ['text', 'zq7x9k', true],
    ['text', '4.2.1', false],
    ['text', '12', false],
    ['text', 'CWE-79', true],
    ['text', 'the course', false],
    ['text', 'edx-enterprise', true],
    ['text', '20270305', true],
    ['quoted', 'OEA-2027-050', true],
    ['quoted', 'abc', false],
    ['date', '2027-03-05', true],
  ] as const)('shape of a %s value %j: distinctive %s', (kind, value, expected) => {
    expect(distinctiveShape(kind, words(value))).toBe(expected);
  });
});
