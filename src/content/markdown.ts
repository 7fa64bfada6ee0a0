/**
 * Advisory bodies are untrusted plain Markdown (CommonMark).
 *
 * Rendering never passes HTML through: raw HTML is escaped and shows as text, and only
 * http(s), mailto and in-site links become links. `check` rejects raw HTML earlier, with its
 * line, so authors see the problem; escaping here is the second wall.
 */
// markdown-it 14, not 15: 15's build sets every token field through a defineProperty helper,
// which made parsing about 40 % slower (docs/performance.md); 14 gets the same fixes.
import MarkdownIt, { type Token } from 'markdown-it';

export type Heading = { depth: number; id: string; text: string };

const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
const detector = new MarkdownIt({ html: true });

renderer.validateLink = (url) => isAllowedLink(url);
// markdown-it silently drops javascript:, data: and vbscript: links before they become tokens;
// the detector must see every link so check can name the bad ones instead of hiding them.
detector.validateLink = () => true;
// Images would load from other hosts (tracking, CSP); check rejects them, rendering drops them.
renderer.disable('image');

/** GitHub-style slug: lower-case words joined by hyphens; stable anchors for permalinks. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

function isAllowedLink(url: string): boolean {
  return /^(https:\/\/|mailto:|#|\/(?!\/))/i.test(url.trim());
}

/** Adds ids and a self-link to headings; collects them for a table of contents. */
function anchorHeadings(tokens: Token[]): Heading[] {
  const seen = new Map<string, number>();
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    // The words only: `content` is the inline source, which would put backticks and asterisks
    // into the table of contents and the anchor.
    const inline = tokens[i + 1];
    const text = inline?.children
      ? inline.children.filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('')
      : (inline?.content ?? '');
    const base = slugify(text) || 'section';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const id = count === 0 ? base : `${base}-${count}`;
    open.attrSet('id', id);
    headings.push({ depth: Number(open.tag.slice(1)), id, text });
  }
  return headings;
}

renderer.renderer.rules.heading_close = (tokens, idx) => {
  const id = tokens[idx - 2]?.attrGet('id');
  const anchor = id ? ` <a class="anchor" href="#${id}" aria-label="Link to this section">#</a>` : '';
  return `${anchor}</${tokens[idx]!.tag}>\n`;
};

// Wide tables scroll inside their own box instead of widening the page on a phone.
renderer.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
renderer.renderer.rules.table_close = () => '</table></div>\n';

/** The body as HTML, its anchored headings and its plain text, from one parse. */
export function renderMarkdown(body: string): { html: string; headings: Heading[]; text: string } {
  const env = {};
  const tokens = renderer.parse(body, env);
  const headings = anchorHeadings(tokens);
  return { html: renderer.renderer.render(tokens, renderer.options, env), headings, text: blocksOf(tokens).join(' ') };
}

export type BodyFinding = { line: number; message: string };

/** Raw HTML and disallowed links in a body, with 1-based lines relative to the body. */
export function findBodyProblems(body: string): BodyFinding[] {
  const findings: BodyFinding[] = [];
  const visit = (tokens: Token[], line: number) => {
    for (const t of tokens) {
      const at = t.map ? t.map[0] + 1 : line;
      if (t.type === 'html_block' || t.type === 'html_inline') {
        findings.push({ line: at, message: `raw HTML is not allowed in advisories (found ${JSON.stringify(t.content.trim().slice(0, 60))}); write Markdown, or put code in backticks` });
      }
      if (t.type === 'link_open') {
        const href = String(t.attrGet('href') ?? '');
        if (!isAllowedLink(href)) {
          findings.push({ line: at, message: `links must use https:// (found ${JSON.stringify(href.slice(0, 80))})` });
        }
      }
      if (t.type === 'image') {
        findings.push({ line: at, message: 'images are not allowed in advisories (they load from other hosts); link to them instead' });
      }
      if (t.children) visit(t.children, at);
    }
  };
  visit(detector.parse(body, {}), 1);
  return findings;
}

/** The body as plain text, for search fragments and the leak scan's phrases. */
export function plainText(body: string): string {
  return plainBlocks(body).join(' ');
}

/** The text of each block (heading, paragraph, cell, code) in order, so sentences never span two. */
export function plainBlocks(body: string): string[] {
  return blocksOf(renderer.parse(body, {}));
}

function blocksOf(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.type === 'code_block' || t.type === 'fence') out.push(t.content);
    // Inline pieces join without a separator, so "*emphasis*," stays "emphasis," (blocks get a space).
    if (t.type === 'inline') out.push(inlineText(t.children ?? []));
  }
  return out.map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function inlineText(children: Token[]): string {
  return children
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
    .join('');
}
