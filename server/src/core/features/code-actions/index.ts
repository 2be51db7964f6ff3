import type { CodeAction, Command, Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { orderChanges, YamlEditor } from '../../edit/yaml-edit';
import { withCustomKindSchemas, type FeatureServices } from '../services';
import { customResourceSource } from '../custom-resources';
import type { WorkspaceIndex } from '../../workspace/index/workspace-index';
import { parseManifest, type DocumentSlot, type ManifestFile } from '../../parse/manifest';
import { detectIndentation, type IndentationStyle } from '../../text/indentation';
import type { Settings } from '../../settings';
import { quickFixFor } from './quick-fixes';
import { containerAt, containerByPath, podAt } from './locate';
import { classicSidecarProposal, nativeSidecarProposal } from './native-sidecar';
import { QUICK_FIX, REFACTOR_REWRITE, type FixProposal, type FixTarget } from './types';
import { isCode, readCodeData, type Code } from '../../codes';
import type { YamlPath } from '../../parse/nodes';
import type { DerivedPodLocations } from '../../model/pod';

export interface CodeActionOptions {
  /** URI of the document the edits apply to. */
  uri: string;
  /** CodeActionContext.only: kinds the client asked for (prefix match, as in LSP). */
  only?: string[];
  /**
   * The client command that asks for a shared volume's name, path and containers, then applies it (the protocol
   * module's `ClientCommands.addSharedVolume`): the "Add a shared volume…" refactoring is offered when it is given.
   */
  sharedVolumeCommand?: string;
  /** The client command that sets the target Kubernetes version (offered by the version diagnostics' fixes). */
  setVersionCommand?: string;
  /** The workspace the file is in: its CRDs tell where a custom resource keeps its pods (the pod rules' fixes). */
  workspace?: WorkspaceIndex;
}

/** Arguments of the shared-volume command, as sent in the code action and by the client. */
export interface SharedVolumeCommandTarget {
  uri: string;
  position: Position;
}

function kindWanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * A diagnostic the client sent back with a code-action request, already located by file offsets: the LSP layer
 * converts its range, so the fixes never see a position. `diagnostic` is only echoed back on the actions.
 */
export interface DiagnosticAt {
  code: string | undefined;
  start: number;
  end: number;
  /** The diagnostic's `data` as the client sent it (untrusted: read only through the code's shape). */
  data: unknown;
  diagnostic: Diagnostic;
}

/** A quick fix that threw: it is not offered, and the caller (the LSP layer) logs it. */
export interface FixFailure {
  /** The diagnostic code whose fix threw. */
  code: string;
  error: unknown;
}

export interface CodeActionResult {
  actions: CodeAction[];
  failures: FixFailure[];
}

/**
 * Quick fixes for the diagnostics (matched by code) and refactorings at the range, as LSP code actions whose
 * WorkspaceEdits change only the lines involved. `range` and the diagnostics are in file offsets; positions are
 * computed only for the edits this returns.
 */
export function codeActions(
  service: FeatureServices,
  file: ManifestFile,
  range: { start: number; end: number },
  diagnostics: readonly DiagnosticAt[],
  settings: Settings,
  options: CodeActionOptions,
): CodeActionResult {
  let style: IndentationStyle | undefined;
  const editors = new Map<DocumentSlot, YamlEditor>();
  const editorFor = (slot: DocumentSlot) => {
    let editor = editors.get(slot);
    if (!editor) {
      style ??= detectIndentation(file.text);
      editor = new YamlEditor(slot.document.text, style, slot.document.yaml.contents);
      editors.set(slot, editor);
    }
    return editor;
  };
  // Where custom resources keep pods: asked only when a fix needs a pod, once per request.
  let pods: { rows?: DerivedPodLocations } | undefined;
  const derivedPods = () => (pods ??= { rows: withCustomKindSchemas(service, [customResourceSource(service.schemas, file, options.workspace)]).pods }).rows;
  const targetAt = (start: number, end: number, containerPath?: YamlPath): FixTarget | undefined => {
    const slot = file.slotAt(start);
    if (!slot || slot.document.hasSyntaxErrors) return undefined;
    const relative = start - slot.start;
    const pod = podAt(slot.document, relative, derivedPods());
    const container = containerAt(pod, relative) ?? containerByPath(pod, containerPath);
    return {
      service,
      file,
      slot,
      document: slot.document,
      editor: editorFor(slot),
      settings,
      start: relative,
      end: end - slot.start,
      pod,
      container,
    };
  };

  const actions: CodeAction[] = [];
  const failures: FixFailure[] = [];
  const toAction = (fix: FixProposal, slot: DocumentSlot, diagnostic?: Diagnostic): CodeAction => {
    const edits: TextEdit[] = orderChanges(fix.changes).map((change) => ({
      range: file.lineIndex.rangeOf(slot.start + change.start, slot.start + change.end),
      newText: change.newText,
    }));
    const action: CodeAction = { title: fix.title, kind: fix.kind ?? QUICK_FIX, edit: { changes: { [options.uri]: edits } } };
    if (diagnostic) action.diagnostics = [diagnostic];
    if (fix.isPreferred) action.isPreferred = true;
    return action;
  };

  /** The fixes of one code: its data checked against the code's shape once, here, then typed for its fix. */
  const quickFixes = (code: Code, start: number, end: number, raw: unknown, diagnostic: Diagnostic): { targetVersion?: string } => {
    const data = readCodeData(code, raw);
    const provider = quickFixFor(code);
    const target = provider && targetAt(start, end, 'containerPath' in data ? data.containerPath : undefined);
    if (provider && target) {
      try {
        for (const fix of provider({ ...target, data })) if (keepsAliases(target.slot, fix)) actions.push(toAction(fix, target.slot, diagnostic));
      } catch (error) {
        // A fix that trips over an unexpected shape is not offered (the diagnostic stays), but it is a bug to see.
        failures.push({ code, error });
      }
    }
    return { targetVersion: target && 'targetVersion' in data ? data.targetVersion : undefined };
  };

  if (kindWanted(QUICK_FIX, options.only)) {
    for (const { code, start, end, data, diagnostic } of diagnostics) {
      if (code === undefined || !isCode(code)) continue;
      // A version finding carries the first target that accepts the manifest as it is.
      const version = quickFixes(code, start, end, data, diagnostic).targetVersion;
      if (options.setVersionCommand && version && version !== settings.kubernetesVersion) {
        const command: Command = { title: `Set the target Kubernetes version to ${version}`, command: options.setVersionCommand, arguments: [version] };
        actions.push({ title: command.title, kind: QUICK_FIX, command, ...(diagnostic ? { diagnostics: [diagnostic] } : {}) });
      }
    }
  }

  if (kindWanted(REFACTOR_REWRITE, options.only)) {
    const context = targetAt(range.start, range.end);
    const container = context?.container;
    if (context && container && context.pod) {
      const refactorings: FixProposal[] = [];
      if (container.list === 'containers' && container.index > 0) {
        refactorings.push(...nativeSidecarProposal(context, container, { kind: REFACTOR_REWRITE }));
      } else if (container.role === 'native-sidecar') {
        refactorings.push(...classicSidecarProposal(context, container, { kind: REFACTOR_REWRITE }));
      }
      for (const fix of refactorings) {
        // A quick fix already offers the same move for this container: one entry is enough.
        if (!actions.some((a) => a.title === fix.title) && keepsAliases(context.slot, fix)) actions.push(toAction(fix, context.slot));
      }
      const pod = context.pod;
      if (options.sharedVolumeCommand && pod.containers.length + pod.initContainers.length >= 2) {
        const command: Command = {
          title: 'Add a shared volume…',
          command: options.sharedVolumeCommand,
          arguments: [{ uri: options.uri, position: file.lineIndex.positionAt(range.start) } satisfies SharedVolumeCommandTarget],
        };
        actions.push({ title: command.title, kind: REFACTOR_REWRITE, command });
      }
    }
  }
  return { actions, failures };
}

/**
 * Whether a fix leaves every alias after its anchor. Moving a container above the anchor it refers to, or removing
 * a node that carries an anchor, would leave `*name` unresolved: such a fix is not offered. Checked by parsing the
 * fixed document, only when the document has anchors at all.
 */
function keepsAliases(slot: DocumentSlot, fix: FixProposal): boolean {
  const text = slot.document.text;
  if (!/&[^\s&*]/.test(text) || !/\*[^\s&*]/.test(text)) return true;
  let fixed = text;
  for (const change of [...fix.changes].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, change.start) + change.newText + fixed.slice(change.end);
  return !parseManifest(fixed).slots.some((s) => s.document.problems.length > 0);
}

export { QUICK_FIX, REFACTOR_REWRITE };
export { podContainersAt, sharedVolumeEdit, sharedVolumeProblem } from './shared-volume';
export type { PodContainerInfo, PodContainersResult } from './shared-volume';
export type { SharedVolumeRequest } from './volumes';
