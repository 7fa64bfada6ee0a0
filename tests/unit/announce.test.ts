/**
 * npm run announce: the pre-announcement from announce_at holds none of the advisory's secrets
 * (canaries in every field that is not the notice, looked for with the leak scan's own secrets
 * and matcher, and verbatim), gives the time in UTC and America/New_York on both sides of a
 * daylight-saving change, and does not exist before its time; from publish_at the publication
 * says what the site model says at that clock. The command runs in this process; one test
 * spawns the script for its exit status on the pinned Node.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, it } from 'vitest';
import { run as announce } from '../../src/commands/announce.ts';
import { readCorpus } from '../../src/content/read-content.ts';
import { collectSecrets, secretMatcher } from '../../src/embargo/leak-scan.ts';
import { siteText } from '../../src/model/always-public-text.ts';
import { siteAt } from '../../src/model/site-model.ts';
import { FORMATS } from '../../src/tools/announce/announcement.ts';
import { bothZones, newYorkWhen } from '../../src/tools/announce/times.ts';
import { cleanEnv, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';
import { runCommand } from '../support/run-command.ts';

/** Made-up words and values in every field that must stay secret until publish_at. */
const CANARY = {
  title: 'Plovdrisk tokens accepted by the wendlemark importer',
  summary: 'The wendlemark importer accepted plovdrisk tokens after rotation, so a stolen token kept working.',
  body: 'The quastelbrim cache compared tokens against the key that was current when they were issued.',
  aliases: ['CVE-2026-98765', 'GHSA-x7wr-5fqm-c9vh'],
  reference: 'https://plovdrisk.example.org/report-6631',
  credit: 'Ysolde Marrowgate',
  contact: 'https://marrowgate.example.org/ysolde',
  cwe: 'CWE-1390',
  vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
  masterFix: '5f1e2d3c4b5a69788796a5b4c3d2e1f05f1e2d3c',
  backport: '6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7',
  tag: 'open-release/verawood.9',
  reportedAt: '2026-09-13T07:41:29Z',
  triagedAt: '2026-09-14T18:03:47Z',
};
const ID = 'OEA-2026-701';
const ANNOUNCE_AT = '2026-11-20T14:00:00Z';
const PUBLISH_AT = '2026-12-02T14:00:00Z';
const announced = `---
id: ${ID}
title: ${CANARY.title}
summary: ${CANARY.summary}
announce_at: "${ANNOUNCE_AT}"
publish_at: "${PUBLISH_AT}"
notice:
  components: [openedx/openedx-platform]
  releases: [verawood]
  severity: high
  text: Authentication fix in the LMS; patch for Verawood.
severity: { cvss_v3: "${CANARY.vector}" }
affected:
  - repository: openedx/openedx-platform
    master_fix: ${CANARY.masterFix}
    releases:
      - { release: verawood, status: fixed, commit: ${CANARY.backport}, tag: ${CANARY.tag} }
aliases: [${CANARY.aliases.join(', ')}]
cwe: [${CANARY.cwe}]
credits:
  - { name: ${CANARY.credit}, type: finder, contact: ["${CANARY.contact}"] }
references:
  - { type: report, url: "${CANARY.reference}" }
reported_at: "${CANARY.reportedAt}"
triaged_at: "${CANARY.triagedAt}"
revisions:
  - { date: "2026-12-09T10:00:00Z", summary: Added the Ulmo backport. }
---

## Impact

${CANARY.body} A token taken before a rotation kept working until it expired.

## Patches

Upgrade to ${CANARY.tag} or apply the fix commit.

## Workarounds

Restart every LMS worker after a key rotation.

## References

- [Report](${CANARY.reference})
`;
/**
 * Another advisory like the first: its own id, dates, title and commits (a published advisory
 * may not quote an embargoed one's), no aliases (they belong to one advisory), no revision.
 */
