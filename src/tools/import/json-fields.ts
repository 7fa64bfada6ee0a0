/**
 * Reading fields of an untrusted JSON record: a required field that is missing, or any field
 * of the wrong type, is an ImportError naming the input and the field's path.
 */
import { ImportError } from './imported.ts';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Field access with the path kept for messages. */
export class Fields {
  readonly input: string;
  readonly value: Json;
  readonly path: string;

  constructor(input: string, value: Json, path: string) {
    this.input = input;
    this.value = value;
    this.path = path;
  }

  private at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  private fail(key: string, expected: string): never {
    throw new ImportError(this.input, this.at(key), expected);
  }

  /** A string field; `required` names what the record is, for the message. */
  string(key: string, required?: string): string | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return required ? this.fail(key, `${required} needs "${key}" (missing)`) : undefined;
    return typeof v === 'string' ? v : this.fail(key, `expected a string (found ${JSON.stringify(v).slice(0, 40)})`);
  }

  /** An object field, as Fields. */
  object(key: string, required?: string): Fields | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return required ? this.fail(key, `${required} needs "${key}" (missing)`) : undefined;
    return isObject(v)
      ? new Fields(this.input, v, this.at(key))
      : this.fail(key, `expected an object (found ${JSON.stringify(v).slice(0, 40)})`);
  }

  /** An array field (empty when absent). */
  array(key: string, required?: string): unknown[] {
    const v = this.value[key];
    if (v === undefined || v === null) return required ? this.fail(key, `${required} needs "${key}" (missing)`) : [];
    return Array.isArray(v) ? v : this.fail(key, `expected an array (found ${JSON.stringify(v).slice(0, 40)})`);
  }

  /** The objects of an array field, each as Fields with its index in the path. */
  objects(key: string, required?: string): Fields[] {
    return this.array(key, required).map((v, i) =>
      isObject(v)
        ? new Fields(this.input, v, `${this.at(key)}[${i}]`)
        : this.fail(`${key}[${i}]`, `expected an object (found ${JSON.stringify(v).slice(0, 40)})`),
    );
  }

  /** The strings of an array field; other items are skipped. */
  strings(key: string): string[] {
    return this.array(key).filter((v): v is string => typeof v === 'string');
  }
}
