/**
 * Hostile text that plain-text fields and bodies may hold (`&`, `<` before a space, `]]>`,
 * entity names without `;`, U+2028, quotes, Markdown punctuation, tags inside code) reaches
 * every feed and export inert: each output is parsed with a real parser of its own format,
 * and what a reader ends up with is the author's text, with no live element, attribute or
 * link. RSS descriptions are HTML inside XML (one XML decode, then HTML); OSV `details` is
 * CommonMark; JSON, CSV and iCalendar have their own rules.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeBareContentRoot, type BuildResult } from '../support/build-site.ts';

/** Allowed by the plain-text rules (src/schemas/plain-text.ts), and each a trap for one escaper. */
const TITLE = `Tom & Jerry's "quote" 1 < 2 > 0 ]]> &copy 2026 *not bold* \`tick\` \u2028 end`;
const SUMMARY = `The summary says &lt img src=x onerror=alert(1) &gt, 1 < 2, ]]> and \u2029 then R&D &amp more *stars* _under_ [x] #hash.`;
const NOTICE = `Patch & fix, 1 < 2, ]]> and &nbsp here.`;
const advisory = `---
id: OEA-2026-301
title: ${JSON.stringify(TITLE)}
summary: ${JSON.stringify(SUMMARY)}
publish_at: "2026-11-02T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  severity: low
affected:
  - repository: openedx/openedx-platform
credits: [{ name: "Zoë & Ada < Bob ]]>", type: finder }]
revisions: [{ date: "2026-11-10T10:00:00Z", summary: "Revised: 1 < 2 & ]]> done." }]
---

## Impact

Code spans stay code: \`<img src=x onerror=alert(1)>\` and \`<script>alert(1)</script>\`, text
stays text: 1 < 2 & ]]> and a [java\tscript:alert(1)] that is no link.

\`\`\`
</script><script>alert(1)</script> ]]> <!-- -->
\`\`\`
`;
const announced = `---
id: OEA-2026-302
announce_at: "2026-11-20T14:00:00Z"
publish_at: "2026-12-02T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  severity: high
  text: ${JSON.stringify(NOTICE)}
---
`;
const CLOCK = '2026-11-25T12:00:00Z';
let build: BuildResult;
const file = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

beforeAll(() => {
  const root = makeBareContentRoot({ 'advisories/2026/OEA-2026-301.md': advisory, 'advisories/2026/OEA-2026-302.md': announced });
  build = buildSite(root, CLOCK);
  if (build.code !== 0) throw new Error(build.stdout.slice(-2000) + build.stderr.slice(-2000));
});
afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

/**
 * Python's own parsers: XML (one decode), then each HTML fragment with html.parser, which
 * reports every element and attribute a browser would create, and the text it would show.
 */
