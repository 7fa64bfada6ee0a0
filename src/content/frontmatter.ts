/**
 * Reads a Markdown file with YAML frontmatter, as untrusted input.
 *
 * gray-matter is restricted to one engine, YAML with the core schema: `---js` frontmatter
 * (which gray-matter would `eval`) is refused, and timestamps stay strings so the offset the
 * author wrote is what gets validated. A BOM and CRLF line endings are accepted.
 */
import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export type ParsedMarkdown = {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** 1-based line of a frontmatter field, for annotations. */
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined;
};

export class ParseError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'ParseError';
    this.line = line;
  }
}

const refuse = (language: string) => () => {
  throw new ParseError(`frontmatter must be YAML (found a "${language}" block, which could run code)`, 1);
};

/**
 * Parses YAML text with the core schema (no timestamps, no custom tags); throws ParseError.
 *
 * The common case, valid YAML, takes js-yaml's fast path; it rejects duplicate keys and
 * unknown tags like the strict path does. The `yaml` document model, slower but with
 * positions, is built only when a line number or an error message is needed.
 */
export function parseYaml(text: string, lineOffset = 0): { value: unknown; lineOf: ParsedMarkdown['lineOf'] } {
  // js-yaml has no limit on alias expansion (billion laughs); `yaml` refuses excessive
  // aliasing, so any text with an alias (`*name`) takes the strict path.
  if (/(?:^|[\s[{,])\*[^\s\]},]/m.test(text)) return parseYamlWithPositions(text, lineOffset);
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYamlWithPositions(text, lineOffset); // throws the precise error
  }
  let located: ParsedMarkdown['lineOf'] | undefined;
  return { value, lineOf: (path) => (located ??= parseYamlWithPositions(text, lineOffset).lineOf)(path) };
}

function parseYamlWithPositions(text: string, lineOffset: number): { value: unknown; lineOf: ParsedMarkdown['lineOf'] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter: counter });
  // Warnings count as errors: an unresolved tag such as `!!js/function` would otherwise be
  // read as a plain string, hiding that the author meant something else.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const line = counter.linePos(first.pos[0]).line + lineOffset;
    throw new ParseError(`invalid YAML at line ${line}: ${first.message.split('\n')[0]}`, line);
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>) => {
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
    return offset === undefined ? undefined : counter.linePos(offset).line + lineOffset;
  };
  return { value: doc.toJS(), lineOf };
}

export function parseMarkdownFile(raw: string): ParsedMarkdown {
  if (raw.includes('\u0000')) throw new ParseError('not a text file (contains NUL bytes)');
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ParseError('the file is empty (expected YAML frontmatter between --- lines, then Markdown)');
  if (!text.startsWith('---')) throw new ParseError('no frontmatter (expected the file to start with a --- line)', 1);
  const opener = text.slice(0, text.indexOf('\n')).trim();
  const language = opener.slice(3).trim();
  if (/^ya?ml$/i.test(language)) throw new ParseError(`the frontmatter must open with a line of just --- (found "${opener}")`, 1);
  if (opener !== '---') refuse(language || opener)();
  if (!/\n---[ \t]*(\n|$)/.test(text)) throw new ParseError('frontmatter is not closed (expected a second --- line)', 1);

  let lineOf: ParsedMarkdown['lineOf'] = () => undefined;
  let parsed;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: (source: string) => {
          // gray-matter hands over the text after the opening ---, starting with its newline,
          // so YAML line numbers are already file line numbers.
          const result = parseYaml(source);
          lineOf = result.lineOf;
          return result.value as object;
        },
        js: refuse('js'),
        javascript: refuse('javascript'),
        json: refuse('json'),
      },
    });
  } catch (e) {
    if (e instanceof ParseError) throw e;
    throw new ParseError(`could not read frontmatter: ${(e as Error).message}`);
  }
  const data = parsed.data as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    throw new ParseError('frontmatter must be a YAML mapping of fields (found none)', 2);
  }
  const bodyLine = text.slice(0, text.length - parsed.content.length).split('\n').length;
  return { data: data as Record<string, unknown>, body: parsed.content, bodyLine, lineOf };
}
