/**
 * npm run docs:fields [-- --check]
 *
 * Writes docs/fields.md, the reference of every content field, from the schemas themselves:
 * the structure, types, allowed values and defaults from the zod schemas, the explanation from
 * the JSDoc line above each field where it is defined (src/schemas/*.ts). `--check` exits 1
 * when the committed file is stale or a field has no JSDoc, which the test suite runs, so the
 * reference cannot drift from the schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { z } from 'zod';
import * as advisory from '../schemas/advisory.ts';
import * as page from '../schemas/page.ts';
import * as release from '../schemas/release.ts';
import * as site from '../schemas/site.ts';
import { guarded, parseFlags, type Io } from './cli.ts';

export const USAGE = 'usage: npm run docs:fields -- [--check]';
const PROJECT = resolve(import.meta.dirname, '../..');
const OUTPUT = 'docs/fields.md';

/** The documents and the schema each describes, in reading order. */
const DOCUMENTS = [
  {
    title: 'Advisory frontmatter',
    file: 'content/advisories/<year>/<ID>.md',
    module: advisory,
    source: 'src/schemas/advisory.ts',
    root: 'AdvisorySchema',
  },
  { title: 'Named releases', file: 'content/releases.yaml', module: release, source: 'src/schemas/release.ts', root: 'ReleasesFileSchema' },
  { title: 'Site facts', file: 'content/site.yaml', module: site, source: 'src/schemas/site.ts', root: 'SiteSchema' },
  { title: 'Prose page frontmatter', file: 'content/pages/<slug>.md', module: page, source: 'src/schemas/page.ts', root: 'PageSchema' },
] as const;

type Def = { type: string; [key: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** JSDoc of each property of each `const X = z.…Object({ … })`, by schema name and field. */
function jsdocs(source: string): Map<string, Map<string, string>> {
  const file = ts.createSourceFile(source, readFileSync(join(PROJECT, source), 'utf8'), ts.ScriptTarget.Latest, true);
  const out = new Map<string, Map<string, string>>();
  const visit = (node: ts.Node, owner: string | undefined) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) owner = node.name.text;
    if (owner && ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const doc = ts
        .getJSDocCommentsAndTags(node)
        .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
        .join(' ')
        .trim();
      if (doc) {
        if (!out.has(owner)) out.set(owner, new Map());
        out.get(owner)!.set(node.name.text, doc.replace(/\s+/g, ' '));
      }
    }
    ts.forEachChild(node, (child) => visit(child, owner));
  };
  visit(file, undefined);
  return out;
}

type Row = { path: string; type: string; presence: string; doc: string | undefined };

/** The schema under optional/default wrappers, and how present the field must be. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; presence: string } {
  let presence = 'required';
  let inner = schema;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') presence = presence === 'required' ? 'optional' : presence;
    else if (def.type === 'default')
      presence = `default ${JSON.stringify(typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue)}`;
    else break;
    inner = def.innerType as z.ZodType;
  }
  return { inner, presence };
}

function typeName(schema: z.ZodType, names: Map<z.ZodType, string>): string {
  const def = defOf(schema);
  const named = names.get(schema);
  switch (def.type) {
    case 'string':
      return def.format === 'datetime'
        ? 'instant (ISO 8601 with offset)'
        : def.format === 'date'
          ? 'date (YYYY-MM-DD)'
          : def.format
            ? `text (${String(def.format)})`
            : 'text';
    case 'enum':
      return `one of ${Object.values(def.entries as Record<string, string>)
        .map((v) => `\`${v}\``)
        .join(', ')}`;
    case 'array':
      return `list of ${typeName(def.element as z.ZodType, names)}`;
    case 'union':
      return (def.options as z.ZodType[]).map((o) => typeName(o, names)).join(' or ');
    case 'object':
      return named ? `[${named.replace(/Schema$/, '')}](#${anchor(named)})` : 'mapping (below)';
    case 'literal':
      return (def.values as unknown[]).map((v) => `\`${String(v)}\``).join(' or ');
    default:
      return def.type;
  }
}

const anchor = (name: string) => name.replace(/Schema$/, '').toLowerCase();

/**
 * The rows of one object schema, and the named object schemas it refers to. A mapping without
 * a name of its own (`package: { ecosystem, name }`) is spelled out in place, as `package.name`.
 */
