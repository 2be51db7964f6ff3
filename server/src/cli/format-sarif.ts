import { docsHref } from '../core/codes';
import type { Severity } from '../core/settings';
import type { CatalogEntry } from './catalog';
import { jsonChunks } from './json-chunks';
import type { FileResult } from './lint';

/**
 * SARIF 2.1.0 for code-scanning upload (GitHub, Azure DevOps...). Only the parts we write are typed here; the
 * test validates the output against the official 2.1.0 schema.
 */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  originalUriBaseIds?: Record<string, { uri: string; description?: { text: string } }>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
  invocations: SarifInvocation[];
}

export interface SarifDriver {
  name: string;
  version: string;
  semanticVersion: string;
  informationUri?: string;
  rules: SarifReportingDescriptor[];
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri?: string;
  help?: { text: string; markdown?: string };
  defaultConfiguration: { level: SarifLevel; enabled?: boolean };
  properties: { tags: string[]; kubernetesVersions?: string };
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }[];
}

export interface SarifInvocation {
  executionSuccessful: boolean;
  toolExecutionNotifications?: {
    level: SarifLevel;
    message: { text: string };
    locations?: { physicalLocation: { artifactLocation: SarifArtifactLocation } }[];
  }[];
}

export interface SarifOptions {
  tool: { name: string; version: string; informationUri?: string };
  /** Every code a result can carry (rules first); codes met that are not listed are appended. */
  catalog: readonly CatalogEntry[];
  /** Absolute folder that relative artifact URIs start from (the working folder): `%SRCROOT%`. */
  srcRoot: string;
  /**
   * `https://…/docs/rules/` (ending with `/`): a rule's help page is `${docsBaseUrl}<id>.md`. Only a public URL
   * helps in code scanning, so any other scheme (`file:`) is left out.
   */
  docsBaseUrl?: string;
  /** A code's documentation page (Markdown), shown whole in `help.markdown` beside each alert. */
  helpMarkdown?: (id: string) => string | undefined;
}

export const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(results: readonly FileResult[], options: SarifOptions): SarifLog {
  const descriptors: SarifReportingDescriptor[] = [];
  const indexById = new Map<string, number>();
  const describe = (entry: Described, docsBaseUrl = options.docsBaseUrl) => {
    indexById.set(entry.id, descriptors.length);
    descriptors.push(descriptor(entry, docsBaseUrl?.startsWith('https://') ? docsBaseUrl : undefined, options.helpMarkdown));
  };
  for (const entry of options.catalog) if (!indexById.has(entry.id)) describe(entry);

  const sarifResults: SarifResult[] = [];
  const notifications: NonNullable<SarifInvocation['toolExecutionNotifications']> = [];
  for (const result of results) {
    const artifactLocation = artifactLocationOf(result, options.srcRoot);
    if (result.error) {
      notifications.push({ level: 'error', message: { text: `${result.path}: ${result.error}` }, locations: [{ physicalLocation: { artifactLocation } }] });
      continue;
    }
    for (const message of result.messages) {
      if (!indexById.has(message.code)) {
        // A code outside the catalog has no page to link.
        describe({ id: message.code, kind: 'schema', defaultSeverity: message.severity, summary: message.code }, undefined);
      }
      sarifResults.push({
        ruleId: message.code,
        ruleIndex: indexById.get(message.code) ?? 0,
        level: LEVEL[message.severity],
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              // SARIF is 1-based and its endColumn is the column after the region, as LSP's exclusive end.
              region: {
                startLine: message.range.start.line + 1,
                startColumn: message.range.start.character + 1,
                endLine: message.range.end.line + 1,
                endColumn: message.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }

  const invocation: SarifInvocation = { executionSuccessful: notifications.length === 0 };
  if (notifications.length) invocation.toolExecutionNotifications = notifications;
  const driver: SarifDriver = {
    name: options.tool.name,
    version: options.tool.version,
    semanticVersion: options.tool.version,
    rules: descriptors,
  };
  if (options.tool.informationUri) driver.informationUri = options.tool.informationUri;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.srcRoot), description: { text: 'The folder sidecar-lint ran in.' } } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [invocation],
      },
    ],
  };
}

/** The log in pieces (log → runs → run → results, one result at a time), for any number of findings. */
export function* sarifChunks(results: readonly FileResult[], options: SarifOptions): Generator<string> {
  yield* jsonChunks(toSarif(results, options), 4);
  yield '\n';
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return [...sarifChunks(results, options)].join('');
}

/** What a descriptor is made of: a catalog entry, or a stand-in for a code the catalog does not know. */
type Described = Pick<CatalogEntry, 'kind' | 'defaultSeverity' | 'summary' | 'versions'> & { id: string };

function descriptor(entry: Described, docsBaseUrl: string | undefined, helpMarkdown: SarifOptions['helpMarkdown']): SarifReportingDescriptor {
  const result: SarifReportingDescriptor = {
    id: entry.id,
    name: pascalCase(entry.id),
    shortDescription: { text: entry.summary },
    defaultConfiguration: { level: LEVEL[entry.defaultSeverity] },
    properties: { tags: ['kubernetes', entry.kind === 'rule' ? 'sidecar' : entry.kind] },
  };
  const helpUri = docsHref(entry.id, docsBaseUrl);
  if (helpUri) result.helpUri = helpUri;
  const page = helpMarkdown?.(entry.id);
  if (page || helpUri) {
    // Code-scanning pages show `help.markdown` beside each alert: the whole page when we have it.
    result.help = {
      text: helpUri ? `${entry.summary} See ${helpUri}` : entry.summary,
      markdown: page ?? `${entry.summary}\n\n[${entry.kind === 'rule' ? 'Rule documentation' : 'Documentation'}](${helpUri})`,
    };
  }
  if (entry.versions && (entry.versions.min !== undefined || entry.versions.max !== undefined)) {
    result.properties.kubernetesVersions = `${entry.versions.min !== undefined ? `>=1.${entry.versions.min}` : ''}${entry.versions.min !== undefined && entry.versions.max !== undefined ? ' ' : ''}${entry.versions.max !== undefined ? `<=1.${entry.versions.max}` : ''}`;
  }
  return result;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, ch: string) => ch.toUpperCase());
}

/**
 * A file below the source root gets a relative URI against `%SRCROOT%` (what code scanning maps onto the
 * repository); anything else an absolute file URI; stdin its display name.
 */
export function artifactLocationOf(result: Pick<FileResult, 'path' | 'absolutePath'>, srcRoot: string): SarifArtifactLocation {
  if (!result.absolutePath) return { uri: encodePath(result.path) };
  const root = withSlashes(srcRoot).replace(/\/+$/, '');
  const file = withSlashes(result.absolutePath);
  if (file.startsWith(`${root}/`)) return { uri: encodePath(file.slice(root.length + 1)), uriBaseId: SRCROOT };
  return { uri: fileUri(file) };
}

export function fileUri(absolutePath: string): string {
  const path = withSlashes(absolutePath);
  // Windows drive paths (C:/x) need the third slash of file:///C:/x.
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return `file://${rooted.split('/').map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/')}`;
}

function directoryUri(absolutePath: string): string {
  const uri = fileUri(absolutePath);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function encodePath(path: string): string {
  return withSlashes(path).split('/').map(encodeURIComponent).join('/');
}

function withSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}
