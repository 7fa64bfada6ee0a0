/**
 * Public text may not quote an embargoed advisory (quotingRefused in src/embargo/content-rules.ts):
 * a published advisory, a prose page or releases.yaml holding a hidden or announced advisory's
 * id (while hidden), alias, title or commit is a `check` error at that clock naming both files,
 * and the build refuses it the same way. Before the rule, these passed check and shipped.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBareContentRoot } from '../support/build-site.ts';
import { checkContent } from '../support/run-command.ts';
import { run as build } from '../../src/commands/build.ts';
import { runCommand } from '../support/run-command.ts';

const HIDDEN_COMMIT = '7e3f9a1c5b2d8e4f6a0c9b1d3e5f7a2c4b6d8e0f';
const embargoed = `---
id: OEA-2027-090
title: Velmorask grader trusted forged scores
summary: The velmorask grader trusted scores posted by anyone.
announce_at: "2027-01-10T14:00:00Z"
publish_at: "2027-01-12T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  severity: high
  text: Grading fix in the LMS.
affected:
  - repository: openedx/openedx-platform
    master_fix: ${HIDDEN_COMMIT}
aliases: [CVE-2027-90901]
---

## Impact

Anyone could post scores.
`;
const published = (body: string, extra = '') => `---
id: OEA-2026-091
title: A published flaw in the gradebook
summary: The gradebook showed other learners' grades.
publish_at: "2026-11-02T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  severity: low
affected:
  - repository: openedx/openedx-platform
${extra}---

## Impact

${body}
`;
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const rootWith = (files: Record<string, string>) => {
  const root = makeBareContentRoot({
    'advisories/2027/OEA-2027-090.md': embargoed,
    ...Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('advisories/'))),
  });
  for (const [path, text] of Object.entries(files).filter(([p]) => !p.startsWith('advisories/'))) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  roots.push(root);
  return root;
};
const HIDDEN_AT = '2026-12-01T00:00:00Z';
const ANNOUNCED_AT = '2027-01-11T00:00:00Z';
const PUBLISHED_AT = '2027-01-12T14:00:00Z';

describe('check refuses public text quoting an embargoed advisory, naming both files', () => {
  it.each([
    ['its id while hidden', 'See OEA-2027-090 for the rest.', 'id "OEA-2027-090"'],
    ['an alias', 'It is tracked as CVE-2027-90901.', 'alias "CVE-2027-90901"'],
    ['its title', 'Related: Velmorask grader trusted forged scores.', 'title "Velmorask grader trusted forged scores"'],
    ['its commit', `Fixed with ${HIDDEN_COMMIT}.`, `commit "${HIDDEN_COMMIT}"`],
    ['its commit abbreviated', `Fixed with ${HIDDEN_COMMIT.slice(0, 10)}.`, `commit "${HIDDEN_COMMIT.slice(0, 10)}"`],
  ])('a published body quoting %s', async (_name, body, quoted) => {
    const root = rootWith({ 'advisories/2026/OEA-2026-091.md': published(body) });
    const r = await checkContent(root, '--at', HIDDEN_AT);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      new RegExp(
        `content/advisories/2026/OEA-2026-091\\.md:\\d+: body: quotes OEA-2027-090's ${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, which is not public at the clock \\(2026-12-01T00:00:00Z: hidden, public from 2027-01-12T14:00:00Z; content/advisories/2027/OEA-2027-090\\.md\\)`,
      ),
    );
  });

  it('a published field (a withdrawal naming it as the duplicate) quoting the id, with the field and line', async () => {
    const extra = 'withdrawn: { at: "2026-11-20T00:00:00Z", reason: Duplicate., duplicate_of: OEA-2027-090 }\n';
    const root = rootWith({ 'advisories/2026/OEA-2026-091.md': published('Nothing else.', extra) });
    const r = await checkContent(root, '--at', HIDDEN_AT);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/OEA-2026-091\.md:11: withdrawn\.duplicate_of: quotes OEA-2027-090's id "OEA-2027-090"/);
  });

  it('while announced the id is public, the title and alias still are not; once published all may be quoted', async () => {
    const root = rootWith({ 'advisories/2026/OEA-2026-091.md': published('See OEA-2027-090 (CVE-2027-90901).') });
    const announced = await checkContent(root, '--at', ANNOUNCED_AT);
    expect(announced.code).toBe(1);
    const log = announced.stdout + announced.stderr;
    expect(log).toContain(`quotes OEA-2027-090's alias "CVE-2027-90901"`);
    expect(log).not.toContain(`OEA-2027-090's id`);
    const after = await checkContent(root, '--at', PUBLISHED_AT);
    expect(after.code, after.stdout + after.stderr).toBe(0);
  });

  it('a prose page quoting the title, and releases.yaml quoting an alias', async () => {
    const page = `---\ntitle: Policy\ndescription: How we work.\n---\n\nWe are fixing Velmorask grader trusted forged scores.\n`;
    const releases = `releases:\n  - { name: verawood, title: "Verawood (CVE-2027-90901)", released: 2026-06-09, end_of_support: 2027-06-30, branch: open-release/verawood.master }\n`;
    const root = rootWith({ 'pages/policy.md': page, 'releases.yaml': releases });
    const r = await checkContent(root, '--at', HIDDEN_AT);
    expect(r.code).toBe(1);
    const log = r.stdout + r.stderr;
    expect(log).toMatch(/content\/pages\/policy\.md:6: \(text\): quotes OEA-2027-090's title/);
    expect(log).toMatch(/content\/releases\.yaml:2: releases\[0\]\.title: quotes OEA-2027-090's alias "CVE-2027-90901"/);
  });

  it('an unrelated published advisory passes (the rule is not a word match)', async () => {
    const root = rootWith({
      'advisories/2026/OEA-2026-091.md': published('Velmorask is a word; graders trust scores; OEA-2027-0901 is another id.'),
    });
    const r = await checkContent(root, '--at', HIDDEN_AT);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('checking one file still finds its quotes, both ways, and no quote between other files', async () => {
    const quoting = 'content/advisories/2026/OEA-2026-091.md';
    const hidden = 'content/advisories/2027/OEA-2027-090.md';
    const other = 'content/advisories/2026/OEA-2026-092.md';
    const root = rootWith({
      'advisories/2026/OEA-2026-091.md': published('See OEA-2027-090 for the rest.'),
      'advisories/2026/OEA-2026-092.md': published('Nothing to quote.').replace('OEA-2026-091', 'OEA-2026-092'),
    });
    // The changed file quotes an advisory that did not change.
    const own = await checkContent(root, quoting, '--at', HIDDEN_AT);
    expect(own.code).toBe(1);
    expect(own.stdout).toMatch(/OEA-2026-091\.md:\d+: body: quotes OEA-2027-090's id/);
    // The changed file is the one quoted: the quote is in a file that did not change.
    const quotedFile = await checkContent(root, hidden, '--at', HIDDEN_AT);
    expect(quotedFile.code).toBe(1);
    expect(quotedFile.stdout).toMatch(/OEA-2026-091\.md:\d+: body: quotes OEA-2027-090's id/);
    // Neither: the quote between two other files is for the full check, and this file passes.
    const unrelated = await checkContent(root, other, '--at', HIDDEN_AT);
    expect(unrelated.code, unrelated.stdout + unrelated.stderr).toBe(0);
  });

  it('the build refuses the same content before building anything', async () => {
    const root = rootWith({ 'advisories/2026/OEA-2026-091.md': published('See OEA-2027-090 for the rest.') });
    const out = join(root, 'out');
    const r = await runCommand(build, ['--at', HIDDEN_AT, '--out', out], { env: { CONTENT_ROOT: root } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/OEA-2026-091\.md:\d+: body: quotes OEA-2027-090's id/);
    expect(r.stderr).toContain('build refused');
  });
});
