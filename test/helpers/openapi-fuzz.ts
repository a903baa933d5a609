import fc from 'fast-check';
import { multipartForm } from './multipart.ts';

/**
 * A bounded fuzzer of an API's write operations, driven by its OpenAPI document: for each POST,
 * PUT, PATCH and DELETE it generates requests from the operation's parameter and body schemas —
 * valid-ish values first, then one mutation (wrong type, missing or extra field, huge string,
 * control characters, odd numbers, boundaries) and one encoding (JSON, malformed JSON, wrong content
 * type, no body, multipart) — sends them through a transport of the caller's (app.inject in the
 * tests, HTTP in the bench) and counts the answers. Deterministic for a seed (fast-check's).
 */

/** The part of JSON Schema (OpenAPI 3.0 dialect) that the document's request schemas use. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

export interface WriteOperation {
  /** "POST /api/households/{id}/notes": the operation as the document names it. */
  key: string;
  method: Uppercase<(typeof WRITE_METHODS)[number]>;
  path: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  /** The JSON body's schema, or null for an operation that takes none (or a multipart form). */
  body: JsonSchema | null;
}

/** Every write operation of the document, in the document's order. */
export function writeOperations(doc: OpenApiDocument): WriteOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    WRITE_METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const parameters = operation.parameters ?? [];
      const upper = method.toUpperCase() as WriteOperation['method'];
      return [
        {
          key: `${upper} ${path}`,
          method: upper,
          path,
          pathParams: parameters.filter((p) => p.in === 'path'),
          queryParams: parameters.filter((p) => p.in === 'query'),
          body: operation.requestBody?.content['application/json']?.schema ?? null,
        },
      ];
    }),
  );
}

/**
 * Ids of existing objects, by the collection that names them in paths: the segment before the
 * parameter (`households` for `/api/households/{id}/…`, `diagnostics` for `…/diagnostics/{diagId}`).
 */
export type KnownIds = Record<string, readonly string[]>;

/** The collection a path parameter's ids come from: the path segment just before it. */
export function collectionOf(path: string, param: string): string {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return segments[at - 1] ?? '';
}

// ---- values ---------------------------------------------------------------------------------------

const NUL = '\u0000';
/** Strings that have broken servers: control characters, NUL, lone surrogates, bidi, injections. */
const TRICKY_STRINGS = [
  NUL,
  `a${NUL}b`,
  '\u0001\u0002\u001b[31m\u001f\u007f',
  '\t\r\n\v\f',
  '\u2028\u2029',
  '\ufeffBOM',
  '\ud800',
  'x\udfffy',
  '𝕏😀👨‍👩‍👧‍👦',
  'e\u0301\u0308\u0327',
  '\u202etxt.exe',
  'İǅßﬁ',
  "'; drop table households; --",
  '%00%ff%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '   ',
  '',
  'null',
  'NaN',
  '-0',
  '1e309',
  '\\',
  '"',
  '0000-00-00',
  '2026-02-30',
  '9999-12-31T23:59:59.999Z',
];
const ODD_NUMBERS = [
  -1,
  0,
  0.5,
  -0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
];
const WRONG_TYPES: unknown[] = [null, true, false, 0, 1, -1, '', 'x', [], {}, [null], { a: 1 }, [[[]]]];
const HUGE_LENGTHS = [10_001, 100_000, 1_000_000];
const HUGE_UNITS = ['A', 'é', '😀', `${NUL}`, '\u0301'];
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'fuzz', '', 'id', 'organisationId', `k${NUL}`];
const NON_UUIDS = [
  '0',
  '-1',
  'null',
  'undefined',
  'abc',
  'x'.repeat(300),
  NUL,
  '..',
  'é😀',
  ' ',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
  '6f1c3f5e5b8a4c1e9d2a7b3c4d5e6f70',
  '{id}',
  '1; select 1',
];
const MAX_ARRAY = 3;
const MAX_TEXT = 40;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const recentDate = fc.date({
  min: new Date('2015-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const anyDate = fc.date({
  min: new Date('0001-01-01T00:00:00Z'),
  max: new Date('9999-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** "^data:image\/png;base64,.*" → "data:image/png;base64,": a pattern that only fixes a prefix. */
const literalPrefix = (pattern: string) =>
  pattern
    .replace(/^\^/, '')
    .replace(/\.\*\$?$/, '')
    .replace(/\\/g, '');

function stringValue(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  switch (schema.format) {
    case 'uuid':
      return ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
    case 'date':
      return fc.oneof(recentDate, anyDate).map(isoDate);
    case 'date-time':
      return fc.oneof(recentDate, anyDate).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'starts_with':
      return fc.base64String({ maxLength: 64 }).map((s) => `${literalPrefix(schema.pattern ?? '')}${s}`);
  }
  const maxLength = Math.min(schema.maxLength ?? MAX_TEXT, MAX_TEXT);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // A pattern fast-check cannot generate from: plain strings instead.
    }
  }
  return fc.oneof(
    fc.string({ unit: 'grapheme-ascii', minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
  );
}

function numberValue(schema: JsonSchema): fc.Arbitrary<number> {
  const integer = schema.type === 'integer';
  const low = Math.max(schema.minimum ?? -1e9, Number.MIN_SAFE_INTEGER) + (schema.exclusiveMinimum ? 1 : 0);
  const high = Math.min(schema.maximum ?? 1e9, Number.MAX_SAFE_INTEGER) - (schema.exclusiveMaximum ? 1 : 0);
  // Small values near the minimum first: versions and counts that exist are small.
  const near = fc.integer({ min: low, max: Math.min(high, low + 10) });
  const full = integer
    ? fc.integer({ min: low, max: high })
    : fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ arbitrary: near, weight: 2 }, { arbitrary: full, weight: 2 });
}

/** Values the schema accepts, or nearly (refinements and cross-field rules are not in the document). */
export function validValue(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const base = nonNullValue(schema, ids);
  return schema.nullable ? fc.oneof({ arbitrary: base, weight: 4 }, fc.constant(null)) : base;
}

function nonNullValue(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => validValue(v, ids)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringValue(schema, ids);
    case 'integer':
    case 'number':
      return numberValue(schema);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? MAX_ARRAY, Math.max(minLength, MAX_ARRAY));
      return fc.array(validValue(schema.items ?? {}, ids), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ maxLength: 10 }), validValue(schema.additionalProperties, ids), {
          maxKeys: MAX_ARRAY,
        });
      }
      const model = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, validValue(property, ids)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---- mutations --------------------------------------------------------------------------------

