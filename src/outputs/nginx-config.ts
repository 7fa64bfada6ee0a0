/**
 * The headers model (http-headers.ts) as nginx configuration for the http context: the file
 * `deploy/nginx.conf` (`npm run deploy-config` writes it; a test keeps it equal to this
 * output), with which the browser tests, verify-live's tests and the reveal drill serve builds.
 *
 * A location with add_header lines of its own drops the server's
 * (https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header), so every header is
 * added once, at server level, and a header only some routes carry takes its value from a
 * `map` of the request path: nginx leaves out a header whose value is empty. `always` puts
 * the headers on 404 answers too. Locations only set the types the extensions do not give.
 */
import { DEFAULT_TYPE, hostRules, siteHeaders, TYPES, underBase } from './http-headers.ts';

export type NginxOptions = {
  /** The deployment's base path: `/`, or `/security/` for https://openedx.org/security. */
  base?: string;
  /** The folder a deploy publishes: the output, or for a path deployment its host tree. */
  root?: string;
  listen?: string;
};

export const NGINX_DEFAULTS = { root: '/srv/openedx-security/current', listen: '8080' } as const;

/** A double-quoted nginx string; refuses what would change its meaning (`$` starts a variable). */
function quoted(value: string): string {
  if (/["\\$\n]/.test(value)) throw new Error(`nginx-config: cannot quote ${JSON.stringify(value)}`);
  return `"${value}"`;
}

/** `$openedx_security_access_control_allow_origin` for Access-Control-Allow-Origin. */
const variable = (header: string) => `$openedx_security_${header.toLowerCase().replace(/-/g, '_')}`;

/** A map key matching one route: the exact path, or for a folder a regular expression (unquoted, dots escaped). */
function key(route: string): string {
  if (!route.endsWith('/*')) return quoted(route);
  const prefix = route.slice(0, -1);
  if (!/^[A-Za-z0-9/._-]+$/.test(prefix)) throw new Error(`nginx-config: cannot match the folder ${JSON.stringify(route)}`);
  return `~^${prefix.replace(/\./g, '\\.')}`;
}

/** Every type the site serves is text but Pagefind's (gzip already); nginx always compresses text/html. */
const compressible = (base: string) =>
  [...new Set([...Object.values(TYPES), ...hostRules(base).map((r) => r.type ?? '')].map((t) => t.split(';')[0]!))].filter(
    (t) => t && t !== 'text/html',
  );

export function nginxConfig({ base = '/', root = NGINX_DEFAULTS.root, listen = NGINX_DEFAULTS.listen }: NginxOptions = {}): string {
  const rules = hostRules(base);
  const routeHeaders = [...new Set(rules.flatMap((r) => Object.keys(r.headers ?? {})))];
  const maps = routeHeaders.flatMap((name) => [
    `map $uri ${variable(name)} {`,
    '    default "";',
    ...rules.filter((r) => r.headers?.[name]).map((r) => `    ${key(r.route)} ${quoted(r.headers![name]!)};`),
    '}',
  ]);
  const headers = [
    ...Object.entries(siteHeaders(base)).map(([name, value]) => `    add_header ${name} ${quoted(value)} always;`),
    ...routeHeaders.map((name) => `    add_header ${name} ${variable(name)} always;`),
  ];
  const typed = rules
    .filter((r) => r.type)
    .flatMap((r) => [`    location = ${r.route} {`, '        types { }', `        default_type ${quoted(r.type!)};`, '    }']);
  return [
    '# The Open edX security site on nginx, for the http context of nginx.conf (include it).',
    '# Written by `npm run deploy-config` from the headers model (src/outputs/http-headers.ts) for the',
    '# site URL in content/site.yaml; do not edit by hand, a test compares the two.',
    '#',
    '# root is the folder a deploy publishes (docs/embargo.md, "Deploying"). Terminate TLS in',
    '# front of this server, or add `listen 443 ssl` and certificates: HSTS assumes https.',
    ...maps,
    '',
    'server {',
    `    listen ${listen};`,
    '    server_name _;',
    `    root ${root};`,
    '',
    '    server_tokens off;',
    '    # /advisories redirects to /advisories/ on whatever host and scheme the visitor used.',
    '    absolute_redirect off;',
    '    index index.html;',
    '    # A folder without a page (/osv/, /pagefind/) is a missing page, not a forbidden one.',
    `    error_page 403 =404 ${underBase(base, '/404.html')};`,
    `    error_page 404 ${underBase(base, '/404.html')};`,
    '',
    '    types {',
    ...Object.entries(TYPES).map(([extension, type]) => `        ${quoted(type)} ${extension};`),
    '    }',
    `    default_type ${DEFAULT_TYPE};`,
    '    gzip on;',
    '    gzip_vary on;',
    `    gzip_types ${compressible(base).join(' ')};`,
    '',
    ...headers,
    '',
    '    location / {',
    '        try_files $uri $uri/ =404;',
    '    }',
    '    # Configuration for other hosts, not content.',
    '    location = /_headers {',
    '        return 404;',
    '    }',
    ...typed,
    '}',
    '',
  ].join('\n');
}