const PARSE = `
import json, sys, csv, io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
class Seen(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.tags = []; self.text = ''
    def handle_starttag(self, tag, attrs): self.tags.append([tag, [[k, v] for k, v in attrs]])
    def handle_data(self, data): self.text += data
def html(fragment):
    p = Seen(); p.feed(fragment or ''); p.close(); return {'tags': p.tags, 'text': p.text}
kind, path = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
if kind == 'rss':
    root = ET.fromstring(data)
    ns = {'content': 'http://purl.org/rss/1.0/modules/content/'}
    items = [{'title': i.findtext('title'), 'description': html(i.findtext('description')),
              'content': html(i.findtext('content:encoded', namespaces=ns))} for i in root.iter('item')]
    print(json.dumps(items))
elif kind == 'html':
    print(json.dumps(html(data.decode('utf8'))))
elif kind == 'csv':
    print(json.dumps(list(csv.reader(io.StringIO(data.decode('utf8'))))))
`;
const python = (kind: string, path: string) => {
  const r = spawnSync('python3', ['-c', PARSE, kind, join(build.outDir, path)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

type Seen = { tags: Array<[string, Array<[string, string | null]>]>; text: string };
/** No element a reader would run or load, no event handler, no link but https and the page's own. */
function inert(seen: Seen, where: string): void {
  for (const [tag, attrs] of seen.tags) {
    expect(
      ['script', 'img', 'iframe', 'object', 'embed', 'svg', 'style', 'link', 'meta', 'form', 'math'],
      `${where}: <${tag}>`,
    ).not.toContain(tag);
    for (const [name, value] of attrs) {
      expect(name.startsWith('on'), `${where}: <${tag} ${name}>`).toBe(false);
      if (['href', 'src', 'action'].includes(name)) expect(value ?? '', `${where}: ${name}`).toMatch(/^(https:\/\/|#|\/)/);
    }
  }
}
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('hostile text, parsed as each output is read', () => {
  it('RSS: titles are the text itself; description and content:encoded are inert HTML showing the text', () => {
    const feeds = (readdirSync(build.outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('feed.xml'));
    expect(feeds).toContain('feed.xml');
    for (const feed of feeds) {
      for (const item of python('rss', feed) as Array<{ description: Seen; content: Seen }>) {
        inert(item.description, `${feed} description`);
        inert(item.content, `${feed} content:encoded`);
      }
    }
    const items = python('rss', 'feed.xml') as Array<{ title: string; description: Seen; content: Seen }>;
    const item = items.find((i) => i.title.includes('OEA-2026-301'))!;
    expect(item.title).toContain(TITLE);
    expect(oneLine(item.description.text)).toContain(oneLine(SUMMARY));
    expect(oneLine(item.content.text)).toContain(oneLine(SUMMARY));
    expect(item.content.text).toContain('<img src=x onerror=alert(1)>');
    const notice = items.find((i) => i.title.includes('OEA-2026-302'))!;
    expect(oneLine(notice.description.text)).toContain(oneLine(NOTICE));
  });

  it('JSON Feed: valid JSON; content_html inert and showing the text; plain fields are the text', () => {
    const feed = JSON.parse(file('feed.json'));
    const item = feed.items.find((i: { id: string; title: string }) => i.title.includes('OEA-2026-301'));
    expect(item.title).toContain(TITLE);
    expect(item.summary).toContain(SUMMARY.replace(/\s+/g, ' '));
    const content = python('html', writeTemp(item.content_html)) as Seen;
    inert(content, 'content_html');
    expect(oneLine(content.text)).toContain(oneLine(SUMMARY));
  });

  it('OSV: details as CommonMark holds no raw HTML and no link but https, and renders the summary as written', () => {
    const osv = JSON.parse(file('osv/OEA-2026-301.json'));
    const md = new MarkdownIt({ html: true, linkify: false }); // CommonMark as a scanner renders it: raw HTML live
    const tokens = md.parse(osv.details, {});
    const all = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
    expect(all.filter((t) => t.type === 'html_block' || t.type === 'html_inline').map((t) => t.content)).toEqual([]);
    for (const t of all.filter((t) => t.type === 'link_open')) expect(t.attrGet('href')).toMatch(/^https:\/\//);
    const rendered = md.render(osv.details);
    const text = python('html', writeTemp(rendered)) as Seen;
    inert(text, 'osv details');
    expect(oneLine(text.text)).toContain(oneLine(SUMMARY));
    expect(osv.summary).toBe(TITLE);
  });

  it('every HTML page: no element or attribute made from content, and the title shown as written', () => {
    const page = python('html', 'advisories/OEA-2026-301/index.html') as Seen;
    for (const [tag, attrs] of page.tags) {
      for (const [name] of attrs) expect(name.startsWith('on'), `<${tag} ${name}>`).toBe(false);
      if (tag === 'img') throw new Error('an img element on the advisory page');
    }
    expect(oneLine(page.text)).toContain(oneLine(TITLE));
    expect(page.text).toContain('<script>alert(1)</script>');
  });

  it('iCalendar: every text value escaped (RFC 5545: \\\\ ; , and newlines), lines folded, nothing else', () => {
    const ics = file('calendar.ics');
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    for (const line of lines.filter((l) => /^(SUMMARY|DESCRIPTION)[:;]/.test(l))) {
      const value = line.slice(line.indexOf(':') + 1);
      expect(value, line).not.toMatch(/(^|[^\\])(\\\\)*[;,]/);
      expect(value, line).not.toMatch(/[\r\n]/);
    }
    const description = lines.find((l) => l.startsWith('DESCRIPTION') && l.includes('Patch'))!;
    const unescaped = description
      .slice(description.indexOf(':') + 1)
      .replace(/\\([\\;,])/g, '$1')
      .replace(/\\n/gi, '\n');
    expect(unescaped).toContain(NOTICE);
  });

  it('CSV: parses into whole rows', () => {
    const rows = python('csv', '.well-known/csaf/white/changes.csv') as string[][];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.length).toBe(2);
  });
});

let temp = 0;
/** A fragment written beside the output, for the Python parser. */
function writeTemp(html: string): string {
  const name = `trust-fragment-${process.pid}-${temp++}.html`;
  writeFileSync(join(build.outDir, name), html);
  return name;
}
