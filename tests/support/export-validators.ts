/**
 * Real validators for the feeds and exports: the official OSV and CSAF JSON schemas (ajv,
 * draft 2020-12), Debian's Python clients (feedparser, icalendar) run by the system
 * interpreter, an RFC 9116 checker for security.txt, and the CSAF mandatory tests that a
 * schema cannot express (section 6.1 of CSAF 2.0) for the rules our documents touch.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './build-site.ts';

const SCHEMAS = join(FIXTURES, 'schemas');
const load = (file: string) => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;

function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

let validators:
  | { osv: ValidateFunction; csaf: ValidateFunction; provider: ValidateFunction; rolie: ValidateFunction; jsonFeed: ValidateFunction }
  | undefined;

export function schemaValidators() {
  if (validators) return validators;
  const ajv = newAjv();
  // FIRST's CVSS schemas (drafts 04/07, ids with a date query): registered under the URLs the
  // CSAF schema references, without the keys that name another draft or another id.
  for (const version of ['2.0', '3.0', '3.1']) {
    const { $schema: _s, id: _i, $id: _d, license: _l, ...schema } = load(`csaf-cvss-v${version}.json`);
    ajv.addSchema(schema, `https://www.first.org/cvss/cvss-v${version}.json`);
  }
  const csaf = ajv.compile(load('csaf-csaf_json_schema.json'));
  const provider = ajv.compile(load('csaf-provider_json_schema.json'));
  const osv = newAjv().compile(load('osv-schema.json'));
  const rolie = newAjv().compile(ROLIE_SHAPE);
  const jsonFeed = newAjv().compile(JSON_FEED_1_1);
  validators = { osv, csaf, provider, rolie, jsonFeed };
  return validators;
}

/** The shape of the CSAF example ROLIE feed (csaf-example-rolie-feed.json), as a schema. */
const ROLIE_SHAPE = {
  type: 'object',
  required: ['feed'],
  properties: {
    feed: {
      type: 'object',
      required: ['id', 'title', 'link', 'category', 'updated', 'entry'],
      properties: {
        id: { type: 'string', minLength: 1 },
        title: { type: 'string', minLength: 1 },
        link: {
          type: 'array',
          contains: {
            type: 'object',
            required: ['rel', 'href'],
            properties: { rel: { const: 'self' }, href: { type: 'string', format: 'uri' } },
          },
        },
        category: {
          type: 'array',
          contains: {
            type: 'object',
            required: ['scheme', 'term'],
            properties: { scheme: { const: 'urn:ietf:params:rolie:category:information-type' }, term: { const: 'csaf' } },
          },
        },
        updated: { type: 'string', format: 'date-time' },
        entry: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'title', 'link', 'published', 'updated', 'content', 'format'],
            properties: {
              id: { type: 'string', minLength: 1 },
              title: { type: 'string', minLength: 1 },
              link: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['rel', 'href'],
                  properties: { rel: { enum: ['self', 'hash', 'signature'] }, href: { type: 'string', format: 'uri' } },
                },
                contains: { properties: { rel: { const: 'self' } } },
              },
              published: { type: 'string', format: 'date-time' },
              updated: { type: 'string', format: 'date-time' },
              summary: { type: 'object', required: ['content'], properties: { content: { type: 'string' } } },
              content: {
                type: 'object',
                required: ['type', 'src'],
                properties: { type: { const: 'application/json' }, src: { type: 'string', format: 'uri' } },
              },
              format: {
                type: 'object',
                required: ['schema', 'version'],
                properties: { schema: { type: 'string', format: 'uri' }, version: { const: '2.0' } },
              },
            },
          },
        },
      },
    },
  },
};

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a schema, transcribed from the
 * spec: Debian's python3-feedparser (6.0.x) reads RSS and Atom but not JSON Feed, and JSON
 * Feed publishes no official schema. Required: version, title, items; each item an id
 * (string) and content_html or content_text; dates RFC 3339; URLs absolute; authors objects
 * with at least one key; extension keys start with "_" and a letter.
 */
const url = { type: 'string', format: 'uri', pattern: '^https?://' };
const date = { type: 'string', format: 'date-time' };
const author = { type: 'object', minProperties: 1, properties: { name: { type: 'string' }, url, avatar: url } };
const extensionKeys = { patternProperties: { '^_[A-Za-z]': { type: 'object' } }, additionalProperties: false };
const JSON_FEED_1_1 = {
  type: 'object',
  required: ['version', 'title', 'items'],
  ...extensionKeys,
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string', minLength: 1 },
    home_page_url: url,
    feed_url: url,
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: url,
    icon: url,
    favicon: url,
    authors: { type: 'array', items: author },
    language: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$' },
    expired: { type: 'boolean' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        ...extensionKeys,
        properties: {
          id: { type: 'string', minLength: 1 },
          url,
          external_url: url,
          title: { type: 'string' },
          content_html: { type: 'string' },
          content_text: { type: 'string' },
          summary: { type: 'string' },
          image: url,
          banner_image: url,
          date_published: date,
          date_modified: date,
          authors: { type: 'array', items: author },
          tags: { type: 'array', items: { type: 'string' } },
          language: { type: 'string' },
          attachments: { type: 'array', items: { type: 'object', required: ['url', 'mime_type'] } },
        },
      },
    },
  },
};

