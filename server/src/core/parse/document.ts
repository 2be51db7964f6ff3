import { isMap, type Document, type Node } from 'yaml';
import { findDuplicateKeys } from './duplicate-keys';
import { parseLikeGoYaml } from './go-yaml-compat';
import { LineIndex } from './line-index';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from './nesting';
import { asMap, getPair, resolveAliases, scalarText, type MapNode, type Span } from './nodes';

/** A YAML syntax problem inside one document chunk. */
export interface YamlProblem extends Span {
  code: 'yaml-syntax' | 'duplicate-key' | 'alias-limit' | 'nesting-limit';
  message: string;
}

/** The most aliases a document may expand before we stop: bounds "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 1000;

/** How every document (and every block the incremental parse re-reads, parse/incremental.ts) is parsed. */
export function parseYaml(text: string): Document.Parsed {
  return parseLikeGoYaml(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: true, logLevel: 'error' });
}

/**
 * A document's tree built elsewhere from its text, exactly as a parse of the text would build it, with no
 * problems (its aliases already linked to their anchors): parse/incremental.ts, which re-parses only the edited block of the previous version.
 * `value` gives the plain data without converting the whole tree again.
 */
export interface PrebuiltTree {
  yaml: Document.Parsed;
  value: () => unknown;
  /** The anchored nodes of the tree in document order, when it has aliases (ParsedDocument.anchored). */
  anchored?: readonly Node[];
}

/**
 * One parsed `---` document. Offsets are relative to the start of its chunk so the parse can be reused,
 * unchanged, when an edit elsewhere in the file shifts the chunk.
 */
export class ParsedDocument {
  readonly yaml: Document.Parsed;
  readonly problems: YamlProblem[];
  readonly root: MapNode | undefined;
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  /** `{{ ... }}` template markers (Helm, kustomize-less generators): YAML is checked only where it parses. */
  readonly templated: boolean;
  /** Whether the tree holds an alias (`*name`). */
  readonly hasAliases: boolean;
  /** With aliases: every anchored node (`&name`), in document order (parse/incremental.ts links an entry's aliases to them). */
  readonly anchored: readonly Node[];
  private valueCache: { value: unknown; problem?: YamlProblem } | undefined;
  private readonly prebuiltValue: (() => unknown) | undefined;
  private linesCache: LineIndex | undefined;

  constructor(
    readonly text: string,
    prebuilt?: PrebuiltTree,
  ) {
    this.templated = isTemplated(text);
    if (prebuilt) {
      this.yaml = prebuilt.yaml;
      this.problems = [];
      this.anchored = prebuilt.anchored ?? [];
      this.hasAliases = !!prebuilt.anchored;
      this.prebuiltValue = prebuilt.value;
      ({ root: this.root, apiVersion: this.apiVersion, kind: this.kind } = rootOf(this.yaml));
      return;
    }
    const tooDeep = findExcessiveNesting(text);
    // Too deep to parse safely (the parser recurses per level): an empty document and one clear problem.
    this.yaml = parseYaml(tooDeep >= 0 ? '' : text);
    this.problems = this.yaml.errors.map((error): YamlProblem => ({
      start: error.pos[0],
      end: Math.max(error.pos[1], error.pos[0] + 1),
      code: 'yaml-syntax',
      message: humanYamlError(error.code, error.message),
    }));
    // Checked here rather than by the parser (`uniqueKeys: true` is quadratic in the keys of a map).
    const duplicates = findDuplicateKeys(this.yaml.contents);
    if (duplicates.length > 0) {
      const message = 'Duplicate key: a YAML map cannot hold the same key twice (the later value would silently win).';
      this.problems.push(...duplicates.map((span): YamlProblem => ({ ...span, code: 'duplicate-key', message })));
    }
    const aliases = resolveAliases(this.yaml, text);
    this.hasAliases = aliases.count > 0;
    this.anchored = this.hasAliases ? aliases.anchored : [];
    for (const alias of aliases.unresolved) {
      const start = alias.range?.[0] ?? 0;
      this.problems.push({
        start,
        end: Math.max(alias.range?.[1] ?? start, start + 1),
        code: 'yaml-syntax',
        message: `YAML syntax error: the alias *${alias.source} refers to no anchor before it. An anchor (&${alias.source}) must come earlier in the document than every alias to it.`,
      });
    }
    if (this.problems.length > this.yaml.errors.length) this.problems.sort((a, b) => a.start - b.start);
    if (tooDeep >= 0) {
      this.problems.push({
        start: tooDeep,
        end: tooDeep + 1,
        code: 'nesting-limit',
        message: `This document nests more than ${MAX_NESTING_DEPTH} levels deep; it is not parsed or validated. No Kubernetes manifest comes close, and deeper input can exhaust the parser's stack.`,
      });
    }
    for (const p of this.problems) clampSpan(p, text.length);
    ({ root: this.root, apiVersion: this.apiVersion, kind: this.kind } = rootOf(this.yaml));
  }

