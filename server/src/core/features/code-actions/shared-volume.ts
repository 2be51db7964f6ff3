import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { orderChanges, YamlEditor } from '../../edit/yaml-edit';
import type { ManifestFile } from '../../parse/manifest';
import { classifySidecar } from '../../model/known-sidecars';
import { detectIndentation } from '../../text/indentation';
import { podAt } from './locate';
import { readsOnly, sharedVolumeChanges, type SharedVolumeRequest } from './volumes';
import { containersOf } from '../../model/pod';
import { isQuantity } from '../../model/quantity';

/** What the client shows when asking which containers share the volume. */
export interface PodContainerInfo {
  name: string;
  list: 'initContainers' | 'containers';
  role: string;
  /** log-shipper, proxy…: from the sidecar classifier. */
  sidecarKind?: string;
  /** It will mount the volume read-only (log shippers and collectors only read). */
  readOnly: boolean;
}

export interface PodContainersResult {
  workload?: string;
  containers: PodContainerInfo[];
  volumes: string[];
}

/** The pod at `position` and its named containers, or undefined when the position is not in a pod manifest. */
export function podContainersAt(file: ManifestFile, position: Position): PodContainersResult | undefined {
  const offset = file.lineIndex.offsetAt(position);
  const slot = file.slotAt(offset);
  const pod = slot && !slot.document.hasSyntaxErrors ? podAt(slot.document, offset - slot.start) : undefined;
  if (!pod) return undefined;
  return {
    workload: pod.workload.name,
    containers: containersOf(pod, { ephemeral: false })
      .filter((c) => !!c.name)
      .map((c) => ({
        name: c.name as string,
        list: c.list as 'initContainers' | 'containers',
        role: c.role,
        sidecarKind: classifySidecar(c)?.kind,
        readOnly: readsOnly(c),
      })),
    volumes: pod.volumes.map((v) => v.name).filter((n): n is string => !!n),
  };
}

export interface SharedVolumeArguments extends Partial<SharedVolumeRequest> {
  uri: string;
  position: Position;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks untrusted command arguments; returns the problem in words, or undefined when they are usable. */
export function sharedVolumeProblem(args: unknown): string | undefined {
  if (!args || typeof args !== 'object') return 'Missing arguments: {uri, position, volumeName, mountPath, containers}.';
  const a = args as Record<string, unknown>;
  const position = a.position as Record<string, unknown> | undefined;
  if (typeof a.uri !== 'string') return 'uri must be a string.';
  if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') return 'position must be {line, character}.';
  if (typeof a.volumeName !== 'string' || !DNS_LABEL.test(a.volumeName) || a.volumeName.length > 63) {
    return 'The volume name must be a DNS label: lower-case letters, digits and "-", at most 63 characters.';
  }
  if (typeof a.mountPath !== 'string' || !a.mountPath.startsWith('/') || a.mountPath.includes(':')) return 'The mount path must be an absolute path without ":".';
  if (!Array.isArray(a.containers) || a.containers.length === 0 || a.containers.some((c) => typeof c !== 'string')) return 'Pick at least one container.';
  if (a.sizeLimit !== undefined && (typeof a.sizeLimit !== 'string' || !isQuantity(a.sizeLimit))) return 'sizeLimit must be a quantity such as 500Mi.';
  return undefined;
}

/**
 * The WorkspaceEdit that adds an emptyDir shared by the named containers of the pod at `position`, or a
 * problem in words (unknown container, name already taken, not a pod manifest).
 */
export function sharedVolumeEdit(file: ManifestFile, args: SharedVolumeArguments): { edit: WorkspaceEdit } | { problem: string } {
  const problem = sharedVolumeProblem(args);
  if (problem) return { problem };
  const request = args as Required<Pick<SharedVolumeArguments, 'volumeName' | 'mountPath' | 'containers'>> & SharedVolumeArguments;
  const offset = file.lineIndex.offsetAt(args.position);
  const slot = file.slotAt(offset);
  const pod = slot && !slot.document.hasSyntaxErrors ? podAt(slot.document, offset - slot.start) : undefined;
  if (!slot || !pod) return { problem: 'The cursor is not in a pod manifest (Pod, Deployment, Job…).' };
  if (pod.volumes.some((v) => v.name === request.volumeName)) return { problem: `The pod already has a volume named "${request.volumeName}".` };
  const names = new Set(containersOf(pod, { ephemeral: false }).map((c) => c.name));
  const unknown = request.containers.find((c) => !names.has(c));
  if (unknown) return { problem: `The pod has no container named "${unknown}".` };
  const editor = new YamlEditor(slot.document.text, detectIndentation(file.text));
  const changes = sharedVolumeChanges(editor, pod, request);
  if (!changes) return { problem: 'This pod is written in a style the edit cannot extend (flow-style lists or maps).' };
  return {
    edit: {
      changes: {
        [args.uri]: orderChanges(changes).map((change) => ({
          range: file.lineIndex.rangeOf(slot.start + change.start, slot.start + change.end),
          newText: change.newText,
        })),
      },
    },
  };
}
