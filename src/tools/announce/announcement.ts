/**
 * An announcement as a small document (a title, paragraphs, labelled facts, lists, links),
 * written out in the format of where it is posted:
 *
 *   discourse  Markdown for the Security Announcements category: a `# ` title line, then the
 *              body; text from content is escaped (CommonMark backslash escapes) so a title
 *              cannot add links, markup or @mentions; times also as Discourse's local-date
 *              tag, which shows each reader their own time
 *   email      a `Subject:` line, a blank line, then plain text
 *   text       the title, a blank line, then plain text
 *
 * Every fact comes in as data; nothing here knows about advisories.
 */

export const FORMATS = ['discourse', 'email', 'text'] as const;
export type Format = (typeof FORMATS)[number];

export type Inline =
  | string
  | { strong: string }
  | { code: string }
  | { link: string; href: string }
  /** An instant Discourse shows in the reader's time zone; the plain formats leave it out. */
  | { localTime: string };

export type Block =
  { paragraph: Inline[] } | { heading: string } | { facts: Array<[label: string, value: Inline[]]> } | { list: Inline[][] };

export type Announcement = { title: string; blocks: Block[] };

/** CommonMark escapes for what would otherwise be markup, a link, an HTML tag, an entity or a mention. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&@]/g;
const escapeMarkdown = (text: string) => text.replace(MARKDOWN_SPECIAL, '\\$&');
/** At the start of a block these open a heading, quote, list or rule. */
const escapeLineStart = (text: string) => text.replace(/^([#>+=-]|\d+[.)])/, '\\$1');

/** `[date=2026-12-02 time=14:00:00 timezone="UTC"]`: Discourse's local-dates tag. */
const discourseDate = (iso: string) => {
  const utc = new Date(iso).toISOString();
  return `[date=${utc.slice(0, 10)} time=${utc.slice(11, 19)} timezone="UTC"]`;
};

function markdownInline(part: Inline): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('strong' in part) return `**${escapeMarkdown(part.strong)}**`;
  // Content in code spans is literal; a backtick inside would end the span, so none is allowed there.
  if ('code' in part) return `\`${part.code.replace(/`/g, "'")}\``;
  if ('link' in part) return part.link === part.href ? `<${part.href}>` : `[${escapeMarkdown(part.link)}](<${part.href}>)`;
  return discourseDate(part.localTime);
}

function plainInline(part: Inline): string {
  if (typeof part === 'string') return part;
  if ('strong' in part) return part.strong;
  if ('code' in part) return part.code;
  // Angle brackets delimit a URL in plain text (RFC 3986, appendix C).
  if ('link' in part) return part.link === part.href ? part.href : `${part.link} <${part.href}>`;
  return '';
}

function renderBlocks(blocks: readonly Block[], inline: (part: Inline) => string, markdown: boolean): string[] {
  const line = (parts: readonly Inline[]) => parts.map(inline).join('');
  return blocks.flatMap((block) => {
    if ('paragraph' in block) return [markdown ? escapeLineStart(line(block.paragraph)) : line(block.paragraph)];
    if ('heading' in block) return [markdown ? `## ${escapeMarkdown(block.heading)}` : `${block.heading}:`];
    if ('list' in block) return [block.list.map((item) => `- ${line(item)}`).join('\n')];
    const rows = block.facts.map(([label, value]) => [label, line(value)] as const).filter(([, value]) => value !== '');
    return [rows.map(([label, value]) => (markdown ? `- **${escapeMarkdown(label)}:** ${value}` : `${label}: ${value}`)).join('\n')];
  });
}

/** The announcement in `format`, ending with one line break. */
export function renderAnnouncement(a: Announcement, format: Format): string {
  const markdown = format === 'discourse';
  const body = renderBlocks(a.blocks, markdown ? markdownInline : plainInline, markdown);
  // One line whatever the fields hold: a line break in a Subject would start a header of its own.
  const oneLine = a.title.replace(/\s+/g, ' ').trim();
  const title = markdown ? `# ${escapeMarkdown(oneLine)}` : format === 'email' ? `Subject: ${oneLine}` : oneLine;
  return `${[title, ...body].join('\n\n')}\n`;
}
