import type { ParsedDocument } from '../parse/document';
import type { ManifestFile } from '../parse/manifest';
import { asMap, getPair, keySpan, nodeSpan, resolvePath, valueSpan, type PairNode, type Span, type YamlPath } from '../parse/nodes';
import type { PodSpecModel } from '../model/pod';
import type { Rule, RuleContext, RuleReport } from '../rules/types';
import type { SchemaProblem, SchemaRegistry } from '../schema';
import { chainSources, customSchemaOf, derivedPodLocations, withCustomKinds, type CustomKindSource } from '../schema/custom-kinds';
import { isCompose } from '../compose/detect';
import { buildComposeModel } from '../compose/model';
import { runComposeRules } from '../compose/check';
import type { ComposeRule } from '../compose/rules';
import type { ComposeSchema } from '../compose/schema';
import { kubernetesMinor, type Settings } from '../settings';
import { defaultSeverity, docsHref } from '../codes';
import { shiftFinding, type Finding } from '../findings';
import { applySuppressions } from './suppressions';
import { podsOf, type DerivedPodLocations } from '../model/pod';
import type { NamespaceModel } from '../model/injection';
import { listItems } from '../parse/list-items';
import { apiVersionProblem, fieldProblems, unknownFieldAtTarget } from '../kubernetes/version-check';
import { workspaceFindings } from './workspace-checks';
import { customResourceSource, indexPodRows } from './custom-resources';
import type { PodRowSource, WorkspaceIndex } from '../workspace/index/workspace-index';
import { podNamespaces } from '../workspace/index/namespaces';
import { BudgetRun, checkedPartly, type Budget } from './budget';

export type { Budget } from './budget';

/** Problems of the text itself: a List's items share its text, so these are reported once, for the List. */
const YAML_CODES = new Set(['yaml-syntax', 'duplicate-key', 'alias-limit', 'nesting-limit', 'templated-yaml']);

/**
 * Turns a parsed file into findings: YAML problems, schema problems and rule findings. Results are kept per
 * parsed document and settings, so a keystroke re-validates only the document it changed.
 */
export class Validator {
  private readonly perDocument = new WeakMap<ParsedDocument, { key: string; findings: Finding[] }>();
  /** The pod rows a workspace index reads files with: the ones validate() derives, from the same CRDs. */
  readonly podRows: PodRowSource;

  constructor(
    private readonly schemas: SchemaRegistry,
    private readonly rules: readonly Rule[],
    private readonly compose?: { schema: ComposeSchema; rules: readonly ComposeRule[] },
    /** The last link of the custom-kind chain (bundled CRD schemas, schema/custom-kinds.ts). */
    private readonly bundledKinds?: CustomKindSource,
  ) {
    this.podRows = indexPodRows(schemas);
  }

  /** The chain for a file: the caller's sources (the CRDs of the file and workspace) first, then the bundled schemas. */
  customKinds(sources: readonly (CustomKindSource | undefined)[] = []): CustomKindSource | undefined {
    return chainSources([...sources, this.bundledKinds]);
  }

