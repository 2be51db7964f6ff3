import type { CodeLens, CompletionItem, CompletionList, DocumentLink, DocumentSymbol, Hover, Location, Range, SymbolInformation } from 'vscode-languageserver-types';
import type { Finding } from './findings';
import { composeRules } from './compose/rules';
import { createComposeSchema } from './compose/schema';
import { codeActions, type CodeActionOptions, type CodeActionResult, type DiagnosticAt } from './features/code-actions';
import { complete, type CompletionOptions } from './features/completion';
import { hover } from './features/hover';
import * as navigation from './features/navigation';
import { withCustomKindSchemas, type FeatureServices } from './features/services';
import { customResourceSource } from './features/custom-resources';
import { buildTopology, type TopologyOptions, type WorkloadDiagram } from './features/topology';
import { Validator, type Budget } from './features/validation';
import type { ManifestFile } from './parse/manifest';
import { allRules } from './rules';
import { validateKustomizationFile, validatePatchFile, type KustomizeContext } from './features/kustomize/patch-validation';
import type { KustomizeHost } from './workspace/kustomize/host';
import { overlayReport, type OverlayReport } from './features/kustomize/overlay-report';
import { mergedContainerHover } from './features/kustomize/patch-hover';
import { kustomizeTopology } from './features/kustomize/patch-topology';
import { kustomizationLinks, kustomizationPathCompletions, kustomizationPathDefinition } from './features/kustomize/kustomization-navigation';
import { patchDefinition, patchLenses, patchNameCompletions } from './features/kustomize/patch-navigation';
import { createSchemaRegistry } from './schema';
import type { CustomKindSource } from './schema/custom-kinds';
import { bundledCrdSource } from './schema/bundled-crds';
import { WorkspaceIndex } from './workspace/index/workspace-index';
import type { Settings } from './settings';

/**
 * The pure language service: everything the LSP layer and the CLI need, with no connection and no global state.
 * One instance per server (or CLI run); schemas are compiled once per kind inside it. Offsets are file offsets
 * (`file.lineIndex` converts LSP positions); results are LSP types or core findings.
 */
export interface LanguageService extends FeatureServices {
  /**
   * YAML, schema and rule findings of a file (cached per parsed document and settings). With `kustomize`, a file
   * that kustomizations use as a patch is checked as a patch and through the merged workloads. `fileName` (URI or
   * path) recognises Compose files by name; without it they are recognised by content. `cap: false` (the CLI)
   * returns every finding instead of the editor's 1,000 per file. With `budget` (the editor's), checking stops when
   * it is exhausted and a `checked-partly` notice says so.
   */
  validate(file: ManifestFile, settings: Settings, kustomize?: KustomizeContext, fileName?: string, options?: { cap?: boolean; workspace?: WorkspaceIndex; customKinds?: CustomKindSource; budget?: Budget }): Finding[];
  /** With `kustomize`: paths in a kustomization, and in a patch the names only the merged pod has (base volumes, ports, containers). */
  complete(file: ManifestFile, offset: number, settings: Settings, options?: CompletionOptions, kustomize?: KustomizeContext): CompletionList;
  /** `findings` skips validating again when the caller has them. */
  /** With `kustomize`, in a strategic-merge patch: the merged container under the cursor, per overlay, too. */
  hover(file: ManifestFile, offset: number, settings: Settings, findings?: readonly Finding[], fileName?: string, kustomize?: KustomizeContext, workspace?: WorkspaceIndex): Hover | undefined;
  /**
   * Quick fixes for `diagnostics` (matched by code) and refactorings at `range` (file offsets), and the fixes that
   * threw (not offered; the caller logs them).
   */
  codeActions(file: ManifestFile, range: { start: number; end: number }, diagnostics: readonly DiagnosticAt[], settings: Settings, options: CodeActionOptions): CodeActionResult;
  /**
   * Pod (and Compose) diagrams of a file, the workload at `options.offset` first; findings mark nodes red. With
   * `kustomize`, a patch or a kustomization draws the merged pods of its overlays, parts marked with their files.
   */
  topology(file: ManifestFile, settings: Settings, options?: Pick<TopologyOptions, 'offset' | 'fileName' | 'workspace'>, kustomize?: KustomizeContext): WorkloadDiagram[];
  /** The kustomization in `dir` rendered and checked, findings by the file that caused them (`sidecar-lint DIR`). */
  overlay(dir: string, host: KustomizeHost, settings: Settings): OverlayReport;
  /**
   * A new, empty workspace index that reads pods as this service's validation does (the pod rows of the CRDs it
   * holds): the editor's and the CLI's workspace.
   */
  createWorkspaceIndex(): WorkspaceIndex;
  /** Navigation over a workspace index that holds the file `uri` (offsets are that file's). */
  definition(index: WorkspaceIndex, uri: string, offset: number): Location[];
  references(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration: boolean): Location[];
  prepareRename(index: WorkspaceIndex, uri: string, offset: number): { range: Range; placeholder: string } | { refused: string };
  rename(index: WorkspaceIndex, uri: string, offset: number, newName: string): navigation.RenameResult;
  workspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[];
  documentSymbols(file: ManifestFile): DocumentSymbol[];
  documentLinks(index: WorkspaceIndex, uri: string): DocumentLink[];
  /** Links from a kustomization's paths to the files they name. */
  kustomizeLinks(file: ManifestFile, kustomize: KustomizeContext): DocumentLink[];
  /** Go to definition from a kustomization's path to its file, from a patch to what it patches in the base. */
  kustomizeDefinition(file: ManifestFile, offset: number, settings: Settings, kustomize: KustomizeContext): Location[];
  /** Code lenses: over each patch document, the kustomizations that use it and what it patches. */
  codeLenses(file: ManifestFile, settings: Settings, kustomize: KustomizeContext): CodeLens[];
}