function rows(
  schema: z.ZodType,
  docs: Map<string, string> | undefined,
  names: Map<z.ZodType, string>,
  prefix = '',
): { rows: Row[]; refs: z.ZodType[] } {
  const shape = defOf(schema).shape as Record<string, z.ZodType>;
  const out: Row[] = [];
  const refs: z.ZodType[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const { inner, presence } = unwrap(field);
    out.push({ path: `${prefix}${key}`, type: typeName(inner, names), presence, doc: docs?.get(key) });
    if (defOf(inner).type === 'object' && !names.has(inner)) {
      const nested = rows(inner, docs, names, `${prefix}${key}.`);
      out.push(...nested.rows);
      refs.push(...nested.refs);
      continue;
    }
    const collect = (s: z.ZodType) => {
      const def = defOf(s);
      if (def.type === 'object' && names.has(s)) refs.push(s);
      else if (def.type === 'array') collect(unwrap(def.element as z.ZodType).inner);
      else if (def.type === 'union') (def.options as z.ZodType[]).forEach(collect);
    };
    collect(inner);
  }
  return { rows: out, refs };
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The whole reference as Markdown, and every field that has no JSDoc. */
export function fieldReference(): { text: string; undocumented: string[] } {
  const lines = [
    '# Content field reference',
    '',
    `Generated by \`npm run docs:fields\` from the schemas in \`src/schemas/\`: each explanation is the JSDoc line written above its field, so edit it there and run the command again. How to write and check an advisory is in [CONTRIBUTING.md](../CONTRIBUTING.md).`,
    '',
  ];
  const undocumented: string[] = [];
  for (const d of DOCUMENTS) {
    const exported = Object.entries(d.module as Record<string, unknown>).filter(
      ([, v]) => v && typeof v === 'object' && '_zod' in v,
    ) as Array<[string, z.ZodType]>;
    const names = new Map(exported.map(([name, s]) => [s, name]));
    const docs = jsdocs(d.source);
    lines.push(`## ${d.title}`, '', `\`${d.file}\`, schema \`${d.root}\` in \`${d.source}\`.`, '');
    const queue: z.ZodType[] = [unwrap(exported.find(([n]) => n === d.root)![1]).inner];
    const done = new Set<z.ZodType>();
    while (queue.length > 0) {
      const schema = queue.shift()!;
      if (done.has(schema) || defOf(schema).type !== 'object') continue;
      done.add(schema);
      const name = names.get(schema) ?? d.root;
      const table = rows(schema, docs.get(name), names);
      if (name !== d.root) lines.push(`### ${name.replace(/Schema$/, '')}`, '');
      lines.push('| Field | Type | Presence | What it is |', '| --- | --- | --- | --- |');
      for (const r of table.rows) {
        if (!r.doc) undocumented.push(`${d.source}: ${name}.${r.path}`);
        lines.push(`| \`${r.path}\` | ${cell(r.type)} | ${cell(r.presence)} | ${cell(r.doc ?? '')} |`);
      }
      lines.push('');
      queue.push(...table.refs);
    }
  }
  return { text: `${lines.join('\n').trimEnd()}\n`, undocumented };
}

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const { flags } = parseFlags(argv, { check: { type: 'boolean' } });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const { text, undocumented } = fieldReference();
    for (const field of undocumented) io.err(`${field}: no JSDoc line (write one above the field: it is the field's documentation)`);
    const path = join(PROJECT, OUTPUT);
    if (flags.check) {
      const stale = readFileSync(path, 'utf8') !== text;
      if (stale) io.err(`${OUTPUT} is out of date with src/schemas/: run npm run docs:fields`);
      return stale || undocumented.length > 0 ? 1 : 0;
    }
    writeFileSync(path, text);
    io.out(`${OUTPUT} written`);
    return undocumented.length > 0 ? 1 : 0;
  });
}
