/**
 * Frontmatter is untrusted input: YAML only, nothing evaluated, timestamps kept as written,
 * and every way a file can be unreadable reported with a message and, where known, a line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ParseError, parseMarkdownFile, parseYaml } from '../../src/content/frontmatter.ts';

const doc = (yaml: string, body = '\n## Impact\n\nText.\n') => `---\n${yaml}\n---\n${body}`;

function parseError(text: string): ParseError {
  try {
    parseMarkdownFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('parseMarkdownFile', () => {
  it('splits frontmatter and body and knows where the body starts', () => {
    const parsed = parseMarkdownFile(doc('id: OEA-2026-001\ntitle: T'));
    expect(parsed.data).toEqual({ id: 'OEA-2026-001', title: 'T' });
    expect(parsed.body).toBe('\n## Impact\n\nText.\n');
    expect(parsed.bodyLine).toBe(5);
  });

  it('accepts a UTF-8 BOM and CRLF or CR line endings, and normalises the body to LF', () => {
    const text = doc('id: OEA-2026-001\ntitle: Zoë').replace(/\n/g, '\r\n');
    for (const variant of [text, `\uFEFF${text}`, text.replace(/\r\n/g, '\r')]) {
      const parsed = parseMarkdownFile(variant);
      expect(parsed.data).toEqual({ id: 'OEA-2026-001', title: 'Zoë' });
      expect(parsed.body).not.toContain('\r');
      expect(parsed.lineOf(['title'])).toBe(3);
    }
  });

  it('keeps timestamps, yes/no and version numbers as the author wrote them', () => {
    const { data } = parseMarkdownFile(
      doc('a: 2026-12-02T14:00:00Z\nb: 2026-12-02T19:30:00+05:30\nc: 2026-12-02\nd: yes\ne: 7.0.5\nf: "7.10"'),
    );
    expect(data).toEqual({ a: '2026-12-02T14:00:00Z', b: '2026-12-02T19:30:00+05:30', c: '2026-12-02', d: 'yes', e: '7.0.5', f: '7.10' });
  });

  it('reads unquoted numbers and booleans as such (the schema then asks for quotes)', () => {
    const { data } = parseMarkdownFile(doc('n: 0123456\nx: 7.10\nt: true'));
    expect(data).toEqual({ n: 123456, x: 7.1, t: true });
  });

  it('gives the 1-based line of nested fields and sequence items', () => {
    const { lineOf } = parseMarkdownFile(
      doc(
        'id: X\naffected:\n  - repository: a/b\n    releases:\n      - { release: teak, status: fixed }\n      - release: ulmo\n        status: affected\naliases: [A, B]',
      ),
    );
    expect(lineOf(['id'])).toBe(2);
    expect(lineOf(['affected', 0, 'repository'])).toBe(4);
    expect(lineOf(['affected', 0, 'releases', 1, 'status'])).toBe(8);
    expect(lineOf(['affected', 0, 'releases', 0, 'release'])).toBe(6);
    expect(lineOf(['aliases', 1])).toBe(9);
    expect(lineOf(['missing'])).toBeUndefined();
  });

  it('accepts a file with no body after the closing line', () => {
    expect(parseMarkdownFile('---\nid: X\n---').body).toBe('');
  });
});

describe('parseMarkdownFile refuses', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__frontmatterRan;
  });

  it.each(['js', 'javascript', 'json', 'coffee', 'toml'])('---%s frontmatter, without evaluating it', (language) => {
    const e = parseError(`---${language}\nglobalThis.__frontmatterRan = true; ({ id: "X" })\n---\n\nbody\n`);
    expect(e.message).toBe(`frontmatter must be YAML (found a "${language}" block, which could run code)`);
    expect(e.line).toBe(1);
    expect((globalThis as Record<string, unknown>).__frontmatterRan).toBeUndefined();
  });

  it.each([
    ['an empty file', '', 'the file is empty (expected YAML frontmatter between --- lines, then Markdown)', undefined],
    ['a blank file', '\uFEFF \r\n\t\n', 'the file is empty', undefined],
    ['a binary file', 'PNG\u0000\u0001', 'not a text file (contains NUL bytes)', undefined],
    ['Markdown without frontmatter', '# Title\n\ntext\n', 'no frontmatter (expected the file to start with a --- line)', 1],
    ['frontmatter after a blank line', '\n---\nid: X\n---\n', 'no frontmatter', 1],
    ['an unclosed frontmatter', '---\nid: X\n\n# Title\n', 'frontmatter is not closed (expected a second --- line)', 1],
    ['an empty frontmatter', '---\n---\nbody\n', 'frontmatter must be a YAML mapping of fields (found none)', 2],
    ['a list as frontmatter', '---\n- a\n- b\n---\nbody\n', 'frontmatter must be a YAML mapping of fields', 2],
    ['a scalar as frontmatter', '---\njust text\n---\nbody\n', 'frontmatter must be a YAML mapping of fields', 2],
    ['a ---yaml opening line', '---yaml\nid: X\n---\n', 'the frontmatter must open with a line of just --- (found "---yaml")', 1],
    ['invalid YAML', '---\nid: X\ntitle: [unclosed\n---\n', 'invalid YAML at line', undefined],
    ['a duplicate key', '---\nid: X\ntitle: A\ntitle: B\n---\n', 'invalid YAML at line 4: Map keys must be unique', 4],
    [
      'a JavaScript tag',
      '---\nid: X\nrun: !!js/function "function () {}"\n---\n',
      'invalid YAML at line 3: Unresolved tag: tag:yaml.org,2002:js/function',
      3,
    ],
    ['a custom tag', '---\nid: !secret X\n---\n', 'invalid YAML at line 2: Unresolved tag: !secret', 2],
    ['a tab-indented mapping', '---\nnotice:\n\tseverity: high\n---\n', 'invalid YAML at line 3', 3],
  ])('%s', (_what, text, message, line) => {
    const e = parseError(text);
    expect(e.message).toContain(message);
    if (line !== undefined) expect(e.line).toBe(line);
  });
});

describe('parseYaml', () => {
  it('offsets line numbers for YAML embedded in a larger file', () => {
    const { lineOf } = parseYaml('a: 1\nb:\n  c: 2\n', 10);
    expect(lineOf(['b', 'c'])).toBe(13);
  });

  it('limits alias expansion (no billion-laughs blow-up)', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    expect(() => parseYaml(bomb)).toThrow();
  });
});
