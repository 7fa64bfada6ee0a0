/**
 * Writes an advisory file: YAML frontmatter, then the Markdown body.
 *
 * Keys come out in the schema's order (src/schemas/advisory.ts), whatever order the caller
 * built them in, so every generated file reads the same way and diffs stay small. The style
 * follows the hand-written advisories: short lists and list items on one line, instants
 * quoted, a long summary folded. The text is parsed back with the site's own frontmatter
 * reader before it is returned; a writer bug throws here instead of reaching a file.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isPair, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { z } from 'zod';
import { parseMarkdownFile } from '../content/frontmatter.ts';
import { AdvisorySchema } from '../schemas/advisory.ts';

/** Frontmatter as the tools build it: the schema's fields, placeholders allowed anywhere. */
export type AdvisoryDraft = Record<string, unknown>;

const SUMMARY_WIDTH = 92;
/** Longer list items (long URLs, placeholders with hints) are clearer as blocks. */
const FLOW_WIDTH = 120;
const ONE_LINE = new Set(['releases', 'ranges', 'credits', 'references', 'revisions', 'package']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function advisoryText(data: AdvisoryDraft, body: string): string {
  const ordered = orderLike(data, AdvisorySchema) as AdvisoryDraft;
  const doc = new Document(ordered);
  visit(doc, {
    Seq(_, node) {
      // [ulmo, verawood], [CVE-…, GHSA-…]: scalar lists on one line.
      if (node.items.every(isScalar)) node.flow = true;
    },
    Map(_, node, path) {
      // Release fixes, ranges, credits, references, revisions and `package` on one line each.
      const parent = path.at(-1);
      const owner = isSeq(parent) ? path.at(-2) : parent;
      const key = isPair(owner) && isScalar(owner.key) ? owner.key.value : undefined;
      const width = node.items.reduce(
        (n, p) => n + String(isScalar(p.key) ? p.key.value : '').length + String(isScalar(p.value) ? p.value.value : '').length + 4,
        8,
      );
      if (typeof key === 'string' && ONE_LINE.has(key) && width <= FLOW_WIDTH) node.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && INSTANT.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const yaml = foldSummary(doc.toString({ lineWidth: 0, flowCollectionPadding: false }), ordered.summary);
  const text = `---\n${yaml}---\n\n${body.trim()}\n`;
  assertRoundTrip(text, ordered, body);
  return text;
}

/**
 * `summary: >-` over several lines, like the hand-written files, when folding is lossless:
 * one line of text, single spaces, no leading or trailing space.
 */
function foldSummary(yaml: string, summary: unknown): string {
  if (typeof summary !== 'string' || summary.length <= SUMMARY_WIDTH || !/^\S+( \S+)*$/.test(summary) || /^[#>|&*!%@`'"-]/.test(summary))
    return yaml;
  const lines: string[] = [];
  for (const word of summary.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= SUMMARY_WIDTH) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const block = `summary: >-\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
  return yaml.replace(/^summary: .*\n/m, () => block);
}

function assertRoundTrip(text: string, data: AdvisoryDraft, body: string): void {
  const parsed = parseMarkdownFile(text);
  const same = isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), JSON.parse(JSON.stringify(data)));
  if (!same || parsed.body.trim() !== body.trim()) {
    throw new Error(
      'advisory writer: the generated file does not read back as the data it was given (a bug in src/tools/advisory-writer.ts)',
    );
  }
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** `value` with object keys in the order `schema` declares them; unknown keys last. */
export function orderLike(value: unknown, schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return orderLike(value, def.innerType!);
    case 'pipe':
      return orderLike(value, def.in!);
    case 'array':
      return Array.isArray(value) ? value.map((v) => orderLike(v, def.element!)) : value;
    case 'union': {
      // The branch whose keys cover the value's keys best (an affected entry is a repository or a package).
      if (!value || typeof value !== 'object') return value;
      const keys = Object.keys(value);
      const fit = (o: z.ZodType) => keys.reduce((n, k) => n + (k in (defOf(o).shape ?? {}) ? 1 : -1), 0);
      const best = [...def.options!].sort((a, b) => fit(b) - fit(a))[0];
      return best ? orderLike(value, best) : value;
    }
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(def.shape ?? {})) if (input[key] !== undefined) out[key] = orderLike(input[key], sub);
      for (const [key, v] of Object.entries(input)) if (!(key in out) && v !== undefined) out[key] = v;
      return out;
    }
    default:
      return value;
  }
}