type Path = (string | number)[];
interface Site {
  path: Path;
  value: unknown;
  schema: JsonSchema | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The variant of a union a value was generated from, as far as its type tells. */
function branchOf(schema: JsonSchema | undefined, value: unknown): JsonSchema | undefined {
  const variants = schema?.anyOf ?? schema?.oneOf;
  if (!variants) return schema;
  const type = Array.isArray(value) ? 'array' : typeof value;
  return variants.find((v) => v.type === type || (type === 'number' && v.type === 'integer')) ?? variants[0];
}

/** Every node of a value with its path and, where known, its schema. */
function sitesOf(value: unknown, schema: JsonSchema | undefined, path: Path = []): Site[] {
  const own = branchOf(schema, value);
  const here: Site = { path, value, schema: own };
  if (Array.isArray(value)) {
    return [here, ...value.flatMap((item, i) => sitesOf(item, own?.items, [...path, i]))];
  }
  if (isObject(value)) {
    return [
      here,
      ...Object.entries(value).flatMap(([key, item]) =>
        sitesOf(item, own?.properties?.[key], [...path, key]),
      ),
    ];
  }
  return [here];
}

function replaceAt(root: unknown, path: Path, replacement: (current: unknown) => unknown): unknown {
  if (path.length === 0) return replacement(root);
  const [head, ...rest] = path;
  if (Array.isArray(root))
    return root.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  if (isObject(root)) {
    // Object.defineProperty keeps a "__proto__" key an own property, as JSON.parse makes it.
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(root)) {
      Object.defineProperty(copy, key, {
        value: key === head ? replaceAt(item, rest, replacement) : item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return root;
}

const MUTATIONS = [
  'none',
  'wrongType',
  'dropKey',
  'extraKey',
  'hugeString',
  'trickyString',
  'oddNumber',
  'boundary',
] as const;
type Mutation = (typeof MUTATIONS)[number];

const at = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Beyond a bound of the schema: one character, item or unit past the limit. */
function pastBoundary(site: Site, n: number): unknown {
  const s = site.schema ?? {};
  const candidates: unknown[] = [];
  if (s.maxLength !== undefined) candidates.push('x'.repeat(s.maxLength + 1));
  if (s.minLength !== undefined && s.minLength > 0) candidates.push('x'.repeat(s.minLength - 1));
  if (s.maximum !== undefined) candidates.push(s.maximum + 1);
  if (s.minimum !== undefined) candidates.push(s.minimum - 1);
  const items = site.value;
  if (s.maxItems !== undefined && Array.isArray(items)) {
    // One item more than allowed, copies of those there are.
    candidates.push(
      Array.from({ length: s.maxItems + 1 }, (_, i) => (items.length ? items[i % items.length] : null)),
    );
  }
  if (s.minItems !== undefined && s.minItems > 0) candidates.push([]);
  return candidates.length > 0 ? at(candidates, n) : at(WRONG_TYPES, n);
}

function mutate(
  value: unknown,
  schema: JsonSchema | null,
  mutation: Mutation,
  a: number,
  b: number,
): unknown {
  const sites = sitesOf(value, schema ?? undefined);
  const pick = (filter: (s: Site) => boolean) => {
    const matching = sites.filter(filter);
    return matching.length > 0 ? at(matching, a) : at(sites, a);
  };
  switch (mutation) {
    case 'none':
      return value;
    case 'wrongType':
      return replaceAt(value, pick(() => true).path, () => at(WRONG_TYPES, b));
    case 'dropKey': {
      const site = pick((s) => isObject(s.value) && Object.keys(s.value).length > 0);
      return replaceAt(value, site.path, (current) => {
        if (!isObject(current)) return current;
        const required = (site.schema?.required ?? []).filter((k) => k in current);
        const key = at(required.length > 0 ? required : Object.keys(current), b);
        const { [key]: _dropped, ...rest } = current;
        return rest;
      });
    }
    case 'extraKey': {
      const site = pick((s) => isObject(s.value));
      return replaceAt(value, site.path, (current) =>
        isObject(current) ? withKey(current, at(EXTRA_KEYS, b), at(WRONG_TYPES, a)) : current,
      );
    }
    case 'hugeString': {
      const site = pick((s) => typeof s.value === 'string');
      return replaceAt(value, site.path, () => at(HUGE_UNITS, a).repeat(at(HUGE_LENGTHS, b)));
    }
    case 'trickyString': {
      const site = pick((s) => typeof s.value === 'string');
      const tricky = at(TRICKY_STRINGS, b);
      // Alone, or inside an otherwise valid string.
      return replaceAt(value, site.path, (current) =>
        typeof current === 'string' && b % 2 === 0
          ? `${current.slice(0, 3)}${tricky}${current.slice(3)}`
          : tricky,
      );
    }
    case 'oddNumber': {
      const site = pick((s) => typeof s.value === 'number');
      return replaceAt(value, site.path, () => at(ODD_NUMBERS, b));
    }
    case 'boundary': {
      const site = pick((s) => s.schema !== undefined && s.path.length > 0);
      return replaceAt(value, site.path, () => pastBoundary(site, b));
    }
  }
}

// ---- requests ---------------------------------------------------------------------------------

const ENCODINGS = [
  'json',
  'malformedJson',
  'wrongContentType',
  'noBody',
  'notAnObject',
  'multipart',
] as const;
type Encoding = (typeof ENCODINGS)[number];

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/octet-stream',
  'multipart/form-data',
  'application/json; charset=latin1',
  'application/json-patch+json',
  'text/csv',
];

/** One HTTP exchange, whatever carries it (app.inject, fetch). */
export interface HttpRequest {
  method: 'GET' | WriteOperation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface HttpResponse {
  status: number;
  body: string;
  /** What the server knows of a failure (its error's stack), when the transport can tell. */
  detail?: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface FuzzRequest extends HttpRequest {
  operation: string;
  /** The actor's name (the runner adds its session's headers). */
  actor: string;
  method: WriteOperation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** How the request was made: the mutation and the encoding. */
  variant: string;
}

function malformed(text: string, n: number): string {
  const forms = [
    text.slice(0, Math.max(1, n % Math.max(1, text.length))),
    `${text}}`,
    `${text},`,
    '{"a":}',
    "{'single': 'quotes'}",
    'NaN',
    '\ufeff{}',
    '{"a":1,"a":2,',
    '[',
    '\u0000',
    '{"a":"\\ud800"}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
  ];
  return at(forms, n);
}

function encode(value: unknown, encoding: Encoding, n: number): Pick<FuzzRequest, 'headers' | 'payload'> {
  const json = JSON.stringify(value) ?? 'null';
  switch (encoding) {
    case 'json':
      return { headers: { 'content-type': 'application/json' }, payload: json };
    case 'malformedJson':
      return { headers: { 'content-type': 'application/json' }, payload: malformed(json, n) };
    case 'wrongContentType':
      return { headers: { 'content-type': at(WRONG_CONTENT_TYPES, n) }, payload: json };
    case 'noBody':
      return { headers: {} };
    case 'notAnObject':
      return {
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(at([[], null, 42, 'text', true, [value]], n)),
      };
    case 'multipart': {
      // The body's top-level values as form fields, and a file (uploads take one).
      const fields = Object.fromEntries(
        Object.entries(isObject(value) ? value : {}).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      );
      const files = [
        { name: 'quittance.txt', type: 'text/plain', content: 'Quittance de loyer' },
        { name: 'scan.pdf', type: 'application/pdf', content: '%PDF-1.4 not really' },
        {
          name: at(TRICKY_STRINGS, n) || 'x',
          type: 'application/octet-stream',
          content: Buffer.from([0, 1, 2, 255]),
        },
        { name: 'vide.txt', type: 'text/plain', content: '' },
      ];
      const form = multipartForm(fields, at(files, n), `fuzz${n}`);
      return { headers: form.headers, payload: form.payload };
    }
  }
}

function pathParamValue(op: WriteOperation, param: OpenApiParameter, ids: KnownIds): fc.Arbitrary<string> {
  const own = ids[collectionOf(op.path, param.name)] ?? [];
  const every = Object.values(ids).flat();
  const options: fc.WeightedArbitrary<string>[] = [
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.constantFrom(...NON_UUIDS), weight: 1 },
  ];
  if (own.length > 0) options.push({ arbitrary: fc.constantFrom(...own), weight: 6 });
  if (every.length > 0) options.push({ arbitrary: fc.constantFrom(...every), weight: 1 });
  return fc.oneof(...options);
}

function queryValue(param: OpenApiParameter, ids: readonly string[]): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    {
      arbitrary: validValue(param.schema, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      weight: 4,
    },
    { arbitrary: fc.constantFrom(...TRICKY_STRINGS, ...NON_UUIDS), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** A request the API accepted: its body, mutated, reaches further than one made from the schema alone. */
export interface FuzzExample {
  method: WriteOperation['method'];
  url: string;
  body: unknown;
}

/** The bodies of the examples sent to an operation's path. */
export function examplesOf(op: WriteOperation, examples: readonly FuzzExample[]): unknown[] {
  const path = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`);
  return examples.filter((e) => e.method === op.method && path.test(e.url)).map((e) => e.body);
}

/**
 * Requests for one operation: each a body — valid-ish from the schema, or one of the examples — with
 * one mutation and one encoding.
 */
export function requestArbitrary(
  op: WriteOperation,
  ids: KnownIds,
  actors: readonly string[],
  examples: readonly unknown[] = [],
): fc.Arbitrary<FuzzRequest> {
  const every = Object.values(ids).flat();
  const pathValues = fc.tuple(...op.pathParams.map((p) => pathParamValue(op, p, ids)));
  const queryValues = fc.tuple(...op.queryParams.map((p) => queryValue(p, every)));
  const fromSchema = op.body ? validValue(op.body, every) : fc.constant({});
  const body = examples.length > 0 ? fc.oneof(fromSchema, fc.constantFrom(...examples)) : fromSchema;
  const mutation = fc.oneof(
    { arbitrary: fc.constant<Mutation>('none'), weight: 4 },
    { arbitrary: fc.constantFrom(...MUTATIONS), weight: 6 },
  );
  // A body-less operation gets no body mostly, a JSON-bodied one JSON mostly.
  const encoding = op.body
    ? fc.oneof(
        { arbitrary: fc.constant<Encoding>('json'), weight: 6 },
        { arbitrary: fc.constantFrom(...ENCODINGS), weight: 3 },
      )
    : fc.oneof(
        { arbitrary: fc.constant<Encoding>('noBody'), weight: 3 },
        { arbitrary: fc.constantFrom(...ENCODINGS), weight: 2 },
      );
  return fc
    .record({
      actor: fc.constantFrom(...actors),
      pathValues,
      queryValues,
      body,
      mutation,
      encoding,
      a: fc.nat(),
      b: fc.nat(),
    })
    .map((r) => {
      let path = op.path;
      op.pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, encodeURIComponent(r.pathValues[i]!));
      });
      const query = new URLSearchParams();
      op.queryParams.forEach((p, i) => {
        const v = r.queryValues[i];
        if (v !== undefined) query.append(p.name, v);
      });
      const search = query.size > 0 ? `?${query}` : '';
      const value = mutate(r.body, op.body, r.mutation, r.a, r.b);
      return {
        operation: op.key,
        actor: r.actor,
        method: op.method,
        url: `${path}${search}`,
        ...encode(value, r.encoding, r.b),
        variant: `${r.mutation}/${r.encoding}`,
      };
    });
}

// ---- running ----------------------------------------------------------------------------------

/** Who sends: its session's headers, and a new session when the fuzz ended it (sign-out, logout-all). */
export interface FuzzActor {
  name: string;
  headers(): Record<string, string>;
  /** Checks the session and opens a new one if it has ended: true when it did. */
  renewIfEnded(): Promise<boolean>;
}

/** What the fuzz acts as and on: the actors, the ids of existing objects, the writes that made them. */
export interface FuzzWorld {
  actors: FuzzActor[];
  ids: KnownIds;
  /** The writes that made the world, for the fuzz to mutate. */
  examples: FuzzExample[];
}

export interface FuzzFailure {
  operation: string;
  actor: string;
  variant: string;
  method: string;
  url: string;
  requestBody: string;
  status: number;
  responseBody: string;
  detail?: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  statuses: Record<string, number>;
  byOperation: Record<string, { requests: number; statuses: Record<string, number> }>;
  byActor: Record<string, Record<string, number>>;
  /** Requests answered ≥ 500, or not answered at all (status 0). */
  failures: FuzzFailure[];
  sessionsRenewed: number;
}

const excerpt = (payload: string | Buffer | undefined, max = 500) => {
  if (payload === undefined) return '';
  const text = typeof payload === 'string' ? payload : payload.toString('latin1');
  // JSON.stringify shows NUL and control characters for what they are.
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length})` : text);
  return shown.slice(1, -1);
};

/** A stable 32-bit hash (FNV-1a), so that each operation's requests depend on the seed and itself only. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const count = (histogram: Record<string, number>, status: number) => {
  histogram[status] = (histogram[status] ?? 0) + 1;
};

/**
 * Sends `runsPerOperation` requests to each operation, one at a time, as the actors the generator
 * picks. A 401 may mean that an earlier request ended the actor's session (sign-out): then it gets a
 * new one and the request is sent once more.
 */
export async function runFuzz(options: {
  operations: readonly WriteOperation[];
  world: FuzzWorld;
  runsPerOperation: number;
  seed: number;
  send: Transport;
  onOperation?: (operation: string, done: number) => void;
}): Promise<FuzzReport> {
  const { ids, examples } = options.world;
  const actors = new Map(options.world.actors.map((a) => [a.name, a]));
  const report: FuzzReport = {
    seed: options.seed,
    requests: 0,
    statuses: {},
    byOperation: {},
    byActor: {},
    failures: [],
    sessionsRenewed: 0,
  };
  for (const [index, op] of options.operations.entries()) {
    const arbitrary = requestArbitrary(op, ids, [...actors.keys()], examplesOf(op, examples));
    const requests = fc.sample(arbitrary, {
      seed: (options.seed ^ hash(op.key)) | 0,
      numRuns: options.runsPerOperation,
    });
    const tally = (report.byOperation[op.key] = { requests: 0, statuses: {} });
    for (const request of requests) {
      const actor = actors.get(request.actor)!;
      const sendAs = () => options.send({ ...request, headers: { ...actor.headers(), ...request.headers } });
      let response = await sendAs();
      if (response.status === 401 && (await actor.renewIfEnded())) {
        report.sessionsRenewed++;
        response = await sendAs();
      }
      report.requests++;
      tally.requests++;
      count(tally.statuses, response.status);
      count(report.statuses, response.status);
      count((report.byActor[request.actor] ??= {}), response.status);
      if (response.status >= 500 || response.status === 0) {
        report.failures.push({
          operation: op.key,
          actor: request.actor,
          variant: request.variant,
          method: request.method,
          url: request.url,
          requestBody: excerpt(request.payload),
          status: response.status,
          responseBody: excerpt(response.body),
          ...(response.detail ? { detail: response.detail } : {}),
        });
      }
    }
    options.onOperation?.(op.key, index + 1);
  }
  return report;
}
