/** Whether `child` is `parent` or lies inside it (after resolving both; ".." escapes are outside). */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export function isWithin(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
