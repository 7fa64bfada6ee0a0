/**
 * /.well-known/security.txt (RFC 9116, https://www.rfc-editor.org/rfc/rfc9116).
 *
 * Expires is computed from the build clock, EXPIRES_DAYS ahead: well under the RFC's
 * one-year advice, and every build (the site is rebuilt at each embargo transition) moves it
 * forward. The file is not signed: RFC 9116 makes signing optional, and a signature would
 * need a key in the build; see docs/feeds.md.
 *
 * Under a path (https://openedx.org/security) the same file is also served at the domain root,
 * the only place RFC 9116 looks (the build's `_domain-root/`, src/build/host-files.ts): it
 * names both addresses as canonical, since a copy fetched from an address it does not list
 * should not be trusted (RFC 9116, 2.5.2).
 */
import type { SiteModel } from '../model/site-model.ts';
import { absolute, paths } from '../model/urls.ts';
import { utc } from './common.ts';

export const EXPIRES_DAYS = 180;

export function securityTxt(model: Pick<SiteModel, 'site' | 'now'>): string {
  const { site, now } = model;
  const url = (path: string) => absolute(site.url, path);
  const canonical = [...new Set([absolute(new URL(site.url).origin, paths.securityTxt), url(paths.securityTxt)])];
  const expires = new Date(now.getTime() + EXPIRES_DAYS * 24 * 60 * 60 * 1000);
  return [
    `# ${site.title}: how to report a security vulnerability in Open edX software.`,
    '# Please report privately; do not open public issues for vulnerabilities.',
    `Contact: mailto:${site.contact_email}`,
    `Expires: ${utc(expires)}`,
    `Preferred-Languages: ${site.languages.join(', ')}`,
    ...canonical.map((c) => `Canonical: ${c}`),
    `Policy: ${url(paths.policy)}`,
    `CSAF: ${url(paths.csafProviderMetadata)}`,
    '',
  ].join('\n');
}
