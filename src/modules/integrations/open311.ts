/**
 * Open311 GeoReport v2 documents (https://wiki.open311.org/GeoReport_v2): the same data as JSON or XML, with the
 * root and item element names the specification shows (`services`/`service`, `service_requests`/`request`,
 * `service_definition`, `errors`/`error`). Pure functions: the routes choose the format from the file extension.
 */

export type Format = 'json' | 'xml';
type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** XML 1.0 character escaping for text content; characters XML cannot carry at all are dropped. */
export function escapeXml(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The element name of one item of a list element, as the specification's examples name them. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

function element(name: string, value: Value, indent: string): string {
  if (value === null || value === undefined || value === '') return `${indent}<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM[name] ?? 'item';
    if (value.length === 0) return `${indent}<${name}/>`;
    return `${indent}<${name}>\n${value.map((v) => element(item, v, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([k, v]) => element(k, v, `${indent}  `));
    return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A document: JSON as the value itself; XML with `root` as the root element (a list's items named by ITEM). */
export function render(format: Format, root: string, value: Value): { type: string; body: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
  return { type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n` };
}

/** `services.json` -> json; a path part `HOUSING.HEAT.xml` -> { name: 'HOUSING.HEAT', format: 'xml' }. */
export function splitFormat(file: string): { name: string; format: Format } | undefined {
  const m = /^(.+)\.(json|xml)$/i.exec(file);
  return m ? { name: m[1]!, format: m[2]!.toLowerCase() as Format } : undefined;
}

export interface ServiceView {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface ServiceRequestView {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The expected time of an answer: the end of the due day in Kazakhstan (UTC+5). */
export function expectedDatetime(due: string): string {
  return `${due}T18:00:00+05:00`;
}

/** A W3C date-time in Kazakhstan's offset (UTC+5 everywhere since 1 March 2024). */
export function w3c(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + 5 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+05:00`;
}

/** The specification this endpoint implements, as service discovery names it. */
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';
/** When Tynda's mapping of GeoReport v2 (services, attributes, fields) last changed; the classifier's changes count too. */
export const MAPPING_CHANGED = new Date('2026-12-05T00:00:00Z');

export interface DiscoveryView {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }[];
}
