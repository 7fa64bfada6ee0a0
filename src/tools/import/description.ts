/**
 * A record's description as the advisory's summary and body sections.
 *
 * GitHub's advisory form suggests the headings Impact, Patches, Workarounds and References,
 * the same sections as an advisory here, so a description that uses them maps section by
 * section. A description without headings (CVE and OSV records: one paragraph) becomes the
 * Impact section. The summary is the first paragraph, as plain text.
 */
import { plainText } from '../../content/markdown.ts';

export type Sections = { impact?: string; patches?: string; workarounds?: string; references?: string };

const SECTION_OF: Array<[RegExp, keyof Sections]> = [
  [/^(impact|summary|description|details?|overview|vulnerability|problem)\b/i, 'impact'],
  [/^(patch(es|ed)?|fix(es|ed)?|remediation|resolution|upgrade|solution)\b/i, 'patches'],
  [/^(workarounds?|mitigations?)\b/i, 'workarounds'],
  [/^(references?|for more information|more information|links|resources)\b/i, 'references'],
];

export function splitDescription(markdown: string | undefined): Sections {
  const text = linkBareUrls((markdown ?? '').replace(/\r\n?/g, '\n').trim());
  if (!text) return {};
  const lines = text.split('\n');
  // The shallowest heading level used is the section level; deeper headings stay inside.
  const depths = lines.flatMap((l) => /^(#{1,6})\s+\S/.exec(l)?.[1]?.length ?? []);
  const level = depths.length ? Math.min(...depths) : 0;
  const parts: Array<{ heading: string | undefined; lines: string[] }> = [{ heading: undefined, lines: [] }];
  let fenced = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m && m[1]!.length === level) parts.push({ heading: m[2]!, lines: [] });
    else parts.at(-1)!.lines.push(line);
  }
  const sections: Sections = {};
  const extra: string[] = [];
  for (const part of parts) {
    const body = part.lines.join('\n').trim();
    if (!body) continue;
    const key = part.heading === undefined ? 'impact' : SECTION_OF.find(([re]) => re.test(part.heading!))?.[1];
    if (key) sections[key] = sections[key] ? `${sections[key]}\n\n${body}` : body;
    // Other headings (Details, Proof of concept, Credits…) stay, as sub-sections of Impact.
    else extra.push(`### ${part.heading}\n\n${body}`);
  }
  if (extra.length) sections.impact = [sections.impact, ...extra].filter(Boolean).join('\n\n');
  return sections;
}

/**
 * Bare URLs as autolinks (`<https://…>`): GitHub links them, but the site renders Markdown
 * without guessing links, so a bare URL would show as text. Code stays as it is.
 */
export function linkBareUrls(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      // Odd pieces of a split on backticks are inline code.
      return line
        .split('`')
        .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/(^|\s)(https?:\/\/[^\s<>]*[^\s<>.,;:!?)\]'"])/g, '$1<$2>')))
        .join('`');
    })
    .join('\n');
}

/** The first paragraph of Markdown as one line of plain text. */
export function firstParagraph(markdown: string | undefined): string | undefined {
  for (const block of (markdown ?? '').split(/\n\s*\n/)) {
    if (/^\s*(#|```|~~~|\||>|[-*+] |\d+\. )/.test(block)) continue;
    const text = plainText(block).trim();
    if (text) return text;
  }
  return undefined;
}
