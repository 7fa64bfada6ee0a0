/**
 * Hand-built site models for the output tests: advisories given as frontmatter objects go
 * through the real schema, the visibility gate and the model assembly, without files.
 */
import { join } from 'node:path';
import { readReleases, readSite, type AdvisoryEntry } from '../../src/content/read-content.ts';
import { toPublicEntry } from '../../src/embargo/projection.ts';
import { assembleModel, type SiteModel } from '../../src/model/site-model.ts';
import { AdvisorySchema, type AdvisoryInput } from '../../src/schemas/advisory.ts';
import { idYear } from '../../src/schemas/advisory-facts.ts';
import { PROJECT_ROOT } from './build-site.ts';

export const CLOCK = '2026-11-25T12:00:00Z';

/** A published repository advisory with a backport; each test changes one thing. */
export const BASE: AdvisoryInput = {
  id: 'OEA-2026-101',
  title: 'Course staff could read grade reports of other courses',
  summary: 'A grade-report view did not check the course, so staff of one course could read reports of another.',
  publish_at: '2026-10-07T14:00:00Z',
  notice: { components: ['openedx/openedx-platform'], releases: ['verawood'], severity: 'medium' },
  severity: { cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N' },
  affected: [
    {
      repository: 'openedx/openedx-platform',
      master_fix: '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5',
      releases: [
        { release: 'verawood', status: 'fixed', commit: '2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6', tag: 'open-release/verawood.3' },
        { release: 'teak', status: 'wont_fix' },
      ],
    },
  ],
  aliases: ['GHSA-2c3f-4g5h-6j7m', 'CVE-2026-99801'],
  cwe: ['CWE-639'],
  credits: [{ name: 'Fixture Finder', type: 'finder' }],
  references: [{ type: 'fix', url: 'https://github.com/openedx/openedx-platform/commit/1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5' }],
};

export const BODY = '## Impact\n\nStaff of one course could read *other* reports.\n\n## Workarounds\n\nNone; apply the `fix`.\n';

export function advisory(change: Partial<AdvisoryInput> = {}): AdvisoryInput {
  return { ...BASE, ...change };
}

function entry(input: AdvisoryInput, body: string): AdvisoryEntry {
  const data = AdvisorySchema.parse(input);
  return { file: `content/advisories/${idYear(data.id)}/${data.id}.md`, data, body, bodyLine: 1, lineOf: () => 1 };
}

const site = readSite(PROJECT_ROOT, [])!;
const releases = readReleases(PROJECT_ROOT, [])!;

/** The model of these advisories at `at` (default CLOCK), built as the site builds it. */
export function modelOf(inputs: Array<AdvisoryInput | [AdvisoryInput, string]>, at = CLOCK): SiteModel {
  const now = new Date(at);
  const entries = inputs.flatMap((x) => {
    const [input, body] = Array.isArray(x) ? x : [x, BODY];
    return toPublicEntry(entry(input, body), now) ?? [];
  });
  return assembleModel(entries, site, releases, now);
}

/** The one published advisory of a one-advisory model. */
export const only = (input: AdvisoryInput, body = BODY) => {
  const model = modelOf([[input, body]]);
  const p = model.published[0];
  if (!p) throw new Error(`${input.id} is not published at ${CLOCK}`);
  return { model, p };
};

export const fixtureContent = join(PROJECT_ROOT, 'tests/fixtures/site');
