/**
 * The advisory body back as CommonMark (OSV `details`) or plain text (CSAF notes), from the
 * HTML the site renders. The model keeps the rendered body, not the Markdown source, and that
 * HTML comes from our own renderer (src/content/markdown.ts): a small, known set of tags with raw
 * HTML escaped, which is all this converter has to handle.
 */

export type TextStyle = 'markdown' | 'plain';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Characters that would start Markdown syntax if the literal text were read as CommonMark.
const escapeMarkdown = (text: string) => text.replace(/[\\`*[\]<]/g, (c) => `\\${c}`);

function inline(html: string, style: TextStyle): string {
  const text = (s: string) => (style === 'markdown' ? escapeMarkdown(decodeEntities(s)) : decodeEntities(s));
  const parts: string[] = [];
  // Tokenize: code spans and links first (their content is not re-read), then tags, then text.
  const re = /<code>([\s\S]*?)<\/code>|<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>|<(\/?)(strong|em)>|<br\s*\/?>|<[^>]+>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    const [whole, code, href, label, close, emphasis, plain] = m;
    if (code !== undefined) {
      const c = decodeEntities(code);
      parts.push(style === 'markdown' ? (c.includes('`') ? `\`\` ${c} \`\`` : `\`${c}\``) : c);
    } else if (href !== undefined) {
      const words = inline(label ?? '', style);
      const url = decodeEntities(href);
      parts.push(
        style === 'markdown' ? `[${words}](${url.replace(/[()\s]/g, encodeURIComponent)})` : words === url ? url : `${words} (${url})`,
      );
    } else if (emphasis !== undefined) {
      if (style === 'markdown') parts.push(emphasis === 'strong' ? '**' : '*');
      void close;
    } else if (/^<br/.test(whole)) {
      parts.push('\n');
    } else if (plain !== undefined) {
      parts.push(text(plain));
    }
  }
  return parts.join('');
}

/** Converts the site's rendered advisory HTML to CommonMark or plain text, blocks separated by a blank line. */
export function htmlToText(html: string, style: TextStyle = 'markdown'): string {
  const blocks: string[] = [];
  // The permalink "#" the renderer adds to each heading is page furniture, not content.
  const source = html.replace(/\s*<a class="anchor"[^>]*>[\s\S]*?<\/a>/g, '');
  const re =
    /<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>|<h([1-6])[^>]*>([\s\S]*?)<\/h\2>|<(ul|ol)>([\s\S]*?)<\/\4>|<blockquote>([\s\S]*?)<\/blockquote>|<p>([\s\S]*?)<\/p>|<hr\s*\/?>|<table>([\s\S]*?)<\/table>/g;
  for (const m of source.matchAll(re)) {
    const [whole, pre, level, heading, listTag, list, quote, paragraph, table] = m;
    if (pre !== undefined) {
      const code = decodeEntities(pre).replace(/\n$/, '');
      blocks.push(style === 'markdown' ? `\`\`\`\n${code}\n\`\`\`` : code);
    } else if (level !== undefined) {
      const words = inline(heading ?? '', style).trim();
      blocks.push(style === 'markdown' ? `${'#'.repeat(Number(level))} ${words}` : words);
    } else if (listTag !== undefined) {
      const items = [...(list ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) =>
        inline((x[1] ?? '').replace(/<\/?p>/g, ''), style).trim(),
      );
      blocks.push(items.map((item, i) => `${listTag === 'ol' ? `${i + 1}.` : '-'} ${item.replace(/\n/g, '\n  ')}`).join('\n'));
    } else if (quote !== undefined) {
      const inner = htmlToText(quote, style);
      blocks.push(
        style === 'markdown'
          ? inner
              .split('\n')
              .map((l) => (l ? `> ${l}` : '>'))
              .join('\n')
          : inner,
      );
    } else if (paragraph !== undefined) {
      blocks.push(inline(paragraph, style).trim());
    } else if (table !== undefined) {
      // Tables are rare in advisories: keep their cells as plain lines rather than guess alignment.
      const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...(r[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => inline(c[1] ?? '', style).trim()).join(' | '),
      );
      blocks.push(rows.join('\n'));
    } else if (whole.startsWith('<hr')) {
      blocks.push(style === 'markdown' ? '---' : '');
    }
  }
  return blocks.filter((b) => b.length > 0).join('\n\n');
}
