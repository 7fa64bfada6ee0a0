/**
 * Prose pages: `content/pages/<slug>.md` (policy, operators, working group). Frontmatter is
 * validated with `PageSchema`; the body is rendered by the same Markdown renderer as advisory
 * bodies (raw HTML escaped, headings anchored).
 *
 * Facts stay in `site.yaml`, not in prose: the text writes `{{contact_email}}` inline, and a
 * paragraph holding only `{{sla}}` marks where the page puts a generated block (a table, the
 * member list). An unknown name fails the build with its file and line.
 *
 * A content root without a `content/pages` folder (test fixtures, benchmarks) borrows the
 * project's own pages, which live next to the code; the site never builds without a policy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { PageSchema, type PageData } from '../schemas/page.ts';
import { contentRoot } from './content-root.ts';
import { parseMarkdownFile, ParseError } from './frontmatter.ts';
import { plainBlocks, renderMarkdown, type Heading } from './markdown.ts';
import { ContentError, problemsFromZod, type Problem } from './problems.ts';

export type ProsePart = { kind: 'html'; html: string } | { kind: 'block'; name: string };

export type ProsePage = {
  slug: string;
  /** Path of the source file, for messages. */
  file: string;
  data: PageData;
  parts: ProsePart[];
  headings: Heading[];
  /** The prose as plain text, without the generated blocks (for the search index). */
  text: string;
};

export type ProseOptions = {
  /** Values for inline `{{name}}` placeholders. */
  vars?: Readonly<Record<string, string>>;
  /** Blocks the page places (a paragraph holding only `{{name}}`); each must appear once. */
  blocks?: readonly string[];
};

/** The folder prose pages are read from (see the module comment for the fallback). */
export function proseDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = join(contentRoot(env), 'content/pages');
  return existsSync(own) ? own : resolve(process.cwd(), 'content/pages');
}

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_.-]*)\s*\}\}/gi;
const BLOCK = /^<p>\{\{([a-z_][a-z0-9_-]*)\}\}<\/p>\n?$/gim;

/** Parses and renders one page's source text; throws ContentError naming every problem. */
export function renderProse(file: string, raw: string, slug: string, options: ProseOptions = {}): ProsePage {
  const problems: Problem[] = [];
  const vars = options.vars ?? {};
  const blocks = new Set(options.blocks ?? []);
  let parsed;
  try {
    parsed = parseMarkdownFile(raw);
  } catch (e) {
    throw new ContentError([{ file, field: '(file)', message: (e as Error).message, line: (e as ParseError).line }]);
  }
  const result = PageSchema.safeParse(parsed.data);
  if (!result.success) problems.push(...problemsFromZod(file, result.error, parsed.data, parsed.lineOf));

  const lines = parsed.body.split('\n');
  const body = lines
    .map((line, i) =>
      line.replace(PLACEHOLDER, (match, name: string) => {
        if (name in vars) return vars[name]!;
        const alone = line.trim() === match;
        if (alone && blocks.has(name)) return match;
        const known = [...Object.keys(vars).map((v) => `{{${v}}}`), ...[...blocks].map((b) => `{{${b}}} (alone on a line)`)];
        problems.push({
          file,
          field: 'body',
          line: parsed.bodyLine + i,
          message: `unknown placeholder ${match}${alone ? '' : ' (blocks must stand alone on their line)'} (expected one of: ${known.join(', ') || 'none'})`,
        });
        return match;
      }),
    )
    .join('\n');
  for (const name of blocks) {
    const uses = lines.filter((l) => l.trim() === `{{${name}}}`).length;
    if (uses !== 1) {
      problems.push({ file, field: 'body', message: `block {{${name}}} must appear exactly once, alone on its line (found ${uses}); the page shows generated content there` });
    }
  }
  if (problems.length > 0 || !result.success) throw new ContentError(problems);

  const { html, headings } = renderMarkdown(body);
  const parts: ProsePart[] = [];
  let last = 0;
  for (const m of html.matchAll(BLOCK)) {
    if (m.index > last) parts.push({ kind: 'html', html: html.slice(last, m.index) });
    parts.push({ kind: 'block', name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < html.length) parts.push({ kind: 'html', html: html.slice(last) });
  const placed = new Set([...blocks].map((name) => `{{${name}}}`));
  const text = plainBlocks(body).filter((b) => !placed.has(b)).join('\n');
  return { slug, file, data: result.data, parts, headings, text };
}

/** Reads `content/pages/<slug>.md`; a missing file is a content problem, not an empty page. */
export function loadProsePage(slug: string, options: ProseOptions = {}, dir = proseDir()): ProsePage {
  const path = join(dir, `${slug}.md`);
  const file = relative(process.cwd(), path).split(sep).join('/');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new ContentError([{ file, field: '(file)', message: `cannot be read (expected the prose page "${slug}" at ${path})` }]);
  }
  return renderProse(file, raw, slug, options);
}
