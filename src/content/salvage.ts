/**
 * What of a refused value the schema does accept, so lint rules still run on it: no error in
 * one field hides the problems of another (a bad date next to a bad CVSS vector are reported
 * together). Objects are salvaged field by field, lists entry by entry (a refused entry is
 * `undefined` in its place, so indices stay right); a list whose entries all pass but which
 * fails as a whole (too short) is left out, like a refused field. Runs only when the schema
 * refused the file: a valid file is parsed once.
 */
import { z } from 'zod';

const LEFT_OUT = Symbol('left out');

/** The schema inside optional, default and nullable wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function salvageValue(schema: z.ZodType, input: unknown): unknown {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isRecord(input)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const value = salvageValue(field, input[key]);
      if (value !== LEFT_OUT && value !== undefined) out[key] = value;
    }
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(input)) {
    const element = inner.element as z.ZodType;
    const entries = input.map((v) => {
      const r = element.safeParse(v);
      return r.success ? r.data : undefined;
    });
    return entries.includes(undefined) ? entries : LEFT_OUT;
  }
  return LEFT_OUT;
}

/** The accepted part of `input` for an object schema; `{}` when nothing of it is. */
export function salvage(schema: z.ZodObject, input: unknown): Record<string, unknown> {
  const value = salvageValue(schema, input);
  return isRecord(value) ? value : {};
}

/** The field names an object schema knows at `path` (through lists and unions), for suggestions. */
export function knownKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const at = (s: z.ZodType, rest: ReadonlyArray<PropertyKey>): z.ZodType[] => {
    const inner = unwrap(s);
    if (inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).flatMap((o) => at(o, rest));
    if (rest.length === 0) return [inner];
    const [key, ...tail] = rest;
    if (inner instanceof z.ZodArray && typeof key === 'number') return at(inner.element as z.ZodType, tail);
    if (inner instanceof z.ZodObject && typeof key === 'string') {
      const field = (inner.shape as Record<string, z.ZodType>)[key];
      return field ? at(field, tail) : [];
    }
    return [];
  };
  const keys = at(schema, path).flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape) : []));
  return [...new Set(keys)];
}
