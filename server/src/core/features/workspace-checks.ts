import type { Finding } from '../findings';
import type { ManifestFile } from '../parse/manifest';
import type { Rule } from '../rules/types';
import type { Settings } from '../settings';
import { WorkspaceIndex, type IndexedResource, type IndexOptions } from '../workspace/index/workspace-index';
import { applySuppressions } from './suppressions';

/** The workspace a file is checked in: an index that holds this very version of the file under `uri`. */
export interface WorkspaceInput {
  index: WorkspaceIndex;
  uri: string;
}

const LONE_FILE_URI = 'untitled:file';

/**
 * Findings of the cross-file rules (`checkWorkspace`) for one file, by file offsets. Without a workspace, or with
 * an index that holds another version of the file, the file is its own workspace: references between its own
 * documents are still checked. Not cached: they change when other files do.
 */
export function workspaceFindings(
  file: ManifestFile,
  settings: Settings,
  rules: readonly Rule[],
  workspace: WorkspaceInput | undefined,
  finish: (finding: Finding) => Finding,
  /** How a file checked alone is indexed (the pod rows of its CRDs). */
  lone: IndexOptions = {},
): Finding[] {
  const applicable = rules.filter((rule) => rule.checkWorkspace && settings.rules[rule.id] !== 'off');
  if (applicable.length === 0 || file.slots.length === 0) return [];
  const current = workspace && workspace.index.fileOf(workspace.uri) === file ? workspace : { index: WorkspaceIndex.of(workspace?.uri ?? LONE_FILE_URI, file, undefined, lone), uri: workspace?.uri ?? LONE_FILE_URI };
  const findings: Finding[] = [];
  // A file that kustomizations build into several namespaces has a resource per namespace: a finding once per place
  // (the first namespace's words).
  const reportedBy = new Map<string, IndexedResource>();
  for (const resource of current.index.resourcesOf(current.uri)) {
    const slot = file.slotAt(resource.offset);
    if (!slot || slot.start !== resource.offset || slot.document.hasSyntaxErrors) continue;
    const own: Finding[] = [];
    for (const rule of applicable) {
      rule.checkWorkspace?.({
        index: current.index,
        resource,
        settings,
        report: ({ span, message, severity, data }) => {
          const level = settings.rules[rule.id];
          own.push(finish({ code: rule.id, severity: level && level !== 'off' ? level : (severity ?? rule.defaultSeverity), message, start: span.start, end: span.end, data }));
        },
      });
    }
    own.sort((a, b) => a.start - b.start);
    for (const finding of applySuppressions(slot.document, own)) {
      const start = finding.start + slot.start;
      const key = `${finding.code}\u0000${start}\u0000${finding.end - finding.start}`;
      const first = reportedBy.get(key);
      if (first && first !== resource) continue;
      reportedBy.set(key, resource);
      findings.push({ ...finding, start, end: finding.end + slot.start });
    }
  }
  return findings;
}
