import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph of src/, read from the code itself, for the architecture test and the module
 * graph drawn in docs/ARCHITECTURE.md.
 */
export const ROOT = resolve(import.meta.dirname, '../..');

export type Part = 'kernel' | 'shared' | 'db' | 'demo' | 'app' | `module:${string}`;

export interface ImportEdge {
  from: string;
  to: string;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

/** Every relative import between the non-test source files of src/, as paths relative to the root. */
export function importEdges(): ImportEdge[] {
  const files = sourceFiles(join(ROOT, 'src'));
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({
      from: relative(ROOT, file),
      to: relative(ROOT, resolve(dirname(file), m[1] ?? m[2]!)),
    })),
  );
}

/** Which part of the architecture a file belongs to. */
export function partOf(path: string): Part {
  const [, top, name] = path.split('/');
  if (top === 'modules') return `module:${name}`;
  if (top === 'kernel' || top === 'shared' || top === 'db' || top === 'demo') return top;
  return 'app';
}

/** Module → the modules it imports, sorted. */
export function moduleGraph(edges: ImportEdge[] = importEdges()): Map<string, string[]> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = partOf(from);
    const b = partOf(to);
    if (!a.startsWith('module:')) continue;
    const set = graph.get(a.slice(7)) ?? new Set<string>();
    graph.set(a.slice(7), set);
    if (b.startsWith('module:') && b !== a) set.add(b.slice(7));
  }
  return new Map([...graph].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}

/** A cycle of modules, if any (depth-first search). */
export function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** The module graph as the Mermaid block of docs/ARCHITECTURE.md. */
export function mermaidModuleGraph(graph: Map<string, string[]>): string {
  const lines = ['flowchart BT'];
  for (const [module, deps] of graph) {
    if (deps.length === 0) lines.push(`  ${module}`);
    for (const dep of deps) lines.push(`  ${module} --> ${dep}`);
  }
  return lines.join('\n');
}