/**
 * `bundledKinds`: schemas of custom kinds that ship with the server, the last link of the custom-kind chain
 * (schema/custom-kinds.ts): the CRDs of the user's files are asked first. By default the bundled CRD schemas of
 * schemas/crds/ (schema/bundled-crds.ts), read on the first custom resource.
 */
export function createLanguageService(options: { schemaDir?: string; bundledKinds?: CustomKindSource } = {}): LanguageService {
  const schemas = createSchemaRegistry({ schemaDir: options.schemaDir });
  const compose = { schema: createComposeSchema(), rules: composeRules };
  const validator = new Validator(schemas, allRules, compose, options.bundledKinds ?? bundledCrdSource(schemas.schemaDir));
  const services: FeatureServices = { schemas, rules: allRules, validator, compose };
  return {
    ...services,
    validate: (file, settings, kustomize, fileName, options) =>
      (kustomize && (validateKustomizationFile(validator, file, settings, kustomize) ?? validatePatchFile(validator, file, settings, kustomize))) || validator.validate(file, settings, fileName, options),
    complete: (file, offset, settings, completionOptions, kustomize) =>
      withKustomizeItems(complete(services, file, offset, settings, completionOptions), kustomize && [
        ...kustomizationPathCompletions(file, offset, kustomize.path, kustomize.host),
        ...patchNameCompletions(validator, file, offset, settings, kustomize),
      ]),
    hover: (file, offset, settings, findings, fileName, kustomize, workspace) =>
      withMerged(hover(services, file, offset, settings, findings, fileName, workspace), kustomize && mergedContainerHover(validator, file, offset, settings, kustomize)),
    codeActions: (file, range, diagnostics, settings, actionOptions) => codeActions(services, file, range, diagnostics, settings, actionOptions),
    topology: (file, settings, topologyOptions = {}, kustomize) =>
      (kustomize && kustomizeTopology(validator, file, settings, kustomize, { offset: topologyOptions.offset, meshes: settings.meshes, kubernetesVersion: settings.kubernetesVersion })) ||
      buildTopology(file, {
        meshes: settings.meshes,
        kubernetesVersion: settings.kubernetesVersion,
        ...topologyOptions,
        findings: validator.validate(file, settings, topologyOptions.fileName, { workspace: topologyOptions.workspace?.index }),
        pods: withCustomKindSchemas(services, [customResourceSource(schemas, file, topologyOptions.workspace?.index)]).pods,
      }),
    overlay: (dir, host, settings) => overlayReport(validator, host, dir, settings),
    createWorkspaceIndex: () => new WorkspaceIndex({ podRows: validator.podRows }),
    definition: navigation.definition,
    references: navigation.references,
    prepareRename: navigation.prepareRename,
    rename: navigation.rename,
    workspaceSymbols: navigation.workspaceSymbols,
    documentSymbols: navigation.documentSymbols,
    documentLinks: navigation.documentLinks,
    kustomizeLinks: (file, kustomize) => kustomizationLinks(file, kustomize.path, kustomize.host),
    kustomizeDefinition: (file, offset, settings, kustomize) => [
      ...kustomizationPathDefinition(file, offset, kustomize.path, kustomize.host),
      ...patchDefinition(validator, file, offset, settings, kustomize),
    ],
    codeLenses: (file, settings, kustomize) => patchLenses(validator, file, settings, kustomize),
  };
}

/** Completion items with the kustomize ones added (a name the file's own pod already offers is not repeated). */
function withKustomizeItems(list: CompletionList, extra: CompletionItem[] | undefined): CompletionList {
  if (!extra?.length) return list;
  const labels = new Set(list.items.map((item) => item.label));
  return { ...list, items: [...list.items, ...extra.filter((item) => !labels.has(item.label))] };
}

/** The hover with the merged container's section below it (or alone). */
function withMerged(result: Hover | undefined, merged: string | undefined): Hover | undefined {
  if (!merged) return result;
  const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;
  return { ...(result ?? {}), contents: { kind: 'markdown', value: value ? `${value}\n\n---\n\n${merged}` : merged } };
}
