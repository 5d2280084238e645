import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseAdminUnits, type ParsedAdminUnits, type Raw2025Province, type RawMapping2025, type RawPre2025Province } from './admin-units.parse.js';

const dataDir = new URL('./reference/', import.meta.url);

function readGzipJson<T>(file: string): T {
  return JSON.parse(gunzipSync(readFileSync(new URL(file, dataDir))).toString('utf8')) as T;
}

let cached: ParsedAdminUnits | undefined;

/** Both states of Vietnam's administrative geography and the 2025 succession, parsed once a process. */
export function shippedAdminUnits(): ParsedAdminUnits {
  cached ??= parseAdminUnits(
    readGzipJson<RawPre2025Province[]>('units-pre2025.thanglequoc-v2.4.1.json.gz'),
    readGzipJson<Raw2025Province[]>('units-2025.thanglequoc-v3.0.2.json.gz'),
    readGzipJson<RawMapping2025>('mapping-2025.dvhcvn-20250701.json.gz'),
  );
  return cached;
}
