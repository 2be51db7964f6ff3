import { orderChanges, YamlEditor, type TextChange } from '../../edit/yaml-edit';
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

/** The pod at `offset` and its named containers, or undefined when the offset is not in a pod manifest. */
export function podContainersAt(file: ManifestFile, offset: number): PodContainersResult | undefined {
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

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks an untrusted request (from a command's arguments); returns the problem in words, or undefined when it is usable. */
export function sharedVolumeProblem(request: unknown): string | undefined {
  if (!request || typeof request !== 'object') return 'Missing arguments: {volumeName, mountPath, containers}.';
  const a = request as Record<string, unknown>;
  if (typeof a.volumeName !== 'string' || !DNS_LABEL.test(a.volumeName) || a.volumeName.length > 63) {
    return 'The volume name must be a DNS label: lower-case letters, digits and "-", at most 63 characters.';
  }
  if (typeof a.mountPath !== 'string' || !a.mountPath.startsWith('/') || a.mountPath.includes(':')) return 'The mount path must be an absolute path without ":".';
  if (!Array.isArray(a.containers) || a.containers.length === 0 || a.containers.some((c) => typeof c !== 'string')) return 'Pick at least one container.';
  if (a.sizeLimit !== undefined && (typeof a.sizeLimit !== 'string' || !isQuantity(a.sizeLimit))) return 'sizeLimit must be a quantity such as 500Mi.';
  return undefined;
}

/**
 * The changes (by file offsets, in order) that add an emptyDir shared by the named containers of the pod at
 * `offset`, or a problem in words (unknown container, name already taken, not a pod manifest).
 */
export function sharedVolumeEdit(file: ManifestFile, offset: number, untrusted: unknown): { changes: TextChange[] } | { problem: string } {
  const problem = sharedVolumeProblem(untrusted);
  if (problem) return { problem };
  const request = untrusted as SharedVolumeRequest;
  const slot = file.slotAt(offset);
  const pod = slot && !slot.document.hasSyntaxErrors ? podAt(slot.document, offset - slot.start) : undefined;
  if (!slot || !pod) return { problem: 'The cursor is not in a pod manifest (Pod, Deployment, Job…).' };
  if (pod.volumes.some((v) => v.name === request.volumeName)) return { problem: `The pod already has a volume named "${request.volumeName}".` };
  const names = new Set(containersOf(pod, { ephemeral: false }).map((c) => c.name));
  const unknown = request.containers.find((c) => !names.has(c));
  if (unknown) return { problem: `The pod has no container named "${unknown}".` };
  const editor = new YamlEditor(slot.document.text, detectIndentation(file.text), slot.document.yaml.contents);
  const changes = sharedVolumeChanges(editor, pod, request);
  if (!changes) return { problem: 'This pod is written in a style the edit cannot extend (flow-style lists or maps).' };
  return { changes: orderChanges(changes).map((change) => ({ ...change, start: slot.start + change.start, end: slot.start + change.end })) };
}