  /**
   * `fileName` (a URI or path) recognises Compose files by name; without it, by content only. `cap: false` (the
   * CLI) returns every finding; the editor's default keeps MAX_FINDINGS_PER_FILE and one too-many-problems notice,
   * so one broken file cannot flood the client with a multi-megabyte notification. `workspace`: the index that
   * holds this file under `fileName`, for the cross-file rules; without it the file is checked alone. `customKinds`:
   * schemas for kinds that are not built in, asked before the bundled ones (schema/custom-kinds.ts). With a
   * `budget`, documents are checked until it is exhausted (asked between documents and between phases: schema,
   * versions, each rule, List items); what is left unchecked is named by one `checked-partly` notice, and only
   * documents checked to the end are kept in the cache, so the next call goes on where this one stopped.
   */
  validate(file: ManifestFile, settings: Settings, fileName?: string, options: { cap?: boolean; workspace?: WorkspaceIndex; customKinds?: CustomKindSource; budget?: Budget } = {}): Finding[] {
    const budget = options.budget;
    if (!settings.validate) return [];
    if (file.declined) {
      const { code, message } = file.declined;
      const level = settings.rules[code];
      return level === 'off' ? [] : [withHref({ code, severity: level ?? defaultSeverity(code), message, start: 0, end: 0 }, settings)];
    }
    // Namespaces of the same file and of the workspace can turn mesh injection on for the pods in them (model/injection.ts).
    const namespaces = podNamespaces(file, options.workspace);
    const fileKey = `${settingsKey(settings)}|${fileName ?? ''}${namespaces.length ? JSON.stringify(namespaces) : ''}`;
    const custom = this.customKinds([options.customKinds, customResourceSource(this.schemas, file, options.workspace)]);
    const schemas = withCustomKinds(this.schemas, custom);
    // A custom resource whose CRD embeds a pod template gets the pod rules (schema/crd-pods.ts).
    const pods = derivedPodLocations(this.schemas, custom);
    const result: Finding[] = [];
    const run = new BudgetRun(budget);
    let firstUnchecked: number | undefined;
    let unchecked = 0;
    for (const slot of file.slots) {
      // A custom resource is checked again when its schema changes (an edit of its CRD), not otherwise.
      const customKey = custom ? this.customKeyOf(slot.document, custom) : '';
      const key = customKey ? `${fileKey}|${customKey}` : fileKey;
      let cached = this.perDocument.get(slot.document);
      if (!cached || cached.key !== key) {
        const findings = run.over() ? [] : this.validateDocument(slot.document, settings, { fileName, namespaces, schemas, pods, run });
        if (run.stopped) {
          // Stopped before or inside this document: what it found so far is reported, nothing is cached.
          for (const finding of findings) result.push(shiftFinding(finding, slot.start));
          firstUnchecked ??= slot.start;
          unchecked++;
          continue;
        }
        cached = { key, findings };
        this.perDocument.set(slot.document, cached);
      }
      for (const finding of cached.findings) result.push(shiftFinding(finding, slot.start));
    }
    const workspace = options.workspace && fileName !== undefined ? { index: options.workspace, uri: fileName } : undefined;
    result.push(...workspaceFindings(file, settings, this.rules, workspace, (finding) => withHref(finding, settings), { podRows: this.podRows }));
    const capped = options.cap === false ? result : capFindings(result, settings);
    if (firstUnchecked === undefined || !budget) return capped;
    budget.stopped?.(firstUnchecked);
    return [...capped, ...checkedPartly(firstUnchecked, unchecked, file.slots.length, budget, settings)];
  }

  /** The identities of the custom schemas a document is checked with: its own kind's, and its items' in a `kind: List`. */
  private customKeyOf(document: ParsedDocument, custom: CustomKindSource): string {
    const { apiVersion, kind } = document;
    if (!apiVersion || !kind) return '';
    const own = customSchemaOf(this.schemas, custom, apiVersion, kind)?.key ?? '';
    if (!kind.endsWith('List') || document.hasSyntaxErrors) return own;
    const items = (document.value().value as { items?: unknown } | undefined)?.items;
    const keys = (Array.isArray(items) ? items : []).map((item: { apiVersion?: unknown; kind?: unknown } | null) =>
      typeof item?.apiVersion === 'string' && typeof item.kind === 'string' ? (customSchemaOf(this.schemas, custom, item.apiVersion, item.kind)?.key ?? '') : '',
    );
    return [own, ...keys].join('|').replace(/^\|+$/, '');
  }

