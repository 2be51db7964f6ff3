// Shared by fix-property.test.ts and `node --import tsx test/unit/code-actions/fix-property.ts [dir]` (counts per
// style): rewrites manifests in block, flow and JSON style, applies every offered quick fix one at a time and
// says which ones leave unparsable YAML, merge or split documents, or bring an error code that was not there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isCollection, isScalar, parseAllDocuments, visit, type Document, type Scalar } from 'yaml';
import { codeActions } from '../../../server/src/core/features/code-actions';
import { parseManifest, type ManifestFile } from '../../../server/src/core/parse/manifest';
import { diagnosticsAt } from '../../../server/src/lsp/code-actions';
import { toCrlf } from '../helpers';
import { URI, diagnosticsOf, service, settingsFor } from './harness';

export interface Style {
  name: string;
  rewrite(text: string): string | undefined;
}

const documentsOf = (text: string): Document[] | undefined => {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.some((d) => d.errors.length > 0)) return undefined;
  return documents.filter((d) => d.contents !== null);
};

/** Each document written by `write`, joined as a YAML stream. */
function rewriteDocuments(text: string, write: (document: Document) => string): string | undefined {
  const documents = documentsOf(text);
  if (!documents || documents.length === 0) return undefined;
  return documents.map((d) => `---\n${write(d).replace(/\n?$/, '\n')}`).join('');
}

/** Collections from `depth` down become flow collections (`{…}`, `[…]`); depth 0 is the document. */
function flowFrom(document: Document, depth: number): Document {
  const copy = document.clone();
  visit(copy, {
    Collection(_, node, path) {
      const level = path.filter((p) => isCollection(p)).length;
      if (level >= depth) node.flow = true;
    },
  });
  return copy;
}

/**
 * Real files repeat values (a label in metadata, selector and template): the first becomes an anchor, later ones
 * aliases, so fixes that move or copy nodes meet aliases whose anchor must stay above them.
 */
function withAnchors(document: Document): Document {
  const copy = document.clone();
  const first = new Map<string, Scalar>();
  let anchors = 0;
  visit(copy, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== 'string' || value.value.length < 3) return;
      const known = first.get(value.value);
      if (!known) {
        first.set(value.value, value);
        return;
      }
      known.anchor ??= `a${++anchors}`;
      pair.value = copy.createAlias(known);
    },
  });
  return copy;
}

const json = (indent: number) => (document: Document) => JSON.stringify(document.toJS({ maxAliasCount: -1 }), null, indent);

export const STYLES: readonly Style[] = [
  { name: 'block, 2 spaces', rewrite: (t) => rewriteDocuments(t, (d) => d.toString({ indent: 2, lineWidth: 0 })) },
  { name: 'block, 4 spaces, CRLF', rewrite: (t) => mapText(rewriteDocuments(t, (d) => d.toString({ indent: 4, indentSeq: false, lineWidth: 0 })), toCrlf) },
  { name: 'block with anchors and aliases', rewrite: (t) => rewriteDocuments(t, (d) => withAnchors(d).toString({ indent: 2, lineWidth: 0 })) },
  { name: 'flow below the top level, 4 spaces, CRLF', rewrite: (t) => mapText(rewriteDocuments(t, (d) => flowFrom(d, 1).toString({ indent: 4 })), toCrlf) },
  { name: 'flow throughout, 2 spaces', rewrite: (t) => rewriteDocuments(t, (d) => flowFrom(d, 0).toString({ indent: 2 })) },
  { name: 'JSON, 2 spaces', rewrite: (t) => rewriteDocuments(t, json(2)) },
  { name: 'JSON, 4 spaces, CRLF', rewrite: (t) => mapText(rewriteDocuments(t, json(4)), toCrlf) },
];

function mapText(text: string | undefined, f: (t: string) => string): string | undefined {
  return text === undefined ? undefined : f(text);
}

export interface FixFailure {
  file: string;
  style: string;
  code: string;
  title: string;
  problem: string;
}

export interface StyleCount {
  files: number;
  applied: number;
  failures: FixFailure[];
}

const settings = settingsFor();
/**
 * Fixes that make a document checkable at all: rules do not run on an apiVersion the target does not serve, so
 * what they find after the fix was in the file before (a privileged container stays privileged); schema errors
 * of the new version still count as introduced.
 */
