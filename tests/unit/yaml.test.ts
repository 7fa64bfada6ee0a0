/**
 * The one YAML path (src/content/yaml.ts) under hostile input: every way of writing an alias
 * is bounded, a self-reference and deep nesting are refused, and each refusal is a ParseError
 * with a message (and a line where one is known) within a fraction of the 2 s budget: never a
 * hang, never a stack trace. The importers' YAML goes through the same path.
 */
import { describe, expect, it } from 'vitest';
import { MAX_YAML_VALUES, parseYaml, ParseError, YamlLimitError } from '../../src/content/yaml.ts';
import { parseRecord } from '../../src/tools/import/detect.ts';

/** Eight levels of ten: 10^8 values once expanded, a few hundred bytes written. */
const levels = (first: string, next: (i: number) => string) => [first, ...Array.from({ length: 7 }, (_, i) => next(i + 1))].join('\n');
const ten = (f: (k: number) => string) => Array.from({ length: 10 }, (_, k) => f(k)).join(', ');

const BOMBS: Record<string, string> = {
  'block sequences': levels('a0: &a0\n' + '  - x\n'.repeat(10), (i) => `a${i}: &a${i}\n${`  - *a${i - 1}\n`.repeat(10)}`),
  'flow sequences': levels('a0: &a0 [x, x, x, x, x, x, x, x, x, x]', (i) => `a${i}: &a${i} [${ten(() => `*a${i - 1}`)}]`),
  'flow maps': levels('a0: &a0 [x, x, x, x, x, x, x, x, x, x]', (i) => `a${i}: &a${i} {${ten((k) => `k${k}: *a${i - 1}`)}}`),
  'an alias right after ":" in a flow map': levels(
    'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]',
    (i) => `a${i}: &a${i} {${ten((k) => `"k${k}":*a${i - 1}`).replace(/, /g, ',')}}`,
  ),
  'merge keys': levels('a0: &a0 {k: [x, x, x, x, x, x, x, x, x, x]}', (i) => `a${i}: &a${i} {<<: [${ten(() => `*a${i - 1}`)}]}`),
  'aliases nested in nested collections': levels(
    'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
    (i) =>
      `a${i}: &a${i} {l: [[*a${i - 1}, *a${i - 1}, *a${i - 1}], {k: [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]}], m: [*a${i - 1}, *a${i - 1}, *a${i - 1}]}`,
  ),
};

function refusal(text: string): ParseError {
  const started = performance.now();
  try {
    parseYaml(text);
  } catch (e) {
    expect(performance.now() - started).toBeLessThan(2000);
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('alias limits', () => {
  it.each(Object.entries(BOMBS))('refuses a bomb written with %s, fast, with its line', (_spelling, text) => {
    const e = refusal(text);
    expect(e).toBeInstanceOf(YamlLimitError);
    expect(e.message).toMatch(
      /^the YAML at line \d+ expands to more than 20,000 values through anchors and aliases \(&name, \*name\); write the values out instead$/,
    );
    expect(e.line).toBe(Number(/line (\d+)/.exec(e.message)![1]));
  });

  it.each([
    ['a sequence', 'a: &a [1, *a]'],
    ['a mapping', 'a: &a {b: *a}'],
    ['a block mapping', 'a: &a\n  b:\n    c: *a'],
  ])('refuses %s that holds itself', (_what, text) => {
    expect(refusal(text).message).toContain('refers to itself: an alias (*name) sits inside the collection its anchor (&name) names');
  });

  it('keeps ordinary aliases, and a text without one takes no walk at all', () => {
    expect(parseYaml('a: &a {x: 1}\nb: *a\nc: &s text\nd: *s').value).toEqual({ a: { x: 1 }, b: { x: 1 }, c: 'text', d: 'text' });
    // Below the limit an expansion is fine (a list used a few times).
    const small = levels('a0: &a0 [x, x, x, x, x, x, x, x, x, x]', (i) =>
      i < 3 ? `a${i}: &a${i} [${ten(() => `*a${i - 1}`)}]` : `b${i}: ${i}`,
    );
    expect(() => parseYaml(small)).not.toThrow();
    expect(MAX_YAML_VALUES).toBeGreaterThan(1000 + 100 + 10);
  });
});

describe('other limits', () => {
  it('refuses deep nesting without overflowing the stack', () => {
    const started = performance.now();
    const e = refusal(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(100); // refused before the parsers recurse
    expect(e.message).toBe('the YAML at line 1 nests more than 64 levels deep');
    expect(refusal(`a: ${'['.repeat(70)}1${']'.repeat(70)}\nb: *x`).message).toMatch(/nests more than 64 levels deep|invalid YAML/);
  });

  it('refuses more than a megabyte of YAML', () => {
    expect(refusal(`a: "${'x'.repeat(1024 * 1024)}"`).message).toBe('the YAML is longer than 1,048,576 characters');
  });

  it('names the line of a field, on the fast path too', () => {
    const { lineOf } = parseYaml('a: 1\nb:\n  - c: 2\n');
    expect(lineOf(['b', 0, 'c'])).toBe(3);
  });
});

describe('the importers read YAML records through the same path', () => {
  it('refuses an alias bomb in an OSV record in YAML, naming the input', () => {
    const started = performance.now();
    expect(() => parseRecord(`id: PYSEC-2023-21\nmodified: "2023-01-01T00:00:00Z"\n${BOMBS['flow maps']}`, 'bomb.yaml')).toThrow(
      /^bomb\.yaml: \(file\): the YAML at line 4 expands to more than 20,000 values/,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('still reads an ordinary YAML record', () => {
    expect(parseRecord('id: PYSEC-2023-21\nmodified: "2023-01-01T00:00:00Z"\n', 'ok.yaml')).toEqual({
      id: 'PYSEC-2023-21',
      modified: '2023-01-01T00:00:00Z',
    });
  });
});
