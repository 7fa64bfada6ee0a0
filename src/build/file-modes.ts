/**
 * The finished output, readable by whoever serves it: every file 0644, every folder 0755,
 * whatever the umask and however a folder was made. A web server's workers run as a user of
 * their own (www-data), and the build makes folders that only its owner may enter: a staging
 * folder from mkdtemp (0700) that becomes an `--out` folder, and Pagefind's `pagefind/`.
 */
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function publishModes(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), 0o755);
    else if (entry.isFile()) chmodSync(join(entry.parentPath, entry.name), 0o644);
  }
}
