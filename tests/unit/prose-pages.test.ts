import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revisionHistory, sectionIds } from '../../src/model/advisory-page.ts';
import { loadProsePage, renderProse } from '../../src/content/prose-pages.ts';
import { proseVars } from '../../src/model/site-prose.ts';
import { ContentError } from '../../src/content/problems.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';

const model = fixtureModel();
const vars = proseVars(model.site);
const page = (body: string, front = 'title: T\ndescription: D') => `---\n${front}\n---\n${body}`;
const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map((p) => `${p.file}:${p.line ?? '-'}: ${p.field}: ${p.message}`);
    throw e;
  }
  return [];
};

describe('prose pages', () => {
  it('fills facts inline and cuts the body where a block goes', () => {
    const p = renderProse('x.md', page('Write to {{contact_email}} ({{notice_hours}} h).\n\n{{sla}}\n\n## After\n'), 'x', {
      vars,
      blocks: ['sla'],
    });
    expect(p.parts.map((x) => x.kind)).toEqual(['html', 'block', 'html']);
    expect(p.parts[0]).toEqual({ kind: 'html', html: '<p>Write to security@openedx.org (48 h).</p>\n' });
    expect(p.parts[1]).toEqual({ kind: 'block', name: 'sla' });
    expect(p.headings).toEqual([{ depth: 2, id: 'after', text: 'After' }]);
  });

  it('links site paths through placeholders', () => {
    const p = renderProse('x.md', page('See the [policy]({{paths.policy}}).'), 'x', { vars });
    expect(p.parts[0]).toEqual({ kind: 'html', html: '<p>See the <a href="/policy/">policy</a>.</p>\n' });
  });

  it('names the file, line and the placeholders it knows on an unknown one', () => {
    expect(
      problemsOf(() =>
        renderProse('content/pages/x.md', page('Hi\n\nMail {{contact_mail}} now.'), 'x', { vars: { contact_email: 'a' }, blocks: [] }),
      ),
    ).toEqual([
      'content/pages/x.md:7: body: unknown placeholder {{contact_mail}} (blocks must stand alone on their line) (expected one of: {{contact_email}})',
    ]);
  });

  it('requires every block exactly once, alone on its line', () => {
    expect(problemsOf(() => renderProse('p.md', page('Intro.'), 'p', { blocks: ['sla'] }))).toEqual([
      'p.md:-: body: block {{sla}} must appear exactly once, alone on its line (found 0); the page shows generated content there',
    ]);
    expect(problemsOf(() => renderProse('p.md', page('Table: {{sla}}'), 'p', { blocks: ['sla'] }))).toHaveLength(2);
  });

  it('validates the frontmatter with the page schema', () => {
    expect(problemsOf(() => renderProse('p.md', page('Body', 'title: T'), 'p'))).toEqual([
      'p.md:-: description: is required (expected string)',
    ]);
  });

  it('reports a missing page as a content problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oex-pages-'));
    expect(problemsOf(() => loadProsePage('policy', {}, dir))[0]).toMatch(
      /: \(file\): cannot be read \(expected the prose page "policy" at .*policy\.md\)/,
    );
    writeFileSync(join(dir, 'policy.md'), page('{{sla}}'));
    expect(loadProsePage('policy', { blocks: ['sla'] }, dir).data.title).toBe('T');
  });

  it.each([
    ['policy', ['sla']],
    ['operators', ['feeds', 'releases']],
    ['working-group', ['members']],
  ])('the project page %s loads with its blocks', (slug, blocks) => {
    const p = loadProsePage(slug, { vars, blocks }, join(PROJECT_ROOT, 'content/pages'));
    expect(p.parts.filter((x) => x.kind === 'block').map((x) => (x.kind === 'block' ? x.name : ''))).toEqual(blocks);
    expect(p.parts.map((x) => (x.kind === 'html' ? x.html : '')).join('')).not.toContain('{{');
  });
});

describe('advisory page logic', () => {
  it('keeps its own section ids clear of the body headings', () => {
    expect(sectionIds(['impact', 'credits', 'history', 'history-1'])).toEqual({
      'affected-releases': 'affected-releases',
      'affected-packages': 'affected-packages',
      credits: 'credits-1',
      'reference-links': 'reference-links',
      history: 'history-2',
    });
  });

  it('tells the life of an advisory in time order, across offsets', () => {
    const revised = model.published.find((a) => a.id === FIXTURE_IDS.revised)!;
    expect(revisionHistory(revised).map((h) => [h.kind, h.date])).toEqual([
      ['published', '2025-02-04T15:00:00Z'],
      ['revised', '2025-02-05T09:00:00Z'],
      ['revised', '2025-02-20T11:30:00+01:00'],
      ['revised', '2025-03-02T08:00:00-05:00'],
    ]);
    const backported = model.published.find((a) => a.id === FIXTURE_IDS.backported)!;
    expect(revisionHistory(backported).map((h) => h.kind)).toEqual(['reported', 'triaged', 'announced', 'published']);
    const withdrawn = model.published.find((a) => a.id === FIXTURE_IDS.withdrawn)!;
    expect(revisionHistory(withdrawn).at(-1)).toEqual({
      kind: 'withdrawn',
      date: '2024-08-20T10:00:00Z',
      summary: 'Withdrawn: Not a vulnerability; public certificate pages are shared on purpose.',
    });
  });

  it('does not show a withdrawal that has not happened at the clock', () => {
    const future = {
      visibility: 'published' as const,
      advisory: { publish_at: '2026-01-01T00:00:00Z', revisions: [], withdrawn: { at: '2027-01-01T00:00:00Z', reason: 'later' } },
    };
    expect(revisionHistory(future).map((h) => h.kind)).toEqual(['published']);
  });
});
