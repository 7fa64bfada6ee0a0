import { describe, expect, it } from 'vitest';
import { absoluteHtmlLinks, absoluteMarkdownLinks, resolveLink } from '../../src/outputs/absolute-links.ts';

const page = 'https://security.openedx.org/advisories/OEA-2024-003/';
const site = 'https://security.openedx.org';

describe('absolute links for feeds and exports', () => {
  it('resolves anchors against the page and root paths against the site, under a base path too', () => {
    expect(resolveLink('#impact', page, site)).toBe(`${page}#impact`);
    expect(resolveLink('/advisories/OEA-2024-002/', page, site)).toBe('https://security.openedx.org/advisories/OEA-2024-002/');
    expect(resolveLink('/advisories/OEA-2024-002/', 'https://openedx.org/security/advisories/X/', 'https://openedx.org/security')).toBe(
      'https://openedx.org/security/advisories/OEA-2024-002/',
    );
    expect(resolveLink('https://github.com/openedx', page, site)).toBe('https://github.com/openedx');
    expect(resolveLink('//evil.example/x', page, site)).toBe('//evil.example/x');
  });

  it('rewrites every href and src of rendered HTML, keeping entities', () => {
    const html = '<p><a href="/advisories/OEA-2024-002/">x</a> <a href="#patches">y</a> <a href="https://a.example/?a=1&amp;b=2">z</a></p>';
    expect(absoluteHtmlLinks(html, page, site)).toBe(
      `<p><a href="https://security.openedx.org/advisories/OEA-2024-002/">x</a> <a href="${page}#patches">y</a> <a href="https://a.example/?a=1&amp;b=2">z</a></p>`,
    );
  });

  it('rewrites Markdown link destinations and definitions, never code', () => {
    const md = [
      'Apply [OEA-2024-002](/advisories/OEA-2024-002/) and see [below](#patches "title").',
      '[ref]: /advisories/OEA-2024-001/',
      'Code: `[x](/not/a/link)` stays.',
      '```',
      '[y](/also/not)',
      '```',
      '![img](<https://a.example/x.png>)',
    ].join('\n');
    expect(absoluteMarkdownLinks(md, page, site).split('\n')).toEqual([
      `Apply [OEA-2024-002](https://security.openedx.org/advisories/OEA-2024-002/) and see [below](${page}#patches "title").`,
      '[ref]: https://security.openedx.org/advisories/OEA-2024-001/',
      'Code: `[x](/not/a/link)` stays.',
      '```',
      '[y](/also/not)',
      '```',
      '![img](<https://a.example/x.png>)',
    ]);
  });
});
