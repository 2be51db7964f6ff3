import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './helpers';

/**
 * The shape of the code, checked from its import statements: no circle between files or between folders anywhere
 * in server/src and client/src, and in the core the layers point one way (model/ below rules/ and features/;
 * rules/ never reaches into features/).
 */
const coreDir = path.join(repoRoot, 'server', 'src', 'core');
/** The source trees the circle checks cover; the core is one of them, so its top-level files are units of their own. */
const SOURCE_ROOTS = ['server/src/core', 'server/src', 'client/src'].map((root) => path.join(repoRoot, root));

const specifier = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;

/** Every .ts file under `dir`. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !/[\\/](out|generated)[\\/]/.test(path.relative(repoRoot, file)));
}

/** file (relative to `base`, without .ts) -> the files it imports inside `within` (type-only imports too). */
function importGraph(files: readonly string[], base: string, within: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const match of fs.readFileSync(file, 'utf8').matchAll(specifier)) {
      const resolved = resolveModule(path.resolve(path.dirname(file), match[1]));
      if (resolved && within.some((root) => resolved.startsWith(root + path.sep))) targets.push(moduleId(resolved, base));
    }
    graph.set(moduleId(file, base), targets);
  }
  return graph;
}

/** core-relative file (without .ts) -> the core-relative files it imports. */
function coreImports(): Map<string, string[]> {
  return importGraph(sourceFiles(coreDir), coreDir, [coreDir]);
}

/** repo-relative file (without .ts) -> the repo-relative files it imports, over server/src and client/src. */
function sourceImports(): Map<string, string[]> {
  const roots = SOURCE_ROOTS.slice(1);
  return importGraph(roots.flatMap(sourceFiles), repoRoot, roots);
}

function resolveModule(base: string): string | undefined {
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function moduleId(file: string, base: string): string {
  return path.relative(base, file).replace(/\\/g, '/').replace(/\.ts$/, '');
}

/**
 * The unit a module belongs to for the folder check (`rules`, `features/topology`, `server/src/lsp`): its folder;
 * a file directly in a source root (server.ts, protocol.ts, a top-level file of the core) is a unit of its own.
 */
function folderOf(id: string): string {
  const slash = id.lastIndexOf('/');
  if (slash < 0) return id;
  const folder = id.slice(0, slash);
  return SOURCE_ROOTS.some((root) => moduleId(root, repoRoot) === folder) ? id : folder;
}

/** The first circle found in a graph, as the list of nodes round it; undefined when there is none. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

/**
 * Folders whose files import each other are one unit: a folder imports the folders beside it, and a parent folder
 * is the entry of its subfolders (features/code-actions.ts next to features/code-actions/), so a subfolder importing
 * its parent's shared files is not counted as a circle between the two.
 */
function folderGraph(files: Map<string, string[]>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [from, targets] of files) {
    const source = folderOf(from);
    for (const target of targets) {
      const destination = folderOf(target);
      if (destination === source || source.startsWith(`${destination}/`) || destination.startsWith(`${source}/`)) continue;
      if (!graph.has(source)) graph.set(source, new Set());
      graph.get(source)?.add(destination);
    }
  }
  return graph;
}

/**
 * Folder edges that close a known circle, each with the work that removes it. The test fails when one of them
 * disappears, so the allowance goes with the circle.
 */
const KNOWN_FOLDER_EDGES: readonly { from: string; to: string; why: string }[] = [];

describe('source architecture: server/src and client/src', () => {
  const files = sourceImports();

  it('reads both trees and the imports between them', () => {
    assert.ok((files.get('server/src/lsp/commands') ?? []).includes('server/src/protocol'), 'lsp imports the protocol module');
    assert.ok([...files.keys()].some((id) => id.startsWith('client/src/')), 'client files are read');
    assert.ok([...files.values()].some((targets) => targets.includes('server/src/protocol')), 'the client imports the protocol module');
  });

  it('has no circular import between files', () => {
    const graph = new Map([...files].map(([from, targets]) => [from, new Set(targets)]));
    assert.deepEqual(findCycle(graph), undefined);
  });

  it('has no circular import between folders', () => {
    assert.deepEqual(findCycle(folderGraph(files)), undefined);
  });
});

