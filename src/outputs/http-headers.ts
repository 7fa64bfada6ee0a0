/**
 * The site's HTTP response headers, one model for every host that serves it. The `_headers`
 * file (Cloudflare Pages, Netlify: headers-file.ts) and the nginx configuration
 * (nginx-config.ts) are both written from it, and the tests hold what nginx really sends to
 * `responseHeaders` below.
 *
 * The pages carry their own Content-Security-Policy in a <meta> tag with the hashes of their
 * scripts and styles (Astro's security.csp). Some directives only work as an HTTP header
 * (frame-ancestors, https://www.w3.org/TR/CSP3/#meta-element), so the header adds those.
 * Browsers enforce both policies, so the header must not restrict script-src or style-src
 * (nor default-src, which they fall back to): the meta policy does that, with the hashes.
 */
import { paths } from '../model/urls.ts';

export type Headers = Readonly<Record<string, string>>;

/** What a route adds to the site-wide headers: its own type, CORS. */
export type RouteRule = {
  /** A site route: one file (`/feed.json`), or a folder and everything under it (`/osv/*`). */
  route: string;
  /** Content-Type, when the file extension's type (TYPES) is not the right one. */
  type?: string;
  headers?: Headers;
};

/** On every response, 404 pages included. */
export function siteHeaders(base = '/'): Headers {
  return {
    'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests",
    'X-Frame-Options': 'DENY',
    // Served under a path of someone else's domain, the site cannot speak for its subdomains.
    'Strict-Transport-Security': base === '/' ? 'max-age=63072000; includeSubDomains' : 'max-age=63072000',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Revalidate every time: the site changes at the instants its content names, and a page
    // cached by heuristics (no Cache-Control, an old Last-Modified) would hide a publication.
    'Cache-Control': 'no-cache',
  };
}

/** Content-Type by file extension, for every kind of file the build writes. */
export const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  svg: 'image/svg+xml',
  // CSAF hash files: the output of sha512sum (CSAF 2.0, 7.1.18).
  sha512: 'text/plain; charset=utf-8',
};

/** Everything else: Pagefind's index files (`.pf_*`, `.pagefind`), gzip data its script reads. */
export const DEFAULT_TYPE = 'application/octet-stream';

const CORS: Headers = { 'Access-Control-Allow-Origin': '*' };

/**
 * Routes with more than the site-wide headers. Feeds and exports may be fetched by other
 * sites' tools (CORS); the documents named here get their type spelled out on every host.
 */
export const ROUTES: readonly RouteRule[] = [
  { route: paths.securityMdFile },
  { route: paths.robots },
  { route: paths.securityTxt, headers: CORS },
  { route: paths.calendar, headers: CORS },
  // The types the pages' feed autodiscovery links announce.
  { route: paths.rss, type: 'application/rss+xml; charset=utf-8', headers: CORS },
  { route: paths.jsonFeed, type: 'application/feed+json', headers: CORS },
  { route: '/osv/*', headers: CORS },
  { route: '/.well-known/csaf/*', headers: CORS },
];

/**
 * What lives at the domain root of a path deployment: RFC 9116 looks for security.txt only
 * there, and its CSAF field advertises the provider metadata (CSAF 2.0, 7.1.8). The build
 * writes it to `_domain-root/` of the output (host-tree.ts puts it in place).
 */
export const DOMAIN_ROOT_ROUTES: readonly RouteRule[] = ROUTES.filter((r) => r.route === paths.securityTxt);

/** A route under the deployment's base path: `/security/` and `/feed.json` give `/security/feed.json`. */
export const underBase = (base: string, route: string) => `${base.replace(/\/$/, '')}${route}`;

/** The rules of a whole host: the site's routes under its base, and for a path deployment the domain root's. */
export function hostRules(base = '/'): RouteRule[] {
  const site = ROUTES.map((r) => ({ ...r, route: underBase(base, r.route) }));
  return base === '/' ? site : [...site, ...DOMAIN_ROOT_ROUTES];
}

export const routeMatches = (rule: string, path: string) => (rule.endsWith('/*') ? path.startsWith(rule.slice(0, -1)) : path === rule);

/** The type of the file at a request path: the route's own, else its extension's (a folder serves HTML). */
export function typeOf(path: string, rule?: RouteRule): string {
  if (rule?.type) return rule.type;
  if (path.endsWith('/')) return TYPES.html!;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension && TYPES[extension]) || DEFAULT_TYPE;
}

/**
 * Every header (lower-case names, Content-Type included) a host must send for the file at
 * request path `path` (`/security/feed.json` under a base of `/security/`).
 */
export function responseHeaders(path: string, base = '/'): Record<string, string> {
  const matching = hostRules(base).filter((r) => routeMatches(r.route, path));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(siteHeaders(base))) out[name.toLowerCase()] = value;
  for (const rule of matching) for (const [name, value] of Object.entries(rule.headers ?? {})) out[name.toLowerCase()] = value;
  out['content-type'] = typeOf(
    path,
    matching.find((r) => r.type),
  );
  return out;
}
