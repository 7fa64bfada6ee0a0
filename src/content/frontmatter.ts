/**
 * Reads a Markdown file with YAML frontmatter, as untrusted input.
 *
 * gray-matter is restricted to one engine, YAML with the core schema: `---js` frontmatter
 * (which gray-matter would `eval`) is refused, and timestamps stay strings so the offset the
 * author wrote is what gets validated (src/content/yaml.ts parses it, within its limits). A BOM
 * and CRLF line endings are accepted.
 */
import matter from 'gray-matter';
import { parseYaml, ParseError, type LineOf } from './yaml.ts';

export { parseYaml, ParseError } from './yaml.ts';

export type ParsedMarkdown = {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** 1-based line of a frontmatter field, for annotations. */
  lineOf: LineOf;
};

const refuse = (language: string) => () => {
  throw new ParseError(`frontmatter must be YAML (found a "${language}" block, which could run code)`, 1);
};

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
