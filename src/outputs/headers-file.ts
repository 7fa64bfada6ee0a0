/**
 * The headers model (http-headers.ts) as a `_headers` file, the format Cloudflare Pages and
 * Netlify read from the root of the upload: a path pattern at the start of a line, its
 * `Name: value` headers indented under it; every matching rule applies
 * (https://developers.cloudflare.com/pages/configuration/headers/).
 */
import { hostRules, siteHeaders, typeOf, type Headers } from './http-headers.ts';

const block = (pattern: string, headers: Headers) => [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)];

export function headersFile(base = '/'): string {
  const lines = [
    '# HTTP headers for hosts that read a _headers file (Cloudflare Pages, Netlify), written by',
    '# the build from src/outputs/http-headers.ts, like deploy/nginx.conf. Folders are matched with',
    '# a trailing *; a named file gets its type spelled out.',
    ...block('/*', siteHeaders(base)),
  ];
  for (const rule of hostRules(base)) {
    const type = rule.route.endsWith('/*') ? {} : { 'Content-Type': typeOf(rule.route, rule) };
    lines.push(...block(rule.route, { ...type, ...rule.headers }));
  }
  return `${lines.join('\n')}\n`;
}
