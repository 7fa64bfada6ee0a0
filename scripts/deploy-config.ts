/**
 * npm run deploy-config [-- --site-url <url>] [--root <folder>] [--listen <address>]
 *
 * Writes deploy/nginx.conf from the headers model (src/outputs/http-headers.ts) for the site URL in
 * content/site.yaml; run it after changing the model (a test compares the two). With a flag,
 * prints the configuration for that deployment instead, e.g. for an operator serving a path
 * deployment: `npm run -s deploy-config -- --site-url https://openedx.org/security`.
 */
import { writeFileSync } from 'node:fs';
import { NGINX_CONF } from '../src/deploy/nginx-server.ts';
import { nginxConfig } from '../src/outputs/nginx-config.ts';
import { basePath } from '../src/model/urls.ts';
import { corpusOrExit, flagsOrExit } from './lib/cli.ts';

const USAGE = 'usage: npm run deploy-config -- [--site-url <url>] [--root <folder>] [--listen <address>]';
const flags = flagsOrExit(
  process.argv.slice(2),
  { 'site-url': { type: 'string' }, root: { type: 'string' }, listen: { type: 'string' } },
  USAGE,
);
const siteUrl = (flags['site-url'] as string | undefined) ?? corpusOrExit().site.url;
if (!URL.canParse(siteUrl)) {
  console.error(`--site-url: expected a URL such as https://openedx.org/security (found "${siteUrl}")`);
  process.exit(2);
}
const config = nginxConfig({
  base: basePath(siteUrl),
  ...(flags.root ? { root: flags.root as string } : {}),
  ...(flags.listen ? { listen: flags.listen as string } : {}),
});
if (Object.values(flags).some((v) => v !== undefined)) process.stdout.write(config);
else {
  writeFileSync(NGINX_CONF, config);
  console.log(`wrote ${NGINX_CONF} for ${siteUrl}`);
}
