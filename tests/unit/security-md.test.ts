import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run as securityMdCommand } from '../../src/commands/security-md.ts';
import { renderMarkdown } from '../../src/content/markdown.ts';
import { checkRepository, securityMd } from '../../src/outputs/security-md.ts';
import { cleanEnv, PROJECT_ROOT } from '../support/build-site.ts';
import { runCommand } from '../support/run-command.ts';
import { FIXTURE_SITE, fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';

const model = fixtureModel();
const generic = securityMd(model);

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCommand(securityMdCommand, args, { env: { CONTENT_ROOT: FIXTURE_SITE, ...env } });

describe('SECURITY.md generator', () => {
  it('gives the private address first, as a mailto link, and asks for privacy', () => {
    const reporting = generic.indexOf('## Reporting a vulnerability');
    expect(reporting).toBeGreaterThan(0);
    expect(generic.indexOf('[security@openedx.org](mailto:security@openedx.org)')).toBeGreaterThan(reporting);
    expect(generic).toMatch(/do not open a public issue/);
  });

  it('links the policy and the feeds with absolute URLs from site.yaml', () => {
    expect(generic).toContain('<https://security.openedx.org/policy/>');
    expect(generic).toContain('<https://security.openedx.org/feed.xml>');
    expect(generic).toContain('<https://security.openedx.org/calendar.ics>');
    const moved = securityMd({
      ...model,
      site: { ...model.site, url: 'https://security.example.org', contact_email: 'psirt@example.org' },
    });
    expect(moved).toContain('<https://security.example.org/policy/>');
    expect(moved).toContain('mailto:psirt@example.org');
    expect(moved).not.toContain('openedx.org/');
  });

  it('links under the path of a site served under one', () => {
    const underPath = securityMd({ ...model, site: { ...model.site, url: 'https://openedx.org/security' } });
    const links = [...underPath.matchAll(/<(https:[^>]+)>/g)].map((m) => m[1]!);
    expect(links).toContain('https://openedx.org/security/policy/');
    expect(links.filter((l) => !l.startsWith('https://openedx.org/security/'))).toEqual([]);
  });

  it('copies every response target from site.yaml', () => {
    for (const [level, t] of Object.entries(model.site.sla)) {
      const name = level[0]!.toUpperCase() + level.slice(1);
      expect(generic).toContain(`| ${name} | ${t.acknowledge_days} days | ${t.fix_days} days |`);
    }
  });

  it('names no release and no date in the generic template, and links the live list instead', () => {
    // Copied into repositories and left there: anything dated would be wrong after the next named release.
    expect(generic).not.toMatch(/Palm|Quince|Redwood|Sumac|Teak|Ulmo|Verawood|open-release\//);
    expect(generic).not.toMatch(/\b20\d\d\b/);
    expect(generic).toContain('<https://security.openedx.org/releases/>');
  });

  it('prints the releases supported at the clock, dated, in the file for one repository', () => {
    const now = new Date(FIXTURE_CLOCK);
    const ora = securityMd({ ...model, repository: 'openedx/edx-ora2', now });
    // At the fixture clock (2026-11-25) only Verawood is supported.
    expect(ora).toContain('As of 25 November 2026:');
    expect(ora).toContain('| Verawood | `open-release/verawood.master` | 31 December 2026 |');
    expect(ora).not.toMatch(/\| (Ulmo|Teak|Sumac|Redwood|Quince|Palm) \|/);
    const later = securityMd({
      ...model,
      repository: 'openedx/edx-ora2',
      now,
      releases: model.releases.map((r) => ({ ...r, supported: r.name === 'ulmo' || r.name === 'verawood' })),
    });
    expect(later).toMatch(/\| Ulmo \|/);
    const none = securityMd({
      ...model,
      repository: 'openedx/edx-ora2',
      now,
      releases: model.releases.map((r) => ({ ...r, supported: false })),
    });
    expect(none).toContain('No named release was supported on that day');
  });

  it('names the repository when given one, and refuses anything that is not owner/name', () => {
    const ora = securityMd({ ...model, repository: 'openedx/edx-ora2' });
    expect(ora.startsWith('# Security policy for openedx/edx-ora2\n')).toBe(true);
    expect(ora).toContain('which part of `openedx/edx-ora2` is affected');
    expect(() => checkRepository('edx-ora2')).toThrow(/--repo: must be a GitHub repository written owner\/name.*\(found "edx-ora2"\)/);
    expect(() => securityMd({ ...model, repository: 'openedx/../x y' })).toThrow(/found "openedx\/\.\.\/x y"/);
  });

  it('is plain Markdown: deterministic, no raw HTML, renders with the site renderer', () => {
    expect(securityMd(fixtureModel())).toBe(generic);
    expect(generic).not.toMatch(/<(?!https:\/\/)[a-z]/i);
    const { html, headings } = renderMarkdown(generic);
    expect(headings.map((h) => h.text)).toEqual([
      'Security policy',
      'Reporting a vulnerability',
      'What happens next',
      'Supported versions',
      'Staying informed',
    ]);
    expect(html).toContain('<a href="https://security.openedx.org/policy/">');
    expect(renderMarkdown(securityMd({ ...model, repository: 'openedx/edx-ora2', now: new Date(FIXTURE_CLOCK) })).html).toContain(
      '<table>',
    );
  });
});

describe('npm run security-md', () => {
  it('prints the same text as the generator for the same content and clock, and reads no BUILD_AT', async () => {
    const run = await cli(['--repo', 'openedx/edx-ora2', '--at', FIXTURE_CLOCK], { BUILD_AT: 'not an instant' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(securityMd({ ...model, repository: 'openedx/edx-ora2', now: new Date(FIXTURE_CLOCK) }));
    expect((await cli(['--at', FIXTURE_CLOCK])).stdout).toBe(generic);
    // A malformed BUILD_AT would be refused if the command read it: the clock is --at, else the real time.
    expect((await cli([], { BUILD_AT: 'not an instant' })).code).toBe(0);
  });

  it('fails with usage on a bad repository or an unknown option', async () => {
    const bad = await cli(['--repo', 'not-a-slug']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--repo: must be a GitHub repository written owner\/name.*\(found "not-a-slug"\)\nusage: npm run security-md/,
    );
    const unknown = await cli(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
    expect((await cli(['--repo'])).stderr).toMatch(/Option '--repo <value>' argument missing/);
  });

  it('prints its usage on standard output for --help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.trim()).toBe('usage: npm run security-md -- [--repo owner/name] [--at <instant>]');
  });

  it('writes exactly the generated text to standard output as a process, on the pinned Node', () => {
    const child = spawnSync(process.execPath, ['scripts/security-md.ts', '--at', FIXTURE_CLOCK], {
      cwd: PROJECT_ROOT,
      env: cleanEnv({ CONTENT_ROOT: FIXTURE_SITE }),
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toBe(generic);
  });
});
