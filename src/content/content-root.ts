/**
 * Where content is read from: the project root by default; CONTENT_ROOT points the build at
 * another folder holding a `content/` tree (test fixtures, the benchmark's synthetic archive).
 */
import { resolve } from 'node:path';

export function contentRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONTENT_ROOT ?? process.cwd());
}
