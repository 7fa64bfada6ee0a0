/** Which kind of record this is, from the fields only that kind has. */
import { fromCve5 } from './cve5.ts';
import { fromGhsa } from './ghsa.ts';
import { ImportError, type Imported } from './imported.ts';
import { fromOsv } from './osv.ts';

export function importRecord(text: string, input: string): Imported {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ImportError(input, '(file)', `expected JSON (an OSV, GitHub advisory or CVE JSON 5 record); ${(e as Error).message}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ImportError(input, '(file)', 'expected one JSON object');
  const r = json as Record<string, unknown>;
  if (r.dataType === 'CVE_RECORD' || (r.cveMetadata && r.containers)) return fromCve5(r as never, input);
  if (typeof r.ghsa_id === 'string') return fromGhsa(r as never, input);
  if (typeof r.id === 'string' && ('affected' in r || 'modified' in r || 'schema_version' in r)) return fromOsv(r as never, input);
  throw new ImportError(input, '(file)', 'not a record this tool knows: expected OSV (id, modified, affected), a GitHub advisory (ghsa_id) or CVE JSON 5 (dataType CVE_RECORD)');
}
