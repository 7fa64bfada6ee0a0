/**
 * Links made absolute for text that leaves the site: a feed item is read in a feed reader and
 * an OSV record in a scanner, where `/advisories/OEA-2024-002/` or `#impact` lead nowhere.
 * A body may link a page of the site by its root-relative path (lint allows that and https
 * only), and rendered headings carry `#` anchors: both are resolved against the advisory's
 * own URL and the site's URL, which keeps a deployment under a base path right.
 */
import { absolute } from '../model/urls.ts';

/** The absolute URL of a link target written on the page at `pageUrl`. */
export function resolveLink(target: string, pageUrl: string, siteUrl: string): string {
  if (target.startsWith('#')) return `${pageUrl.replace(/#.*$/, '')}${target}`;
  if (target.startsWith('/') && !target.startsWith('//')) return absolute(siteUrl, target);
  return target;
}

/** Every `href` and `src` of rendered HTML, absolute. The HTML is our renderer's, so attributes are double-quoted. */
export function absoluteHtmlLinks(html: string, pageUrl: string, siteUrl: string): string {
  return html.replace(/\s(href|src)="([^"]*)"/g, (_, name: string, value: string) => {
    const url = resolveLink(value.replace(/&amp;/g, '&'), pageUrl, siteUrl).replace(/&/g, '&amp;');
    return ` ${name}="${url}"`;
  });
}

/**
 * Link destinations of CommonMark source, absolute: inline links and images `](target)` and
 * link reference definitions `[label]: target`. Code (fenced blocks and backtick spans) is
 * left as it is, since a path written there is text, not a link.
 */
export function absoluteMarkdownLinks(markdown: string, pageUrl: string, siteUrl: string): string {
  const fix = (target: string) => resolveLink(target, pageUrl, siteUrl);
  let fenced: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fenced) {
        if (fence && fence[0] === fenced[0] && fence.length >= fenced.length) fenced = undefined;
        return line;
      }
      if (fence) {
        fenced = fence;
        return line;
      }
      const definition = /^(\s{0,3}\[[^\]]+\]:\s*)(<[^>]*>|\S+)(.*)$/.exec(line);
      if (definition) {
        const [, head, target, rest] = definition;
        const bare = target!.startsWith('<') ? target!.slice(1, -1) : target!;
        return `${head}${target!.startsWith('<') ? `<${fix(bare)}>` : fix(bare)}${rest}`;
      }
      // Outside backtick code spans (the odd-numbered pieces of the split are code).
      return line
        .split(/(`+[^`]*`+)/)
        .map((piece, i) =>
          i % 2 === 1
            ? piece
            : piece.replace(/\]\((<[^>]*>|[^\s)]+)/g, (_, t: string) => `](${t.startsWith('<') ? `<${fix(t.slice(1, -1))}>` : fix(t)}`),
        )
        .join('');
    })
    .join('\n');
}
