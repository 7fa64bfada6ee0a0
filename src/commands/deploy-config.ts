/**
 * npm run deploy-config [-- --site-url <url>] [--root <folder>] [--listen <address>]
 *
 * Writes deploy/nginx.conf from the headers model (src/outputs/http-headers.ts) for the site
 * URL in content/site.yaml; run it after changing the model (a test compares the two). With a
 * flag, prints the configuration for that deployment instead, e.g. for an operator serving a
 * site under a path: `npm run -s deploy-config -- --site-url https://openedx.org/security`.
 */
import { writeFileSync } from 'node:fs';
import { contentRoot } from '../content/content-root.ts';
import { NGINX_CONF } from '../deploy/nginx-server.ts';
import { basePath } from '../model/urls.ts';
import { nginxConfig } from '../outputs/nginx-config.ts';
import { checkedCorpus, guarded, parseFlags, UsageError, type Io } from './cli.ts';

export const USAGE = 'usage: npm run deploy-config -- [--site-url <url>] [--root <folder>] [--listen <address>]';

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const { flags } = parseFlags(argv, { 'site-url': { type: 'string' }, root: { type: 'string' }, listen: { type: 'string' } });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const given = flags['site-url'] as string | undefined;
    if (given !== undefined && !URL.canParse(given))
      throw new UsageError(`--site-url: expected a URL such as https://openedx.org/security (found "${given}")`);
    const siteUrl = given ?? checkedCorpus(contentRoot(io.env)).site.url;
    const config = nginxConfig({
      base: basePath(siteUrl),
      ...(flags.root ? { root: flags.root as string } : {}),
      ...(flags.listen ? { listen: flags.listen as string } : {}),
    });
    if (given !== undefined || flags.root || flags.listen) {
      io.out(config.trimEnd());
      return 0;
    }
    writeFileSync(NGINX_CONF, config);
    io.out(`wrote ${NGINX_CONF} for ${siteUrl}`);
    return 0;
  });
}
