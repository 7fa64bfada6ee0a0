/**
 * Advisory bodies are untrusted plain Markdown (CommonMark).
 *
 * Rendering never passes HTML through: raw HTML is escaped and shows as text, and only
 * http(s), mailto and in-site links become links. `check` rejects raw HTML earlier, with its
 * line, so authors see the problem; escaping here is the second wall.
 */
// markdown-it 14, not 15: 15's build sets every token field through a defineProperty helper,
// which made parsing about 40 % slower (docs/performance.md); 14 gets the same fixes.
import GithubSlugger from 'github-slugger';
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

function isAllowedLink(url: string): boolean {
  return /^(https:\/\/|mailto:|#|\/(?!\/))/i.test(url.trim());
}

/** Adds ids and a self-link to headings; collects them for a table of contents. */
function anchorHeadings(tokens: Token[]): Heading[] {
  // GitHub's anchors, so a link copied from the advisory's pull request still lands; a
  // repeated heading gets -1, -2…, one without letters or digits "section".
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    // The words only: `content` is the inline source, which would put backticks and asterisks
    // into the table of contents and the anchor.
    const inline = tokens[i + 1];
    const text = inline?.children
      ? inline.children
          .filter((t) => t.type === 'text' || t.type === 'code_inline')
          .map((t) => t.content)
          .join('')
      : (inline?.content ?? '');
    const id = /[\p{L}\p{N}]/u.test(text) ? slugger.slug(text) : slugger.slug('section');
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

/** The body as HTML, its anchored headings, its plain text (blocks apart) and its source, from one parse. */
export function renderMarkdown(body: string): { html: string; headings: Heading[]; text: string; markdown: string } {
  const env = {};
  const tokens = renderer.parse(body, env);
  const headings = anchorHeadings(tokens);
  const html = renderer.renderer.render(tokens, renderer.options, env);
  return { html, headings, text: blocksOf(tokens).join('\n\n'), markdown: body.trim() };
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

/** The body as plain text, blocks apart, as `renderMarkdown` gives it. */
export function plainText(body: string): string {
  return plainBlocks(body).join('\n\n');
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

/** An inline run as text; a link to another site keeps its address after its words, "PyPI (https://pypi.org/…)". */
function inlineText(children: Token[]): string {
  let out = '';
  let link: { href: string; from: number } | undefined;
  for (const c of children) {
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += ' ';
    else if (c.type === 'link_open') link = { href: String(c.attrGet('href') ?? ''), from: out.length };
    else if (c.type === 'link_close' && link) {
      if (/^https:\/\//i.test(link.href) && out.slice(link.from).trim() !== link.href) out += ` (${link.href})`;
      link = undefined;
    }
  }
  return out;
}