describe('core architecture', () => {
  const files = coreImports();

  it('reads the core: the graph has the files this test is about', () => {
    assert.ok(files.has('model/pod'), 'model/pod.ts exists');
    assert.ok((files.get('rules/image-tag') ?? []).includes('model/pod'), 'import statements are read');
  });

  it('has no circular import between files', () => {
    const graph = new Map([...files].map(([from, targets]) => [from, new Set(targets)]));
    assert.deepEqual(findCycle(graph), undefined);
  });

  it('has no circular import between folders', () => {
    const graph = folderGraph(files);
    for (const known of KNOWN_FOLDER_EDGES) {
      assert.ok(graph.get(known.from)?.has(known.to), `${known.from} -> ${known.to} is gone: drop it from KNOWN_FOLDER_EDGES (${known.why})`);
      graph.get(known.from)?.delete(known.to);
    }
    assert.deepEqual(findCycle(graph), undefined);
  });

  it('stacks its top-level folders as layers: no circle even when a folder and its subfolders count as one', () => {
    // workspace/ (index and kustomize engine) sits below rules/ and features/; what the editor does with a
    // kustomization lives in features/kustomize/, so the engine never imports features/ or codes/.
    const layer = (id: string): string => id.split('/')[0] ?? id;
    const graph = new Map<string, Set<string>>();
    for (const [from, targets] of files) {
      for (const target of targets) {
        if (layer(from) === layer(target)) continue;
        const edges = graph.get(layer(from)) ?? new Set<string>();
        edges.add(layer(target));
        graph.set(layer(from), edges);
      }
    }
    assert.deepEqual(findCycle(graph), undefined);
  });

  it('keeps the layers pointing down: model below rules and features, rules never importing features', () => {
    const wrong: string[] = [];
    for (const [from, targets] of files) {
      for (const target of targets) {
        const upward =
          (from.startsWith('model/') && /^(rules|features)\//.test(target)) ||
          (from.startsWith('parse/') && /^(model|rules|features)\//.test(target)) ||
          (from.startsWith('rules/') && target.startsWith('features/')) ||
          (from.startsWith('features/') && target.startsWith('rules/support/'));
        if (upward) wrong.push(`${from} -> ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has no rules/support or sidecars folder any more: container, mount and image helpers live in model/', () => {
    for (const folder of ['rules/support', 'sidecars']) assert.equal(fs.existsSync(path.join(coreDir, folder)), false, folder);
  });

  it('imports nothing from the LSP layer, the CLI, the client or the server entry', () => {
    const outside: string[] = [];
    for (const id of files.keys()) {
      const file = path.join(coreDir, `${id}.ts`);
      for (const match of fs.readFileSync(file, 'utf8').matchAll(specifier)) {
        const target = path.resolve(path.dirname(file), match[1]);
        // The snippet data (snippets/*.json) is bundled data, not code.
        if (!target.startsWith(coreDir + path.sep) && !target.endsWith('.json')) outside.push(`${id} -> ${path.relative(repoRoot, target)}`);
      }
    }
    assert.deepEqual(outside, []);
  });
});

/** Source files over this many lines are split (developers' guide); there are no exceptions. */
const MAX_LINES = 450;

describe('source files', () => {
  it(`have at most ${MAX_LINES} lines`, () => {
    const roots = ['server/src', 'client/src', 'scripts', 'test'];
    const long: string[] = [];
    for (const root of roots) {
      for (const entry of fs.readdirSync(path.join(repoRoot, root), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(ts|mjs)$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
        const file = path.relative(repoRoot, path.join(entry.parentPath, entry.name)).replace(/\\/g, '/');
        if (/(^|\/)(fixtures|generated|out)\//.test(file)) continue;
        const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
        const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        if (lines > MAX_LINES) long.push(file);
      }
    }
    assert.deepEqual(long, []);
  });
});