const variant = (id: string, announceAt: string, publishAt: string) =>
  announced
    .replace(new RegExp(ID, 'g'), id)
    .replace(CANARY.title, `${CANARY.title} (variant ${id.slice(-3)})`)
    .replace(new RegExp(`${CANARY.masterFix}|${CANARY.backport}`, 'g'), (sha) => `${id.slice(-3)}${sha.slice(3)}`)
    .replace(ANNOUNCE_AT, announceAt)
    .replace(PUBLISH_AT, publishAt)
    .replace(/^aliases: .*\n/m, '')
    .replace(/^revisions:\n.*\n/m, '');
/** Across the start of daylight saving time in New York (14 March 2027). */
const beforeDst = variant('OEA-2027-702', '2027-03-10T14:00:00Z', '2027-03-12T14:00:00Z');
const afterDst = variant('OEA-2027-703', '2027-03-10T14:00:00Z', '2027-03-16T14:00:00Z');
const hidden = variant('OEA-2027-704', '2027-01-10T14:00:00Z', '2027-01-12T14:00:00Z');
const draft = variant('OEA-2026-705', ANNOUNCE_AT, PUBLISH_AT).replace('title:', 'draft: true\ntitle:');

const root = makeBareContentRoot({
  [`advisories/2026/${ID}.md`]: announced,
  'advisories/2027/OEA-2027-702.md': beforeDst,
  'advisories/2027/OEA-2027-703.md': afterDst,
  'advisories/2027/OEA-2027-704.md': hidden,
  'advisories/2026/OEA-2026-705.md': draft,
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
const { corpus } = readCorpus(root);
const CLOCK = '2026-11-25T12:00:00Z';
const announceText = (...args: string[]) => runCommand(announce, args, { env: { CONTENT_ROOT: root } });
/** Everything the leak scan would flag in `text` at `clock`: the same secrets and matcher as the build's. */
const leaks = (text: string, clock: string) =>
  secretMatcher(collectSecrets(corpus!.advisories, new Date(clock), siteText(corpus!)))(text).map(
    (s) => `${s.advisory} ${s.what}: ${s.text}`,
  );

describe('npm run announce, before publish_at: the pre-announcement', () => {
  it.each(FORMATS)(
    'holds none of the advisory secrets (%s): the leak scan finds nothing, and no canary is there verbatim',
    async (format) => {
      const r = await announceText(ID, '--at', CLOCK, '--format', format);
      expect(r.code, r.stderr).toBe(0);
      expect(leaks(r.stdout, CLOCK)).toEqual([]);
      const verbatim = [
        ...CANARY.title.split(' ').filter((w) => w.length > 7),
        ...CANARY.aliases,
        CANARY.reference,
        CANARY.credit,
        CANARY.contact,
        CANARY.cwe,
        'CVSS',
        CANARY.masterFix.slice(0, 7),
        CANARY.backport.slice(0, 7),
        CANARY.tag,
        CANARY.reportedAt.slice(0, 10),
        CANARY.triagedAt.slice(0, 10),
        'quastelbrim',
        'Ulmo',
      ];
      for (const canary of verbatim) expect(r.stdout, canary).not.toContain(canary);
    },
  );

  it('would be caught if it did hold them: the same check flags each canary added to it, and the publication text', async () => {
    const text = (await announceText(ID, '--at', CLOCK)).stdout;
    const added: Array<[string, string]> = [
      ['title', CANARY.title],
      ['summary', CANARY.summary],
      ['body', CANARY.body],
      ['alias', CANARY.aliases[1]!],
      ['reference', CANARY.reference],
      ['credit', CANARY.credit],
    ];
    for (const [what, canary] of added) expect(leaks(`${text}\n${canary}\n`, CLOCK), what).toContain(`${ID} ${what}: ${canary}`);
    const published = (await announceText(ID, '--at', PUBLISH_AT)).stdout;
    const found = leaks(published, CLOCK).map((l) => l.split(':')[0]);
    for (const what of ['title', 'summary', 'alias']) expect(found).toContain(`${ID} ${what}`);
  });

  it('is in the shape deployers know: title, time in UTC and New York, severity, components, releases, what to prepare, links', async () => {
    const r = await announceText(ID, '--at', CLOCK);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Security: Upcoming security release for openedx/openedx-platform on 2026-12-02');
    expect(r.stdout).toContain(
      'will publish a security fix for openedx/openedx-platform on Wednesday 2 December 2026 at 14:00 UTC (09:00 EST in New York)',
    );
    for (const line of [
      `Advisory: ${ID}`,
      'Fix public: Wednesday 2 December 2026, 14:00 UTC',
      'America/New_York: Wednesday 2 December 2026, 09:00 EST',
      'Severity: High',
      'Components: openedx/openedx-platform',
      'Named releases: Verawood (open-release/verawood.master)',
      'Authentication fix in the LMS; patch for Verawood.',
      'What to prepare:',
      '- Plan to patch the same day: the severity is high.',
      `Upcoming security releases: https://security.openedx.org/upcoming/#${ID}`,
      'Calendar of security releases (iCalendar): https://security.openedx.org/calendar.ics',
    ])
      expect(lines).toContain(line);
  });

  it('gives New York time on both sides of a daylight-saving change (Intl with an explicit zone)', async () => {
    const est = await announceText('OEA-2027-702', '--at', '2027-03-11T00:00:00Z');
    expect(est.stdout).toContain('on Friday 12 March 2027 at 14:00 UTC (09:00 EST in New York)');
    const edt = await announceText('OEA-2027-703', '--at', '2027-03-11T00:00:00Z');
    expect(edt.stdout).toContain('on Tuesday 16 March 2027 at 14:00 UTC (10:00 EDT in New York)');
    // Autumn, and a release late in the UTC day that is the day before in New York.
    expect(newYorkWhen('2026-10-30T14:00:00Z')).toBe('Friday 30 October 2026, 10:00 EDT');
    expect(newYorkWhen('2026-11-03T14:00:00Z')).toBe('Tuesday 3 November 2026, 09:00 EST');
    expect(bothZones('2026-12-02T02:30:05Z')).toBe(
      'Wednesday 2 December 2026 at 02:30:05 UTC (Tuesday 1 December 2026, 21:30:05 EST in New York)',
    );
  });

  it.each([
    ['hidden, before its announce_at', 'OEA-2027-704', 'its pre-announcement is due at announce_at 2027-01-10T14:00:00Z'],
    ['a draft', 'OEA-2026-705', 'it is a draft (draft: true)'],
  ])('does not exist before its time: an advisory %s is refused (exit 1, nothing printed)', async (_, id, why) => {
    const r = await announceText(id, '--at', CLOCK);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${id} is not public at build clock 2026-11-25T12:00:00.000Z (--at): ${why}. Nothing to announce yet.`);
  });

  it('refuses an unknown advisory (exit 1) and a malformed call (exit 2)', async () => {
    const unknown = await announceText('OEA-2026-799', '--at', CLOCK);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('OEA-2026-799: no such advisory');
    for (const args of [[], ['oea-2026-701'], [ID, ID], [ID, '--format', 'html'], [ID, '--at', '2026-11-25 12:00'], [ID, '--now', CLOCK]]) {
      const r = await announceText(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run announce');
      expect(r.stdout).toBe('');
    }
  });
});

describe('npm run announce, from publish_at: the publication', () => {
  it('says what the site model says at that clock: severity and CVSS, fixed commits, tags per release, links', async () => {
    const r = await announceText(ID, '--at', PUBLISH_AT);
    expect(r.code, r.stderr).toBe(0);
    const model = siteAt(corpus!, new Date(PUBLISH_AT)).model;
    const page = model.published.find((p) => p.id === ID)!;
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Security: ${page.advisory.title} (${ID})`);
    for (const line of [
      page.advisory.summary,
      `Severity: High; CVSS 3.1 ${page.severity.primary!.score.toFixed(1)} (high): ${CANARY.vector}`,
      'Published: Wednesday 2 December 2026, 14:00 UTC',
      `Aliases: ${CANARY.aliases.join(', ')}`,
      `- openedx/openedx-platform, master: commit ${CANARY.masterFix.slice(0, 10)} <https://github.com/openedx/openedx-platform/commit/${CANARY.masterFix}>`,
      `- openedx/openedx-platform, Verawood: fixed in commit ${CANARY.backport.slice(0, 10)} <https://github.com/openedx/openedx-platform/commit/${CANARY.backport}>, tag ${CANARY.tag} <https://github.com/openedx/openedx-platform/releases/tag/${CANARY.tag}>`,
      `Advisory: https://security.openedx.org/advisories/${ID}/`,
      `OSV: https://security.openedx.org/osv/${ID}.json`,
      `CSAF: https://security.openedx.org/.well-known/csaf/white/2026/${ID.toLowerCase()}.json`,
    ])
      expect(lines).toContain(line);
    // The revision of 9 December is not on the site yet, so not in the text either; then it is.
    expect(r.stdout).not.toContain('Updated');
    expect((await announceText(ID, '--at', '2026-12-09T10:00:00Z')).stdout).toContain('Updated: Wednesday 9 December 2026, 10:00 UTC');
  });
});

describe('the three formats', () => {
  it('discourse: a Markdown title line and body; email: a Subject line and plain text; text: the title and plain text', async () => {
    const [discourse, email, text] = await Promise.all(FORMATS.map((f) => announceText(ID, '--at', CLOCK, '--format', f)));
    expect(discourse!.stdout).toMatch(/^# Security: Upcoming security release for openedx\/openedx-platform on 2026-12-02\n\n/);
    expect(discourse!.stdout).toContain('- **In your time zone:** [date=2026-12-02 time=14:00:00 timezone="UTC"]');
    expect(discourse!.stdout).toContain('<https://security.openedx.org/calendar.ics>');
    expect(email!.stdout).toMatch(
      /^Subject: Security: Upcoming security release for openedx\/openedx-platform on 2026-12-02\n\nThe Open edX/,
    );
    expect(text!.stdout).toMatch(/^Security: Upcoming security release for openedx\/openedx-platform on 2026-12-02\n\nThe Open edX/);
    for (const plain of [email!.stdout, text!.stdout]) expect(plain).not.toMatch(/\*\*|\[date=|^#/m);
    expect((await announceText(ID, '--at', CLOCK)).stdout).toBe(text!.stdout); // text is the default
  });

  it('discourse escapes text from content: a title cannot add links, markup, HTML or mentions', async () => {
    const announceTitle = async (title: string) => {
      const sly = variant('OEA-2026-706', ANNOUNCE_AT, PUBLISH_AT).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
      const slyRoot = makeBareContentRoot({ 'advisories/2026/OEA-2026-706.md': sly });
      const r = await runCommand(announce, ['OEA-2026-706', '--at', PUBLISH_AT, '--format', 'discourse'], {
        env: { CONTENT_ROOT: slyRoot },
      });
      rmSync(slyRoot, { recursive: true, force: true });
      return r;
    };
    // A link or a tag in a title is refused before any output (src/schemas/plain-text.ts)…
    const refused = await announceTitle('*Bold* [click](https://evil.example) <img src=x> @everyone `code` & more');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('title: must be plain text');
    // …and what plain text may hold is escaped.
    const r = await announceTitle('*Bold* [click] @everyone `code` & more, 1 < 2');
    expect(r.code, r.stderr).toBe(0);
    const html = new MarkdownIt().render(r.stdout);
    expect(html).toContain('<h1>Security: *Bold* [click] @everyone `code` &amp; more, 1 &lt; 2 (OEA-2026-706)</h1>');
    expect(html).not.toMatch(/<em>|<img|<code>code<\/code>/);
  });
});

it("exits with the command's code as a process, on the pinned Node, printing the same text", async () => {
  const child = spawnSync(process.execPath, ['scripts/announce.ts', ID, '--at', CLOCK, '--format', 'email'], {
    cwd: PROJECT_ROOT,
    env: cleanEnv({ CONTENT_ROOT: root }),
    encoding: 'utf8',
  });
  expect(child.status, child.stderr).toBe(0);
  expect(child.stdout).toBe((await announceText(ID, '--at', CLOCK, '--format', 'email')).stdout);
});