  /**
   * Findings of one document, by offsets relative to its chunk. `asPatch`: the document is a strategic-merge patch
   * (a kustomization uses it): its directives are not fields, required fields need not be there, and the pod
   * rules run on the merged workload instead (workspace/kustomize), so they are skipped here. `fileName`
   * recognises Compose files by name.
   */
  validateDocument(
    document: ParsedDocument,
    settings: Settings,
    options: { asPatch?: (value: unknown) => unknown; fileName?: string; namespaces?: readonly NamespaceModel[]; schemas?: SchemaRegistry; pods?: DerivedPodLocations; run?: BudgetRun } = {},
  ): Finding[] {
    const fileName = options.fileName;
    const over = () => options.run?.over() ?? false;
    // The built-in registry, or the one seen through the custom-kind chain (validate()).
    const schemas = options.schemas ?? this.schemas;
    const findings: Finding[] = [];
    const add = (finding: Finding) => {
      const level = settings.rules[finding.code];
      if (level === 'off') return;
      findings.push(withHref(level ? { ...finding, severity: level } : finding, settings));
    };
    if (this.compose && isCompose(document, fileName)) {
      this.validateCompose(document, settings, fileName, add, over);
      return applySuppressions(document, findings);
    }
    if (!document.looksLikeKubernetes) return [];
    for (const problem of document.problems) {
      // Templated documents (Helm) break YAML on purpose; one notice is reported below instead of a flood.
      if (document.templated && problem.code === 'yaml-syntax') continue;
      add({ code: problem.code, severity: defaultSeverity(problem.code), message: problem.message, start: problem.start, end: problem.end });
    }
    if (document.templated && document.hasSyntaxErrors) {
      const at = document.text.search(/\{\{/);
      add({
        code: 'templated-yaml',
        severity: defaultSeverity('templated-yaml'),
        message: 'This document holds template expressions ({{ … }}) and is not valid YAML until rendered; it is checked only where it parses. Lint the rendered output (e.g. `helm template … | sidecar-lint -`) for a full check.',
        start: Math.max(0, at),
        end: Math.max(0, at) + 2,
      });
    }
    if (!document.isKubernetes || document.hasSyntaxErrors) return applySuppressions(document, findings);

    const { value: written, problem } = document.value();
    const value = options.asPatch ? options.asPatch(written) : written;
    if (problem) {
      add({ code: problem.code, severity: defaultSeverity(problem.code), message: problem.message, start: problem.start, end: problem.end });
      return applySuppressions(document, findings);
    }
    const minor = kubernetesMinor(settings.kubernetesVersion);
    const apiVersion = document.apiVersion ?? '';
    const kind = document.kind ?? '';
    // The target decides whether the apiVersion is served; the 1.36 schemas know only what 1.36 serves, so an
    // apiVersion that 1.36 no longer serves (served at an older target) is not schema-checked at all.
    const versionProblems = [apiVersionProblem(apiVersion, kind, minor) ?? []].flat();
    if (over()) return applySuppressions(document, findings);
    if (!schemas.removal(apiVersion, kind)) {
      for (const schemaProblem of schemas.validate(apiVersion, kind, value)) {
        if (options.asPatch && schemaProblem.code === 'missing-required-field') continue;
        // A check the target's API server does not make yet (a CRD format of a later release).
        if (schemaProblem.sinceMinor !== undefined && minor < schemaProblem.sinceMinor) continue;
        // A field an older target still has is not unknown there (the schemas are 1.36's).
        const message =
          schemaProblem.code === 'unknown-field'
            ? unknownFieldAtTarget(schemas.describe(apiVersion, kind, schemaProblem.path.slice(0, -1))?.definition, String(schemaProblem.path[schemaProblem.path.length - 1]), minor, schemaProblem.message)
            : schemaProblem.message;
        if (message === undefined) continue;
        const span = spanOfProblem(document, schemaProblem);
        add({
          code: schemaProblem.code,
          severity: schemaProblem.severity ?? defaultSeverity(schemaProblem.code),
          message,
          start: span.start,
          end: span.end,
          data: schemaProblem.data ? { ...schemaProblem.data, path: schemaProblem.path } : { path: schemaProblem.path },
        });
      }
      if (!over()) versionProblems.push(...fieldProblems(schemas, apiVersion, kind, value, minor));
    }
    for (const problem of versionProblems) {
      const span = spanOfProblem(document, problem);
      add({
        code: problem.code,
        severity: defaultSeverity(problem.code),
        message: problem.message,
        start: span.start,
        end: span.end,
        data: { ...problem.data, path: problem.path, kubernetesVersion: settings.kubernetesVersion },
      });
    }
    if (options.asPatch) return applySuppressions(document, findings);
    const applicable = this.rules.filter(
      (rule) =>
        settings.rules[rule.id] !== 'off' &&
        (rule.versions?.min === undefined || minor >= rule.versions.min) &&
        (rule.versions?.max === undefined || minor <= rule.versions.max),
    );
    const reported = new Set<string>();
    const contextFor = (rule: Rule, pod: PodSpecModel | undefined): RuleContext => ({
      kubernetesVersion: settings.kubernetesVersion,
      minor,
      document,
      settings,
      namespaces: options.namespaces ?? [],
      report: (report: RuleReport) => {
        const span = spanOfReport(report) ?? nodeSpan(pod?.specPair?.key) ?? { start: 0, end: 0 };
        // A workload-level part several pods share (Argo's workflow volumes) is judged once, not once per pod.
        const once = `${rule.id}|${span.start}|${span.end}|${report.message}`;
        if (reported.has(once)) return;
        reported.add(once);
        add({
          code: rule.id,
          severity: report.severity ?? rule.defaultSeverity,
          message: report.message,
          start: span.start,
          end: span.end,
          data: pod ? { ...report.data, workloadPath: pod.path } : report.data,
          unnecessary: report.unnecessary,
        });
      },
    });
    for (const rule of applicable) if (!over()) rule.checkDocument?.(document, contextFor(rule, undefined));
    // `kind: List`: kubectl creates each item, so each is checked as a document (syntax was checked above).
    for (const item of listItems(document)) {
      if (!over()) findings.push(...this.validateDocument(item, settings, { namespaces: options.namespaces, schemas, pods: options.pods, run: options.run }).filter((f) => !YAML_CODES.has(f.code)));
    }
    for (const pod of podsOf(document, options.pods)) {
      for (const rule of applicable) if (!over()) rule.check?.(pod, contextFor(rule, pod));
    }
    return applySuppressions(document, findings);
  }

  /** YAML problems, Compose Specification schema problems and Compose rule findings of a Compose document. */
  private validateCompose(document: ParsedDocument, settings: Settings, fileName: string | undefined, add: (finding: Finding) => void, over: () => boolean): void {
    const compose = this.compose;
    if (!compose) return;
    for (const problem of document.problems) {
      add({ code: problem.code, severity: defaultSeverity(problem.code), message: problem.message, start: problem.start, end: problem.end });
    }
    if (document.hasSyntaxErrors || !document.root) return;
    const { value, problem } = document.value();
    if (problem) {
      add({ code: problem.code, severity: defaultSeverity(problem.code), message: problem.message, start: problem.start, end: problem.end });
      return;
    }
    if (over()) return;
    for (const schemaProblem of compose.schema.validate(value)) add(schemaFinding(document, schemaProblem));
    const model = buildComposeModel(document.root, document.yaml, fileName);
    const fallback = nodeSpan(document.root.items[0]?.key);
    runComposeRules(model, compose.rules, { document, settings, over }, (rule, report) => ruleFinding(rule, report, fallback), add);
  }
}

/** A Compose document, or a broken file whose name says it is one (its syntax errors are then ours to report). */
function schemaFinding(document: ParsedDocument, problem: SchemaProblem): Finding {
  const span = spanOfProblem(document, problem);
  return {
    code: problem.code,
    severity: defaultSeverity(problem.code),
    message: problem.message,
    start: span.start,
    end: span.end,
    data: problem.data ? { ...problem.data, path: problem.path } : { path: problem.path },
  };
}

/** A rule's finding; `add` links its page. */
function ruleFinding(rule: Pick<Rule, 'id' | 'defaultSeverity'>, report: RuleReport, fallback: Span | undefined): Finding {
  const span = spanOfReport(report) ?? fallback ?? { start: 0, end: 0 };
  return {
    code: rule.id,
    severity: report.severity ?? rule.defaultSeverity,
    message: report.message,
    start: span.start,
    end: span.end,
    data: report.data,
    unnecessary: report.unnecessary,
  };
}

/** Every finding links its code's page (`codeDescription.href`) when the settings know where the docs are. */
function withHref(finding: Finding, settings: Settings): Finding {
  const href = docsHref(finding.code, settings.docsBaseUrl);
  return href ? { ...finding, href } : finding;
}

/**
 * The most findings one file reports. A broken 49 KB file gave 20,001 syntax errors (a 4.2 MB notification that
 * no one reads); past this, one `too-many-problems` notice at the first finding left out says how many more.
 */
export const MAX_FINDINGS_PER_FILE = 1000;

function capFindings(findings: Finding[], settings: Settings): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_FILE) return findings;
  const kept = findings.slice(0, MAX_FINDINGS_PER_FILE);
  const level = settings.rules['too-many-problems'];
  if (level === 'off') return kept;
  const first = findings[MAX_FINDINGS_PER_FILE];
  const more = findings.length - MAX_FINDINGS_PER_FILE;
  kept.push(withHref({
    code: 'too-many-problems',
    severity: level ?? defaultSeverity('too-many-problems'),
    message: `${more.toLocaleString('en-US')} more problems in this file are not shown (at most ${MAX_FINDINGS_PER_FILE.toLocaleString('en-US')} per file). Fix the ones above, or run sidecar-lint on the file for a count by code.`,
    start: first.start,
    end: first.end,
  }, settings));
  return kept;
}

