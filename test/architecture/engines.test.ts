import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from './module-graph.ts';

interface LockedPackage {
  engines?: { node?: string } | string[];
}

/**
 * `engines` tells the truth: every Node version our range admits is one that each installed
 * package (as locked, dev and optional ones included) declares it runs on — so `npm ci` never warns
 * EBADENGINE on a version we claim to support. Overrides in package.json pin the few transitive
 * packages whose latest release dropped Node 20.
 */
describe('engines', () => {
  const ours = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    }
  ).engines.node;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };

  it('admits Node 20 and the current LTS', () => {
    expect(semver.satisfies('20.19.0', ours)).toBe(true);
    expect(semver.satisfies('24.0.0', ours)).toBe(true);
    expect(semver.satisfies(process.versions.node, ours)).toBe(true);
  });

  it('claims no Node version that an installed package refuses', () => {
    const refusing = Object.entries(lock.packages).flatMap(([path, pkg]) => {
      const node = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
      return node && !semver.subset(ours, node) ? [`${path} (node ${node})`] : [];
    });
    expect(refusing).toEqual([]);
  });
});
