/**
 * The SECURITY.md template that Open edX repositories carry. One generator feeds the page that
 * shows it, the raw `/SECURITY.md` file and `npm run security-md`, so the three never drift
 * apart. Every fact comes from `site.yaml` (contact, site URL, targets) and `releases.yaml`
 * (which named releases are supported at the clock). GitHub shows this file on a repository's
 * "Security" tab and links it from the new-issue page:
 * https://docs.github.com/en/code-security/getting-started/adding-a-security-policy-to-your-repository
 */
import { RepositorySchema } from '../schemas/common.ts';
import type { Release } from '../schemas/release.ts';
import type { Site } from '../schemas/site.ts';
import { formatDate } from '../model/dates.ts';
import { absolute, paths } from '../model/urls.ts';

export type SecurityMdInput = {
  site: Pick<Site, 'url' | 'contact_email' | 'sla'>;
  /** Newest first, each marked supported or not at the clock. */
  releases: ReadonlyArray<Pick<Release, 'name' | 'title' | 'branch' | 'end_of_support'> & { supported: boolean }>;
  /** `owner/name` of the repository the file is for; omitted for the generic template. */
  repository?: string | undefined;
};

/** Throws with the expected form when `repository` is not an owner/name slug. */
export function checkRepository(repository: string): string {
  const result = RepositorySchema.safeParse(repository);
  if (!result.success) throw new Error(`--repo: ${result.error.issues[0]?.message} (found "${repository}")`);
  return repository;
}

export function securityMd({ site, releases, repository }: SecurityMdInput): string {
  // Autolinks (<https://…>) are links both on GitHub and in the site's own renderer.
  const url = (path: string) => `<${absolute(site.url, path)}>`;
  const email = site.contact_email;
  const supported = releases.filter((r) => r.supported);
  const lines: string[] = [
    repository ? `# Security policy for ${repository}` : '# Security policy',
    '',
    `${repository ? `\`${repository}\` is` : 'This repository is'} part of the Open edX platform. Security problems in it are handled by the Open edX Security Working Group under the community's security policy: ${url(paths.policy)}`,
    '',
    '## Reporting a vulnerability',
    '',
    `Email **[${email}](mailto:${email})**. Please keep the report private: do not open a public issue or pull request, and do not post about it in forums or chat, until a fix has been released.`,
    '',
    'A useful report says:',
    '',
    `- which ${repository ? `part of \`${checkRepository(repository)}\`` : 'repository, service or package'} is affected, and which versions or named releases you tested;`,
    '- what an attacker can do, and what access they need first;',
    '- the steps to reproduce it, with a proof of concept if you have one;',
    '- how you would like to be credited, if at all.',
    '',
    '## What happens next',
    '',
    `A working-group member on call acknowledges the report, rates its severity with CVSS 3.1 and works with the maintainers of the affected code until it is fixed. The targets below count days from your report (details in the policy: ${url(paths.policy)}).`,
    '',
    '| Severity | Acknowledgement | Fix released |',
    '| --- | --- | --- |',
    ...(['critical', 'high', 'medium', 'low'] as const).map((level) => {
      const t = site.sla[level];
      return `| ${level[0]!.toUpperCase()}${level.slice(1)} | ${t.acknowledge_days} days | ${t.fix_days} days |`;
    }),
    '',
    'Before a fix becomes public, the working group pre-announces the date and time of its release. The fix is then merged to the master branch, backported to the supported named release, and published as an advisory.',
    '',
    '## Supported versions',
    '',
    'Security fixes land on the `master` branch and are backported to the named releases that are still supported:',
    '',
    '| Version | Branch | Security fixes until |',
    '| --- | --- | --- |',
    '| master | `master` | always |',
    ...supported.map((r) => `| ${r.title} | \`${r.branch}\` | ${formatDate(r.end_of_support)} |`),
    '',
    supported.length === 0
      ? `No named release is supported at the moment; run master or upgrade to the next named release. The current list is at ${url(paths.releases)}.`
      : `Older named releases receive no security fixes. This list changes with each release; the current one is at ${url(paths.releases)}.`,
    '',
    '## Staying informed',
    '',
    `- Advisories: ${url(paths.advisories)}`,
    `- Upcoming security releases: ${url(paths.upcoming)}`,
    `- Feeds: ${url(paths.rss)} (RSS), ${url(paths.jsonFeed)} (JSON Feed), ${url(paths.calendar)} (calendar)`,
    '',
    'Security work in Open edX is a best effort of its community; the software is provided as-is, without warranty.',
    '',
  ];
  return lines.join('\n');
}