function settingsKey(settings: Settings): string {
  return JSON.stringify([settings.kubernetesVersion, settings.rules, settings.docsBaseUrl ?? '', settings.meshes]);
}

function spanOfReport(report: RuleReport): Span | undefined {
  if (report.span) return report.span;
  if (report.pair) {
    const key = keySpan(report.pair);
    if (report.target === 'value') return valueSpan(report.pair);
    if (report.target === 'pair') {
      const value = nodeSpan(report.pair.value);
      return key && value ? { start: key.start, end: Math.max(key.end, value.end) } : key ?? value;
    }
    return key;
  }
  return nodeSpan(report.node);
}

/** Where to underline a schema problem: the key or the value it names, or the closest thing that exists. */
export function spanOfProblem(document: ParsedDocument, problem: Pick<SchemaProblem, 'path' | 'target'>): Span {
  const root = document.yaml.contents;
  for (let length = problem.path.length; length >= 0; length--) {
    const path = problem.path.slice(0, length);
    const exact = length === problem.path.length;
    const found = resolvePath(root, path);
    if (!found) continue;
    if (found.pair) {
      const span = exact && problem.target === 'value' ? valueSpan(found.pair) : keySpan(found.pair);
      if (span) return span;
    }
    // A list item or the root has no key of its own: underline the item's `name` (how people tell items
    // apart), else its first key, else the item.
    const map = asMap(found.node);
    const anchor: PairNode | undefined = getPair(map, 'name') ?? getPair(map, 'kind') ?? map?.items[0];
    if (anchor && !(exact && problem.target === 'value' && !map)) {
      const span = getPair(map, 'name') === anchor && typeof path[path.length - 1] === 'number' ? valueSpan(anchor) : keySpan(anchor);
      if (span) return span;
    }
    const span = nodeSpan(found.node);
    if (span) return span;
  }
  return { start: 0, end: Math.min(1, document.text.length) };
}

export type { YamlPath };
