import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/content/markdown.ts';
import { htmlToText } from '../../src/outputs/html-to-text.ts';

const BODY = [
  '## Impact',
  '',
  'A *crafted* link with `<script>` & **bold** text, see [the fix](https://github.com/openedx/x/commit/abc).',
  '',
  '## Workarounds',
  '',
  '- Block `/api/(x)` at the proxy',
  '- Upgrade',
  '',
  '1. First',
  '2. Second',
  '',
  '```',
  'if a < b:',
  '    pass',
  '```',
  '',
  '> Quoted note.',
  '',
  'Literal 2 * 3 and [brackets] and \\<tag>, Zoë.',
].join('\n');

describe('htmlToText', () => {
  const html = renderMarkdown(BODY).html;

  it('turns the rendered body back into CommonMark that renders to the same HTML', () => {
    const md = htmlToText(html, 'markdown');
    expect(md).toContain(
      '## Impact\n\nA *crafted* link with `<script>` & **bold** text, see [the fix](https://github.com/openedx/x/commit/abc).',
    );
    expect(md).toContain('- Block `/api/(x)` at the proxy\n- Upgrade');
    expect(md).toContain('1. First\n2. Second');
    expect(md).toContain('```\nif a < b:\n    pass\n```');
    expect(md).toContain('> Quoted note.');
    expect(md).not.toContain('aria-label');
    // Round trip: what we give OSV readers renders as the site renders the source.
    expect(renderMarkdown(md).html).toBe(html);
  });

  it('gives plain text for CSAF notes: no markup, link targets in parentheses', () => {
    const text = htmlToText(html, 'plain');
    expect(text).toContain('Impact\n\nA crafted link with <script> & bold text, see the fix (https://github.com/openedx/x/commit/abc).');
    expect(text).toContain('Literal 2 * 3 and [brackets] and <tag>, Zoë.');
    expect(text).not.toMatch(/[*`#]{2}/);
  });

  it('returns nothing for an empty body', () => {
    expect(htmlToText('', 'markdown')).toBe('');
  });
});
