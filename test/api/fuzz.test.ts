import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildFuzzWorld, fuzzedOperations } from '../helpers/fuzz-world.ts';
import {
  collectionOf,
  runFuzz,
  writeOperations,
  type FuzzWorld,
  type OpenApiDocument,
  type Transport,
  type WriteOperation,
} from '../helpers/openapi-fuzz.ts';
import { ALL_ROUTES } from '../../src/shared/routes/index.ts';

/** Fixed, so that a failure here is the same on the next run (the bench takes BENCH_FUZZ_SEED). */
const SEED = 20_261_206;
const RUNS_PER_OPERATION = 5;

/**
 * A small fuzz of every write operation of the OpenAPI document (the bench runs a large one:
 * `npm run bench:fuzz`): whatever the body, parameters or encoding, the answer is below 500.
 */
describe('fuzz of the write operations', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let operations: WriteOperation[];

  const send: Transport = async (request) => {
    const res = await t.app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    return { status: res.statusCode, body: res.body };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const doc = await send({ method: 'GET', url: '/api/docs/json', headers: {} });
    operations = writeOperations(JSON.parse(doc.body) as OpenApiDocument);
    world = await buildFuzzWorld(t.deps, send);
  });
  afterAll(() => t.close());

  it('finds in the document every write route of the contracts, and ids for every path parameter', () => {
    const documented = operations.map((op) => op.key).sort();
    const declared = ALL_ROUTES.filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual(declared);
    const missing = operations.flatMap((op) =>
      op.pathParams
        .map((p) => collectionOf(op.path, p.name))
        .filter((collection) => !world.ids[collection]?.length)
        .map((collection) => `${op.key}: ${collection}`),
    );
    expect(missing).toEqual([]);
  });

  it('answers every request below 500, on every write operation but the named exclusions', async () => {
    const fuzzed = fuzzedOperations(operations);
    console.log(
      `fuzz: seed ${SEED}, ${RUNS_PER_OPERATION} requests per operation, ${fuzzed.length} operations`,
    );
    const report = await runFuzz({
      operations: fuzzed,
      world,
      runsPerOperation: RUNS_PER_OPERATION,
      seed: SEED,
      send,
    });
    console.log(JSON.stringify(report.statuses), `sessions renewed: ${report.sessionsRenewed}`);
    expect(report.failures).toEqual([]);
    expect(Object.keys(report.byOperation).sort()).toEqual(fuzzed.map((op) => op.key).sort());
    for (const [key, tally] of Object.entries(report.byOperation)) {
      expect(tally.requests, key).toBe(RUNS_PER_OPERATION);
    }
    // Every actor's requests went through (its session worked): some were accepted.
    for (const actor of world.actors) {
      const statuses = Object.keys(report.byActor[actor.name] ?? {}).map(Number);
      expect(
        statuses.some((s) => s >= 200 && s < 300),
        actor.name,
      ).toBe(true);
    }
  }, 120_000);
});
