import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../src/shared/routes/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { AUDIT_ACTIONS } from '../../src/shared/audit/actions.ts';
import {
  ROOT,
  findCycle,
  importEdges,
  mermaidModuleGraph,
  moduleGraph,
  partOf,
  sourceFiles,
} from './module-graph.ts';

/**
 * The architecture as docs/ARCHITECTURE.md states it, checked against the code: the kernel imports
 * no module, modules meet only through their front door and never in a circle, the documented
 * module graph is the real one, and every route is declared once as a contract — the ones that
 * reach a household saying so, for the access matrix.
 */
describe('architecture', () => {
  const edges = importEdges();

  it('keeps the kernel free of modules', () => {
    const intoModules = edges.filter(
      (e) => partOf(e.from) === 'kernel' && partOf(e.to).startsWith('module:'),
    );
    expect(intoModules).toEqual([]);
  });

  it('lets modules meet only through their index.ts or schema.ts', () => {
    const deep = edges.filter((e) => {
      const [from, to] = [partOf(e.from), partOf(e.to)];
      return to.startsWith('module:') && from !== to && !/\/(index|schema)\.ts$/.test(e.to);
    });
    expect(deep).toEqual([]);
  });

  it('has no circle between modules', () => {
    expect(findCycle(moduleGraph(edges))).toBeNull();
  });

  it('documents the module graph as it is', () => {
    const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const block = /```mermaid\n(flowchart BT\n[\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block, 'docs/ARCHITECTURE.md has a "flowchart BT" module graph').toBeDefined();
    expect(block).toBe(mermaidModuleGraph(moduleGraph(edges)));
  });

  it('declares every route that reaches a household or one of its parts as household-scoped', () => {
    // A path through a household, a diagnostic or a referral names its record by a parameter.
    const reaching = ALL_ROUTES.filter((r) => /^\/api\/(households|diagnostics|referrals)\/:/.test(r.path));
    const undeclared = reaching.filter((r) => !r.household).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('names in French every action it writes to the audit log', () => {
    const written = new Set(
      sourceFiles(join(ROOT, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!),
      ),
    );
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
  });

  describe('route contracts', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('registers every contract once and no API route without one', () => {
      const openApi = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const served = Object.entries(openApi.paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((m) => m !== 'head')
          .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      const declared = ALL_ROUTES.map((r) => `${r.method} ${r.path}`);
      expect(new Set(declared).size).toBe(declared.length);
      expect(served.filter((r) => r.includes('/api/') && !r.includes('/api/docs')).sort()).toEqual(
        [...declared].sort(),
      );
    });
  });
});