export const exampleRolieFeed = () => load('csaf-example-rolie-feed.json');

/** Ajv errors as readable lines: `<instancePath>: <message> (<params>)`. */
export function schemaErrors(validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
}

const DEBIAN_PACKAGES = { feedparser: 'python3-feedparser', icalendar: 'python3-icalendar' } as const;

export const hasSystemModule = (module: string) =>
  spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0;

/**
 * Runs `code` in Debian's Python (the system interpreter, not the python3 first on PATH) with
 * `input` on stdin and parses what it prints as JSON. Fails, saying what to install, when the
 * module the code needs is missing: a validator that silently does not run validates nothing.
 */
export function systemPython(module: keyof typeof DEBIAN_PACKAGES, code: string, input: string): unknown {
  if (!hasSystemModule(module)) {
    const pkg = DEBIAN_PACKAGES[module];
    throw new Error(
      `/usr/bin/python3 cannot import ${module}: install it with \`sudo apt-get install ${pkg}\` (or run \`sh scripts/test-tools.sh\`)`,
    );
  }
  const run = spawnSync('/usr/bin/python3', ['-c', code], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`/usr/bin/python3 failed (status ${run.status}): ${run.stderr || run.error?.message}`);
  return JSON.parse(run.stdout) as unknown;
}

/**
 * RFC 9116 rules for a security.txt served at `url`, read at `now`: the required fields
 * (Contact at least once, Expires exactly once, in the future and less than a year ahead,
 * written as RFC 3339), Canonical equal to where it is served, single-instance fields given
 * at most once, field names known, every line a comment, a field or blank.
 */
export function securityTxtProblems(text: string, url: string, now: Date): string[] {
  const problems: string[] = [];
  const fields = new Map<string, string[]>();
  const known = ['acknowledgments', 'canonical', 'contact', 'encryption', 'expires', 'hiring', 'policy', 'preferred-languages', 'csaf'];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z0-9-]+): (.+)$/.exec(line);
    if (!m) {
      problems.push(`line ${i + 1}: not "Field: value" (found ${JSON.stringify(line)})`);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (!known.includes(name)) problems.push(`line ${i + 1}: unknown field ${m[1]}`);
    fields.set(name, [...(fields.get(name) ?? []), m[2]!]);
  }
  const contact = fields.get('contact') ?? [];
  if (contact.length === 0) problems.push('Contact: required, found none');
  for (const c of contact)
    if (!/^(mailto:|tel:|https:\/\/)/.test(c)) problems.push(`Contact: must be a mailto:, tel: or https:// URI (found ${c})`);
  const expires = fields.get('expires') ?? [];
  if (expires.length !== 1) problems.push(`Expires: required exactly once (found ${expires.length})`);
  else {
    const e = expires[0]!;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(e))
      problems.push(`Expires: must be RFC 3339 (found ${e})`);
    const t = Date.parse(e);
    if (!(t > now.getTime())) problems.push(`Expires: must be in the future (found ${e}, now ${now.toISOString()})`);
    if (t - now.getTime() >= 365 * 24 * 3600 * 1000) problems.push(`Expires: should be less than a year ahead (found ${e})`);
  }
  for (const single of ['expires', 'preferred-languages']) {
    if ((fields.get(single) ?? []).length > 1) problems.push(`${single}: must appear at most once`);
  }
  const canonical = fields.get('canonical') ?? [];
  if (canonical.length > 0 && !canonical.includes(url)) problems.push(`Canonical: must include ${url} (found ${canonical.join(', ')})`);
  for (const [name, values] of fields) {
    if (['canonical', 'policy', 'acknowledgments', 'encryption', 'hiring', 'csaf'].includes(name)) {
      for (const v of values) if (!v.startsWith('https://')) problems.push(`${name}: must be an https:// URL (found ${v})`);
    }
  }
  return problems;
}

type Json = Record<string, any>;

/**
 * The CSAF 2.0 mandatory tests (section 6.1) that concern what our documents contain and
 * that a schema cannot check: product ids defined once and only once (6.1.1, 6.1.2),
 * no product in contradicting states (6.1.6), CVSS scores matching their vector (6.1.9, by
 * the given calculator), revision history sorted and consecutive with the last number as
 * the version (6.1.14, 6.1.16, 6.1.21, 6.1.22), no version range in a product_version (6.1.31,
 * matched as substrings, the strictest reading), every remediation naming products (6.1.29),
 * and the security-advisory profile's required parts (6.1.27.4 to 6.1.27.6, 6.1.27.11).
 */