  /** A Kubernetes object: a map with both apiVersion and kind. Everything else gets no Kubernetes diagnostics. */
  get isKubernetes(): boolean {
    return this.apiVersion !== undefined && this.kind !== undefined;
  }

  /**
   * Broken YAML that still reads like a manifest (an `apiVersion:` or `kind:` line at the top level):
   * its syntax errors are ours to report.
   */
  get looksLikeKubernetes(): boolean {
    return this.isKubernetes || /^(apiVersion|kind)[ \t]*:/m.test(this.text);
  }

  get hasSyntaxErrors(): boolean {
    return this.problems.some((p) => p.code === 'yaml-syntax');
  }

  /** Lines of the document's chunk (offsets relative to the chunk, like every span of the document). */
  get lines(): LineIndex {
    this.linesCache ??= new LineIndex(this.text);
    return this.linesCache;
  }

  /** The plain data when value() has converted it already (and it converted without a problem). */
  peekValue(): unknown {
    return this.valueCache?.problem ? undefined : this.valueCache?.value;
  }

  /** The document as plain data, with aliases expanded under a bound. */
  value(): { value: unknown; problem?: YamlProblem } {
    if (!this.valueCache && this.prebuiltValue) this.valueCache = { value: this.prebuiltValue() };
    if (!this.valueCache) {
      try {
        this.valueCache = { value: this.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // An alias before its anchor is already a syntax problem of its own, at the alias.
        const unresolved = this.problems.find((p) => p.code === 'yaml-syntax' && this.text.startsWith('*', p.start));
        if (unresolved) return (this.valueCache = { value: undefined, problem: unresolved });
        const aliasStart = this.text.search(/\*[^\s,\]}]+/);
        const start = aliasStart >= 0 ? aliasStart : 0;
        this.valueCache = {
          value: undefined,
          problem: {
            start,
            end: Math.min(this.text.length, start + Math.max(1, (/^\*[^\s,\]}]+/.exec(this.text.slice(start)) ?? [''])[0].length)),
            code: 'alias-limit',
            message: /alias/i.test(message)
              ? `This document expands too many aliases (more than ${MAX_ALIAS_COUNT}); it is not validated. Expanding it could exhaust memory ("billion laughs").`
              : `This document cannot be read as data: ${message}`,
          },
        };
      }
    }
    return this.valueCache;
  }
}

function rootOf(yaml: Document.Parsed): { root: MapNode | undefined; apiVersion: string | undefined; kind: string | undefined } {
  const root = isMap(yaml.contents) ? asMap(yaml.contents) : undefined;
  return {
    root,
    apiVersion: scalarText(getPair(root, 'apiVersion')?.value)?.trim() || undefined,
    kind: scalarText(getPair(root, 'kind')?.value)?.trim() || undefined,
  };
}

/** Two linear scans: a lazy regex over `{{` with no `}}` is quadratic on hostile input. */
function isTemplated(text: string): boolean {
  const open = text.indexOf('{{');
  return open >= 0 && text.indexOf('}}', open + 2) >= 0;
}

function clampSpan(span: Span, length: number): void {
  span.start = Math.max(0, Math.min(span.start, length));
  span.end = Math.max(span.start, Math.min(span.end, length));
  if (span.end === span.start && span.start > 0) span.start--;
}

function humanYamlError(code: string, message: string): string {
  const text = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML: use spaces.';
    case 'MULTIPLE_DOCS':
      return 'A second document starts here without a `---` line.';
    default:
      return `YAML syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  }
}
