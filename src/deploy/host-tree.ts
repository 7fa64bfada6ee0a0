/**
 * The folder a host publishes. For a site at a domain root it is the build's output itself.
 * For a site under a path (https://openedx.org/security) it is the domain as the host serves
 * it: the output under `security/`, and at the top the `_headers` file and the files that
 * must live at the domain root, which the build wrote to `_domain-root/`
 * (src/build/host-files.ts). The output is moved, not copied: it is rebuilt for each deploy.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { publishModes } from '../build/file-modes.ts';
import { DOMAIN_ROOT_DIR } from '../build/host-files.ts';

/** Arranges `out` for a deployment under `base`; returns the folder to publish (`<out>.host` under a path). */
export function hostTree(out: string, base: string): string {
  if (base === '/') return out;
  const tree = `${out}.host`;
  rmSync(tree, { recursive: true, force: true });
  const site = join(tree, base);
  mkdirSync(dirname(site), { recursive: true });
  renameSync(out, site);
  renameSync(join(site, '_headers'), join(tree, '_headers'));
  const domainRoot = join(site, DOMAIN_ROOT_DIR);
  if (existsSync(domainRoot)) {
    for (const name of readdirSync(domainRoot)) renameSync(join(domainRoot, name), join(tree, name));
    rmSync(domainRoot, { recursive: true });
  }
  publishModes(tree);
  return tree;
}
