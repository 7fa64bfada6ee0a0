/**
 * Vitest global setup: every temporary folder the tests create (content roots, built sites,
 * browser profiles) goes under one folder per run, removed when the run ends, so a test run
 * leaves nothing behind in the system's temporary directory.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'oex-test-run-'));
  // nginx's workers (www-data) serve builds from here, and must be able to reach them.
  chmodSync(root, 0o755);
  // Test workers and the builds they spawn inherit it; os.tmpdir() reads it on every call.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
