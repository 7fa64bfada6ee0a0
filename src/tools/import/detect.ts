/**
 * Which kind of record a text is, from the fields only that kind has, then its importer.
 * JSON is the format of all three; an OSV record may also come as YAML, the form PyPA's
 * advisory database keeps (vulns/<package>/PYSEC-….yaml).
 */
import { parse as parseYaml } from 'yaml';
import { fromCve5 } from './cve5.ts';
import { fromGhsa } from './ghsa.ts';
import { ImportError, type Imported } from './imported.ts';
import { Fields, isObject } from './json-fields.ts';
import { fromOsv } from './osv.ts';

export type RecordFormat = 'osv' | 'ghsa' | 'cve5';

const KINDS =
  'an OSV record (id, modified), a GitHub security advisory from the REST API (ghsa_id) or a CVE JSON 5 record (dataType CVE_RECORD)';

export function parseRecord(text: string, input: string): Record<string, unknown> {
  let value: unknown;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new ImportError(input, '(file)', `is empty (expected ${KINDS})`);
  try {
    value = JSON.parse(trimmed);
  } catch (jsonError) {
    // Not JSON: an OSV record in YAML is the one other form accepted.
    try {
      value = /^[{[]/.test(trimmed) ? undefined : parseYaml(trimmed, { schema: 'core' });
    } catch {
      value = undefined;
    }
    if (!isObject(value)) throw new ImportError(input, '(file)', `not valid JSON (${(jsonError as Error).message}); expected ${KINDS}`);
  }
  if (Array.isArray(value)) throw new ImportError(input, '(file)', `holds a list of ${value.length} item(s); import one record at a time`);
  if (!isObject(value)) throw new ImportError(input, '(file)', `expected one JSON object (found ${JSON.stringify(value).slice(0, 40)})`);
  return value;
}

export function detectFormat(record: Record<string, unknown>, input: string): RecordFormat {
  if (record.dataType === 'CVE_RECORD' || (isObject(record.cveMetadata) && isObject(record.containers))) return 'cve5';
  if (record.data_type === 'CVE' || 'CVE_data_meta' in record) {
    throw new ImportError(
      input,
      'data_type',
      'a CVE JSON 4 record, which this tool does not read; use the JSON 5 record from CVEProject/cvelistV5',
    );
  }
  if ('ghsa_id' in record) return 'ghsa';
  if ('id' in record && ('modified' in record || 'affected' in record || 'schema_version' in record || 'details' in record)) return 'osv';
  // An OSV API response ({"vulns": [...]}) wraps records.
  if (Array.isArray(record.vulns))
    throw new ImportError(input, 'vulns', `an OSV query response with ${record.vulns.length} record(s); save one record and import that`);
  throw new ImportError(
    input,
    '(file)',
    `not a record this tool knows (found the fields ${Object.keys(record).slice(0, 6).join(', ') || 'none'}); expected ${KINDS}`,
  );
}

/** Parses, detects and imports a record; every failure is an ImportError naming `input`. */
export function importRecord(text: string, input: string, knownReleases: readonly string[] = []): Imported {
  const record = parseRecord(text, input);
  const fields = new Fields(input, record, '');
  switch (detectFormat(record, input)) {
    case 'cve5':
      return fromCve5(fields, knownReleases);
    case 'ghsa':
      return fromGhsa(fields);
    case 'osv':
      return fromOsv(fields);
  }
}
