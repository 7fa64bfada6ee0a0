/**
 * docs/fields.md is generated from the schemas' JSDoc lines: it must match what
 * `npm run docs:fields` would write now, and every field must have its line, so the
 * reference authors read can never drift from what check enforces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldReference, run } from '../../src/commands/field-reference.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { runCommand } from '../support/run-command.ts';

describe('the field reference', () => {
  const { text, undocumented } = fieldReference();

  it('documents every field of every schema', () => {
    expect(undocumented).toEqual([]);
  });

  it('is committed as generated (run npm run docs:fields after changing a schema)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs/fields.md'), 'utf8')).toBe(text);
  });

  it('has a row for fields at every level: advisory, notice, release', () => {
    expect(text).toMatch(/^\| `publish_at` \| instant \(ISO 8601 with offset\) \| required \| .+ \|$/m);
    expect(text).toMatch(/^### Notice$/m);
    expect(text).toMatch(/^\| `end_of_support` \|/m);
  });

  it('--check passes on the committed file', async () => {
    const r = await runCommand(run, ['--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
