/**
 * What the hosts read beside the pages, written into the output before the leak scan reads it:
 * `_headers` from the headers model (src/outputs/http-headers.ts), and for a deployment under a path
 * (https://openedx.org/security) the files that must live at the domain root, in
 * `_domain-root/`: security.txt, which RFC 9116 looks for only at /.well-known/security.txt,
 * and whose CSAF field advertises the provider metadata (CSAF 2.0, 7.1.8).
 */
import type { AstroIntegration } from 'astro';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAIN_ROOT_ROUTES } from '../outputs/http-headers.ts';
import { headersFile } from '../outputs/headers-file.ts';

/** The output folder for the domain root's files of a path deployment. */
export const DOMAIN_ROOT_DIR = '_domain-root';

export function writeHostFiles(out: string, base: string): void {
  writeFileSync(join(out, '_headers'), headersFile(base));
  if (base === '/') return;
  for (const { route } of DOMAIN_ROOT_ROUTES) cpSync(join(out, route), join(out, DOMAIN_ROOT_DIR, route));
}

export function hostFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => writeHostFiles(fileURLToPath(dir), base),
    },
  };
}