export function csafMandatoryProblems(doc: Json, score: (vector: string) => number): string[] {
  const problems: string[] = [];
  const defined: string[] = [];
  const walk = (branches: Json[] | undefined, path: string) =>
    (branches ?? []).forEach((b, i) => {
      if (b.product) defined.push(b.product.product_id);
      if (b.category === 'product_version') {
        for (const bad of ['<', '>', 'after', 'all', 'before', 'earlier', 'later', 'prior', 'versions']) {
          if (String(b.name).toLowerCase().includes(bad)) problems.push(`6.1.31 ${path}/${i}/name: "${b.name}" contains "${bad}"`);
        }
      }
      walk(b.branches, `${path}/${i}/branches`);
    });
  walk(doc.product_tree?.branches, '/product_tree/branches');
  for (const p of doc.product_tree?.full_product_names ?? []) defined.push(p.product_id);
  const duplicates = defined.filter((id, i) => defined.indexOf(id) !== i);
  if (duplicates.length > 0) problems.push(`6.1.2 product ids defined twice: ${duplicates.join(', ')}`);
  const isDefined = (id: string, where: string) =>
    defined.includes(id) || problems.push(`6.1.1 ${where}: product id "${id}" is not defined`);

  (doc.vulnerabilities ?? []).forEach((v: Json, i: number) => {
    const at = `/vulnerabilities/${i}`;
    const groups = {
      affected: [
        ...(v.product_status?.known_affected ?? []),
        ...(v.product_status?.first_affected ?? []),
        ...(v.product_status?.last_affected ?? []),
      ],
      fixed: [...(v.product_status?.fixed ?? []), ...(v.product_status?.first_fixed ?? [])],
      not_affected: v.product_status?.known_not_affected ?? [],
    };
    const seen = new Map<string, string>();
    for (const [group, ids] of Object.entries(groups)) {
      for (const id of ids as string[]) {
        isDefined(id, `${at}/product_status`);
        const before = seen.get(id);
        if (before && before !== group) problems.push(`6.1.6 ${at}: product "${id}" is both ${before} and ${group}`);
        seen.set(id, group);
      }
    }
    for (const [j, r] of (v.remediations ?? []).entries()) {
      if (!(r.product_ids?.length > 0) && !(r.group_ids?.length > 0)) problems.push(`6.1.29 ${at}/remediations/${j}: names no product`);
      for (const id of r.product_ids ?? []) isDefined(id, `${at}/remediations/${j}`);
    }
    for (const [j, s] of (v.scores ?? []).entries()) {
      for (const id of s.products ?? []) isDefined(id, `${at}/scores/${j}`);
      if (s.cvss_v3) {
        const expected = score(s.cvss_v3.vectorString);
        if (expected !== s.cvss_v3.baseScore)
          problems.push(`6.1.9 ${at}/scores/${j}: baseScore ${s.cvss_v3.baseScore}, vector gives ${expected}`);
        const band = expected === 0 ? 'NONE' : expected < 4 ? 'LOW' : expected < 7 ? 'MEDIUM' : expected < 9 ? 'HIGH' : 'CRITICAL';
        if (band !== s.cvss_v3.baseSeverity) problems.push(`6.1.9 ${at}/scores/${j}: baseSeverity ${s.cvss_v3.baseSeverity}, want ${band}`);
      }
    }
    if (doc.document.category === 'csaf_security_advisory') {
      if (!v.notes?.length) problems.push(`6.1.27.5 ${at}: notes missing`);
      if (!v.product_status) problems.push(`6.1.27.6 ${at}: product_status missing`);
    }
  });
  if (doc.document.category === 'csaf_security_advisory') {
    if (!doc.product_tree) problems.push('6.1.27.4 product_tree missing');
    if (!doc.vulnerabilities?.length) problems.push('6.1.27.11 vulnerabilities missing');
  }

  const history: Json[] = doc.document.tracking.revision_history;
  const byDate = [...history].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  byDate.forEach((r, i) => {
    if (r.number !== String(i + 1)) problems.push(`6.1.14/6.1.21 revision at ${r.date} is number ${r.number}, want ${i + 1}`);
  });
  if (new Set(history.map((r) => r.number)).size !== history.length) problems.push('6.1.22 revision numbers repeat');
  if (doc.document.tracking.version !== byDate.at(-1)?.number)
    problems.push(`6.1.16 version ${doc.document.tracking.version} is not the last revision number`);
  if (doc.document.tracking.current_release_date !== byDate.at(-1)?.date)
    problems.push('current_release_date is not the last revision date');
  if (doc.document.tracking.initial_release_date !== byDate[0]?.date) problems.push('initial_release_date is not the first revision date');
  return problems;
}
