import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/content/markdown.ts';
import { checkRepository, securityMd } from '../../src/outputs/security-md.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { FIXTURE_SITE, fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';

const model = fixtureModel();
const generic = securityMd(model);

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/security-md.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BUILD_AT: '', CONTENT_ROOT: FIXTURE_SITE },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

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

  it('lists the releases supported at the clock, and only those', () => {
    // At the fixture clock (2026-11-25) only Verawood is supported.
    expect(generic).toContain('| Verawood | `open-release/verawood.master` | 31 December 2026 |');
    expect(generic).not.toMatch(/\| (Ulmo|Teak|Sumac|Redwood|Quince|Palm) \|/);
    const later = securityMd({
      ...model,
      releases: model.releases.map((r) => ({ ...r, supported: r.name === 'ulmo' || r.name === 'verawood' })),
    });
    expect(later).toMatch(/\| Ulmo \|/);
    const none = securityMd({ ...model, releases: model.releases.map((r) => ({ ...r, supported: false })) });
    expect(none).toContain('No named release is supported at the moment');
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
    expect(html).toContain('<table>');
  });
});

describe('npm run security-md', () => {
  it('prints the same text as the generator for the same content and clock', () => {
    const run = cli(['--repo', 'openedx/edx-ora2', '--at', FIXTURE_CLOCK]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(securityMd({ ...model, repository: 'openedx/edx-ora2' }));
    expect(cli(['--at', FIXTURE_CLOCK]).stdout).toBe(generic);
  });

  it('fails with usage on a bad repository or an unknown option', () => {
    const bad = cli(['--repo', 'not-a-slug']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--repo: must be a GitHub repository written owner\/name.*\(found "not-a-slug"\)\nusage: npm run security-md/,
    );
    const unknown = cli(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
    expect(cli(['--repo']).stderr).toMatch(/Option '--repo <value>' argument missing/);
  });

  it('prints its usage on standard output for --help', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.trim()).toBe('usage: npm run security-md -- [--repo owner/name] [--at <instant>]');
  });
});
