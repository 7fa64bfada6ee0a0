/**
 * Advisory bodies are untrusted: rendering escapes raw HTML and drops unsafe links and images;
 * the body check finds the same things with their lines so authors can fix them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAdvisoryFiles } from '../../src/content/read-content.ts';
import { parseMarkdownFile } from '../../src/content/frontmatter.ts';
import { findBodyProblems, plainText, renderMarkdown } from '../../src/content/markdown.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const html = (md: string) => renderMarkdown(md).html;

describe('renderMarkdown: raw HTML', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="https://example.org"></iframe>',
    '<div onclick="alert(1)">text</div>',
    'inline <b onmouseover="alert(1)">bold</b> text',
    '<!-- a comment -->',
    '<style>body { display: none }</style>',
  ])('escapes %s', (source) => {
    const out = html(source);
    expect(out).not.toMatch(/<(script|img|iframe|div|b|style)\b/);
    expect(out).not.toContain('<!--');
    expect(out).toContain('&lt;');
  });

  it('keeps HTML inside code as visible, escaped code', () => {
    expect(html('Use `<script>` here')).toBe('<p>Use <code>&lt;script&gt;</code> here</p>\n');
    expect(html('```html\n<img src=x onerror=alert(1)>\n```')).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('renderMarkdown: links and images', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](jav&#x09;ascript:alert(1))',
    '[x](javascript&colon;alert(1))',
    '<javascript:alert(1)>',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '[x](http://example.org/)',
    '[x](//evil.example/)',
  ])('drops the link of %s', (source) => {
    const out = html(source);
    expect(out).not.toContain('<a ');
    expect(out.toLowerCase()).not.toMatch(/href="\s*(javascript|data|vbscript|file|http:|\/\/)/);
  });

  it.each([
    ['[x](https://example.org/a?b=1&c=2)', 'href="https://example.org/a?b=1&amp;c=2"'],
    ['<https://example.org/>', 'href="https://example.org/"'],
    ['[mail](mailto:security@openedx.org)', 'href="mailto:security@openedx.org"'],
    ['[list](/advisories/)', 'href="/advisories/"'],
    ['[section](#patches)', 'href="#patches"'],
  ])('keeps the link of %s', (source, href) => {
    expect(html(source)).toContain(href);
  });

  it('never renders an image', () => {
    const out = html('![shot](https://example.org/tracker.png)');
    expect(out).not.toContain('<img');
  });

  it('does not turn bare URLs into links (no linkify)', () => {
    expect(html('see https://example.org')).not.toContain('<a ');
  });
});

describe('renderMarkdown: heading anchors', () => {
  const { html: out, headings } = renderMarkdown(
    '## Impact\n\ntext\n\n## Impact\n\n### The `next` *parameter*\n\n## Über Patches\n\n## 漏洞 公告!\n\n## ???',
  );

  it('gives each heading a unique id and a self-link', () => {
    expect(headings).toEqual([
      { depth: 2, id: 'impact', text: 'Impact' },
      { depth: 2, id: 'impact-1', text: 'Impact' },
      { depth: 3, id: 'the-next-parameter', text: 'The next parameter' },
      { depth: 2, id: 'über-patches', text: 'Über Patches' },
      { depth: 2, id: '漏洞-公告', text: '漏洞 公告!' },
      { depth: 2, id: 'section', text: '???' },
    ]);
    expect(out).toContain('<h2 id="impact">Impact <a class="anchor" href="#impact" aria-label="Link to this section">#</a></h2>');
    expect(out).toContain('<h2 id="impact-1">');
    expect(out).toContain(
      '<h3 id="the-next-parameter">The <code>next</code> <em>parameter</em> <a class="anchor" href="#the-next-parameter"',
    );
  });

  it.each([
    ['Hello, World!', 'hello-world'],
    ['Ça va?', 'ça-va'],
    ['CVE-2026-53635 fix', 'cve-2026-53635-fix'],
    ['Zoë Ångström', 'zoë-ångström'],
    ['***', 'section'],
  ])('the heading %j gets the anchor GitHub gives it, %j', (text, slug) => expect(renderMarkdown(`# ${text}`).headings[0]!.id).toBe(slug));
});

describe('findBodyProblems', () => {
  it('reports raw HTML, unsafe links and images with their body line', () => {
    const body = [
      '# Title',
      '',
      '<div>block</div>',
      '',
      'text <span>inline</span>',
      '',
      '[a](http://example.org) [b](javascript:alert(1))',
      '',
      '![i](https://example.org/i.png)',
    ].join('\n');
    expect(findBodyProblems(body)).toEqual([
      { line: 3, message: 'raw HTML is not allowed in advisories (found "<div>block</div>"); write Markdown, or put code in backticks' },
      { line: 5, message: expect.stringContaining('raw HTML is not allowed in advisories (found "<span>")') },
      { line: 5, message: expect.stringContaining('(found "</span>")') },
      { line: 7, message: 'links must use https:// (found "http://example.org")' },
      { line: 7, message: 'links must use https:// (found "javascript:alert(1)")' },
      { line: 9, message: 'images are not allowed in advisories (they load from other hosts); link to them instead' },
    ]);
  });

  it('accepts code, autolinks, comparisons and safe links', () => {
    const body =
      'Path `/courses/<course_id>/x`, <https://openedx.org/>, 1 < 2 and 3 > 2, [m](mailto:a@b.org), [s](#s), [p](/x/)\n\n```\n<script>x</script>\n```\n\n    <b>indented code</b>';
    expect(findBodyProblems(body)).toEqual([]);
  });
});

describe('plainText', () => {
  it('keeps the words and code, drops the markup', () => {
    expect(plainText('## Title\n\nSome *emphasis*, a [link](https://e.org) and `code`.\n\n- item')).toBe(
      'Title\n\nSome emphasis, a link (https://e.org) and code.\n\nitem',
    );
  });
});

describe('every committed advisory body', () => {
  it.each(listAdvisoryFiles(PROJECT_ROOT))('%s renders without active content and has the four sections', (file) => {
    const { body } = parseMarkdownFile(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
    const { html: out, headings } = renderMarkdown(body);
    expect(out).not.toMatch(/<(script|img|iframe|style)\b|javascript:|on\w+=/i);
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(['Impact', 'Patches', 'Workarounds', 'References']);
  });
});