const REVEALS_RULE_FINDINGS = new Set(['removed-api-version', 'api-version-not-served-yet']);
const isError = (d: Diagnostic) => d.severity === 1;
const YAML_PROBLEM = new Set(['yaml-syntax', 'duplicate-key', 'alias-limit', 'nesting-limit']);

function errorCounts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics.filter(isError)) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

/** What is wrong with `after` (the text once one fix is applied), or undefined. */
function problemOf(before: ManifestFile, beforeDiagnostics: readonly Diagnostic[], fixedCode: string, after: string): string | undefined {
  const file = parseManifest(after);
  const broken = file.slots.flatMap((s) => s.document.problems.map((p) => `${p.code}: ${p.message}`));
  if (broken.length > 0) return `unparsable YAML: ${broken[0]}`;
  if (file.slots.length !== before.slots.length) return `${before.slots.length} documents became ${file.slots.length}`;
  const diagnostics = diagnosticsOf(file, settings);
  const yaml = diagnostics.find((d) => YAML_PROBLEM.has(String(d.code)));
  if (yaml) return `${yaml.code}: ${yaml.message}`;
  const was = errorCounts(beforeDiagnostics);
  const ruleIds = new Set(service().rules.map((r) => r.id));
  for (const [code, count] of errorCounts(diagnostics)) {
    if (REVEALS_RULE_FINDINGS.has(fixedCode) && ruleIds.has(code)) continue;
    if (code !== fixedCode && count > (was.get(code) ?? 0)) {
      const added = diagnostics.filter((d) => isError(d) && d.code === code).map((d) => d.message);
      const old = new Set(beforeDiagnostics.filter((d) => d.code === code).map((d) => d.message));
      return `new ${code}: ${added.find((m) => !old.has(m)) ?? added[0]}`;
    }
  }
  return undefined;
}

/** Applies every quick fix offered for every diagnostic of `text`, one at a time, each to the original text. */
export function checkFixes(text: string, label: { file: string; style: string }): { applied: number; failures: FixFailure[] } {
  const file = parseManifest(text);
  const diagnostics = diagnosticsOf(file, settings);
  const failures: FixFailure[] = [];
  const seen = new Set<string>();
  let applied = 0;
  for (const diagnostic of diagnostics) {
    const [at] = diagnosticsAt(file.lineIndex, [diagnostic]);
    const result = codeActions(service(), file, { start: at.start, end: at.end }, [at], settings, { uri: URI, only: ['quickfix'] });
    for (const failure of result.failures) failures.push({ ...label, code: failure.code, title: '(threw)', problem: String(failure.error) });
    for (const action of result.actions) {
      const edits = action.edit?.changes?.[URI];
      if (!edits || edits.length === 0) continue;
      const key = JSON.stringify(edits);
      if (seen.has(key)) continue;
      seen.add(key);
      applied++;
      const after = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
      const problem = problemOf(file, diagnostics, String(diagnostic.code), after);
      if (problem) failures.push({ ...label, code: String(diagnostic.code), title: action.title, problem });
    }
  }
  return { applied, failures };
}

export function yamlFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Every file in every style: per style, how many files took part, how many fixes were applied, which failed. */
export function checkCorpus(files: readonly string[], root: string): Map<string, StyleCount> {
  const counts = new Map<string, StyleCount>(STYLES.map((s) => [s.name, { files: 0, applied: 0, failures: [] }]));
  for (const name of files) {
    const original = fs.readFileSync(name, 'utf8');
    for (const style of STYLES) {
      const text = style.rewrite(original);
      if (text === undefined) continue;
      const count = counts.get(style.name);
      if (!count) continue;
      const result = checkFixes(text, { file: path.relative(root, name), style: style.name });
      count.files++;
      count.applied += result.applied;
      count.failures.push(...result.failures);
    }
  }
  return counts;
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? '/work/shared/corpus');
  const started = performance.now();
  const counts = checkCorpus(yamlFilesUnder(root), root);
  for (const [style, count] of counts) {
    console.log(`${style.padEnd(42)} files ${String(count.files).padStart(3)}  fixes applied ${String(count.applied).padStart(5)}  failed ${count.failures.length}`);
  }
  const byKind = new Map<string, number>();
  for (const count of counts.values()) for (const f of count.failures) byKind.set(`${f.code} | ${f.problem.slice(0, 90)}`, (byKind.get(`${f.code} | ${f.problem.slice(0, 90)}`) ?? 0) + 1);
  for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(5), kind);
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}
