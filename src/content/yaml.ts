/**
 * The one way content YAML is parsed: frontmatter, site.yaml, releases.yaml and the importers'
 * YAML records all come through `parseYaml`, as untrusted input.
 *
 * The core schema only (no timestamps, no custom tags), duplicate keys refused. Anchors and
 * aliases (`&name`, `*name`) are allowed but bounded: whatever the spelling (block or flow,
 * after `:` in a flow map, a `<<` key, nested), an alias to a collection is the same object
 * reached twice, so one walk over the result finds every alias and counts the values as every
 * later reader (the schema, an error message, a feed) would see them. Any failure, a stack
 * overflow included, is a ParseError with a line where one is known, never a crash or a hang.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

export type LineOf = (path: ReadonlyArray<PropertyKey>) => number | undefined;

export class ParseError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'ParseError';
    this.line = line;
  }
}

/** Valid YAML refused for its size: too long, too deep, or expanding too far through aliases. */
export class YamlLimitError extends ParseError {}

/** Values (scalars, mappings, sequences) a document may expand to; an advisory has a few hundred. */
export const MAX_YAML_VALUES = 20_000;
/** Nesting depth; an advisory nests five levels. */
export const MAX_YAML_DEPTH = 64;
/** Characters of YAML text (content files are read up to 1 MB: src/content/read-file.ts). */
export const MAX_YAML_CHARS = 1024 * 1024;
/**
 * The `yaml` package's own guard (aliases times the aliases inside them). Its results share
 * what an alias names, so memory is safe; `measure` is the bound every reader relies on.
 */
const MAX_ALIASES = MAX_YAML_VALUES;
/** Flow collections opened one inside another past the depth limit: refused before parsing, which would recurse that deep. */
const DEEP_FLOW = new RegExp(`[[{](?:\\s*[[{]){${MAX_YAML_DEPTH}}`);

const LIMIT = MAX_YAML_VALUES.toLocaleString('en-US');
const where = (line: number | undefined) => (line ? ` at line ${line}` : '');

/**
 * Parses YAML text; throws ParseError. The common case, valid YAML without aliases, takes
 * js-yaml's fast path; the `yaml` document model, slower but with positions, is built only
 * when a line number, an alias or an error message is needed.
 */
export function parseYaml(text: string, lineOffset = 0): { value: unknown; lineOf: LineOf } {
  if (text.length > MAX_YAML_CHARS) throw new YamlLimitError(`the YAML is longer than ${MAX_YAML_CHARS.toLocaleString('en-US')} characters`);
  const deep = DEEP_FLOW.exec(text);
  if (deep) {
    const line = text.slice(0, deep.index).split('\n').length + lineOffset;
    throw new YamlLimitError(`the YAML at line ${line} nests more than ${MAX_YAML_DEPTH} levels deep`, line);
  }
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYamlWithPositions(text, lineOffset); // throws the precise error
  }
  // Every alias is written with `*`: text without one cannot expand, and skips the walk.
  if (text.includes('*')) {
    const size = measure(value);
    // An alias, or too much of anything: the positional parser says where.
    if (size.shared || size.problem) return parseYamlWithPositions(text, lineOffset);
  }
  let located: LineOf | undefined;
  const positional: LineOf = (path) => (located ??= parseYamlWithPositions(text, lineOffset).lineOf)(path);
  return { value, lineOf: (path) => topLevelLine(text, path, lineOffset) ?? positional(path) };
}

/**
 * The line of a top-level key of a block mapping, from the text alone: it is the only line
 * starting with `key:` (anything nested or continued is indented, a duplicate key is refused).
 * Saves the positional parse for the common question, the line of `id` or `publish_at`.
 */
function topLevelLine(text: string, path: ReadonlyArray<PropertyKey>, lineOffset: number): number | undefined {
  const key = path[0];
  if (path.length !== 1 || typeof key !== 'string') return undefined;
  const found = new RegExp(`^${RegExp.escape(key)}[ \\t]*:`, 'm').exec(text);
  return found ? text.slice(0, found.index).split('\n').length + lineOffset : undefined;
}

type Size = { shared: boolean; problem?: string };

/**
 * Walks a parsed value as a reader would, expanding shared objects each time they are reached,
 * and stops at MAX_YAML_VALUES values or MAX_YAML_DEPTH levels: the walk costs at most that
 * many steps, however large the expansion would be.
 */
function measure(root: unknown): Size {
  const seen = new Set<object>();
  const open = new Set<object>();
  let shared = false;
  let count = 0;
  let problem: string | undefined;
  const walk = (v: unknown, depth: number): void => {
    if (problem) return;
    if (++count > MAX_YAML_VALUES) {
      problem = shared
        ? `expands to more than ${LIMIT} values through anchors and aliases (&name, *name); write the values out instead`
        : `holds more than ${LIMIT} values`;
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (open.has(v)) {
      problem = 'refers to itself: an alias (*name) sits inside the collection its anchor (&name) names; write the values out instead';
      return;
    }
    if (depth >= MAX_YAML_DEPTH) {
      problem = `nests more than ${MAX_YAML_DEPTH} levels deep`;
      return;
    }
    if (seen.has(v)) shared = true;
    seen.add(v);
    open.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) walk(child, depth + 1);
    open.delete(v);
  };
  walk(root, 0);
  return problem ? { shared, problem } : { shared };
}

function parseYamlWithPositions(text: string, lineOffset: number): { value: unknown; lineOf: LineOf } {
  const counter = new LineCounter();
  const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
  let doc: Document.Parsed;
  let value: unknown;
  try {
    doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter: counter });
    // Warnings count as errors: an unresolved tag such as `!!js/function` would otherwise be
    // read as a plain string, hiding that the author meant something else.
    const first = doc.errors[0] ?? doc.warnings[0];
    if (first) {
      const line = lineAt(first.pos[0]);
      throw new ParseError(`invalid YAML at line ${line}: ${first.message.split('\n')[0]}`, line);
    }
    const alias = firstAliasLine(doc, lineAt);
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      if (!(e instanceof ReferenceError)) throw e;
      throw new YamlLimitError(`the YAML${where(alias)} expands to more than ${LIMIT} values through anchors and aliases (&name, *name); write the values out instead`, alias);
    }
    const { problem } = measure(value);
    if (problem) throw new YamlLimitError(`the YAML${where(alias)} ${problem}`, alias);
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (e instanceof RangeError) throw new YamlLimitError(`the YAML nests too deeply to read (${e.message})`);
    throw new ParseError(`invalid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const lineOf: LineOf = (path) => {
    let node: unknown = doc.contents;
    let last: Node | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        last = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        last = node as Node;
      } else break;
    }
    const offset = last?.range?.[0];
    return offset === undefined ? undefined : lineAt(offset);
  };
  return { value, lineOf };
}

function firstAliasLine(doc: Document.Parsed, lineAt: (offset: number) => number): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) line = lineAt(node.range[0]);
      return visit.BREAK;
    },
  });
  return line;
}
