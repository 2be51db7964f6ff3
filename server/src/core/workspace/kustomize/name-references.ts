import { builtInPodSpecPath } from '../../model/pod';
import type { YamlPath } from '../../parse/nodes';
import type { Kustomization } from './kustomization';
import type { Origins } from './origins';
import type { RenderMemo } from './render-memo';
import { Draft } from './transformers';

type Json = Record<string, unknown>;

/** The names a resource had before namePrefix/nameSuffix renamed it, oldest first, and the affixes added. */
export interface NameHistory {
  previous: string[];
  prefixes: string[];
  suffixes: string[];
}

/**
 * Where a pod refers to other objects by name, per referenced kind: the kinds whose pods are followed and the
 * fields below the pod spec (`/` between steps, a list is followed into each item). Kustomize's nameReference
 * field specs, pod-spec part: kubernetes-sigs/kustomize api/internal/konfig/builtinpluginconsts/namereference.go
 * (commit 12f9e63). ConfigMap and Secret references are followed in PodTemplates and ReplicaSets but not
 * ReplicationControllers; the others the other way round, as written there. Ephemeral containers are not followed.
 */
const POD_NAME_REFERENCES: readonly { kind: string; referrers: readonly string[]; fields: readonly string[] }[] = [
  {
    kind: 'ConfigMap',
    referrers: ['Pod', 'PodTemplate', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob'],
    fields: ['volumes/configMap/name', 'containers/env/valueFrom/configMapKeyRef/name', 'initContainers/env/valueFrom/configMapKeyRef/name', 'containers/envFrom/configMapRef/name', 'initContainers/envFrom/configMapRef/name', 'volumes/projected/sources/configMap/name'],
  },
  {
    kind: 'Secret',
    referrers: ['Pod', 'PodTemplate', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob'],
    fields: ['volumes/secret/secretName', 'containers/env/valueFrom/secretKeyRef/name', 'initContainers/env/valueFrom/secretKeyRef/name', 'containers/envFrom/secretRef/name', 'initContainers/envFrom/secretRef/name', 'imagePullSecrets/name', 'volumes/projected/sources/secret/name'],
  },
  { kind: 'ServiceAccount', referrers: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'], fields: ['serviceAccountName'] },
  { kind: 'PersistentVolumeClaim', referrers: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'], fields: ['volumes/persistentVolumeClaim/claimName'] },
  { kind: 'PriorityClass', referrers: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'], fields: ['priorityClassName'] },
];

/** Kinds of the table above that have no namespace (a reference to one crosses namespaces). */
const CLUSTER_SCOPED_REFERENCED = new Set(['PriorityClass']);

export interface NamedResource {
  value: Json;
  names?: NameHistory;
}

function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function metadataOf(value: Json): Json {
  return isMap(value.metadata) ? value.metadata : {};
}

/** The path of each map holding the last step of `steps` below `value` (lists are followed into their items). */
function holders(value: unknown, steps: readonly string[], at: YamlPath = []): YamlPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => holders(item, steps, [...at, index]));
  if (!isMap(value)) return [];
  if (steps.length === 1) return [at];
  return holders(value[steps[0]], steps.slice(1), [...at, steps[0]]);
}

function valueAt(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const step of path) current = Array.isArray(current) ? current[Number(step)] : isMap(current) ? current[String(step)] : undefined;
  return current;
}

/**
 * The history after one kustomization's transformers changed `before` into `after`: a new name is recorded with the
 * prefix and suffix that made it (a new object; the old one may be shared with earlier renders).
 */
export function renamed(history: NameHistory | undefined, before: Json, after: Json, kustomization: Kustomization): NameHistory | undefined {
  const [old, now] = [metadataOf(before).name, metadataOf(after).name];
  if (typeof old !== 'string' || old === now) return history;
  return {
    previous: [...(history?.previous ?? []), old],
    prefixes: [...(history?.prefixes ?? []), ...(kustomization.namePrefix ? [kustomization.namePrefix] : [])],
    suffixes: [...(history?.suffixes ?? []), ...(kustomization.nameSuffix ? [kustomization.nameSuffix] : [])],
  };
}

/** Whether the two lists end the same way (kustomize utils.SameEndingSubSlice). */
function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(a.length - n).every((item, index) => item === b.slice(b.length - n)[index]);
}

function affixesMatch(a: NameHistory | undefined, b: NameHistory | undefined, allowEmpty: boolean): boolean {
  const prefixes = [a?.prefixes ?? [], b?.prefixes ?? []];
  const suffixes = [a?.suffixes ?? [], b?.suffixes ?? []];
  const ok = (pair: string[][]) => (allowEmpty && (pair[0].length === 0 || pair[1].length === 0)) || sameEnding(pair[0], pair[1]);
  return ok(prefixes) && ok(suffixes);
}

/**
 * The object a reference names, as kustomize's nameref filter picks it (api/filters/nameref/nameref.go
 * selectReferral): a renamed resource of the kind that once had that name, in the referrer's namespace, then the
 * one whose prefixes/suffixes match the referrer's; several different ones: none (kustomize stops there).
 */
function referral(name: string, kind: string, referrer: NamedResource, resources: readonly NamedResource[]): NamedResource | undefined {
  const namespace = metadataOf(referrer.value).namespace ?? '';
  let candidates = resources.filter(
    (resource) => resource.value.kind === kind && resource.names?.previous.includes(name) && (CLUSTER_SCOPED_REFERENCED.has(kind) || kind === 'ServiceAccount' || (metadataOf(resource.value).namespace ?? '') === namespace),
  );
  if (candidates.length === 1) return candidates[0];
  candidates = candidates.filter((candidate) => affixesMatch(candidate.names, referrer.names, true));
  if (candidates.length > 1) candidates = candidates.filter((candidate) => affixesMatch(candidate.names, referrer.names, false));
  if (candidates.length <= 1) return candidates[0];
  const first = metadataOf(candidates[0].value);
  return candidates.every((candidate) => metadataOf(candidate.value).name === first.name && metadataOf(candidate.value).namespace === first.namespace) ? candidates[0] : undefined;
}

/**
 * After the whole build, references in pods to renamed ConfigMaps, Secrets, ServiceAccounts, claims and priority
 * classes take the new names, as kustomize's FixBackReferences does once at the top (api/internal/target/kusttarget.go).
 * A changed resource is a copy (copy on write: the value may be shared with earlier renders); the changed field
 * keeps its origin (the place the reference was written).
 */
export function fixNameReferences(resources: NamedResource[], memo: RenderMemo): void {
  const renamedOnes = resources.filter((resource) => resource.names);
  if (renamedOnes.length === 0) return;
  // What the outcome depends on besides the referrer: the renamed resources (kept by the render memo with it).
  const context = JSON.stringify(renamedOnes.map((resource) => [resource.value.kind, metadataOf(resource.value).name, metadataOf(resource.value).namespace ?? '', resource.names]));
  for (const referrer of resources) {
    const specPath = builtInPodSpecPath(String(referrer.value.kind ?? ''));
    if (!specPath || !isMap(valueAt(referrer.value, specPath))) continue;
    referrer.value = memo.patched(referrer.value, NAME_REFERENCES, `${JSON.stringify(referrer.names ?? null)} ${context}`, () => withReferencesFixed(referrer, specPath, resources, memo.origins));
  }
}

/** Stands for the name-reference fix in the render memo (which keeps outcomes by the identity of the inputs). */
const NAME_REFERENCES = {};

function withReferencesFixed(referrer: NamedResource, specPath: YamlPath, resources: readonly NamedResource[], origins: Origins): Json {
  const kind = String(referrer.value.kind ?? '');
  let draft: Draft | undefined;
  for (const row of POD_NAME_REFERENCES) {
    if (!row.referrers.includes(kind)) continue;
    for (const field of row.fields) {
      const steps = field.split('/');
      const key = steps[steps.length - 1];
      for (const at of holders(valueAt(referrer.value, specPath), steps)) {
        const path = [...specPath, ...at];
        const name = (valueAt(draft?.root ?? referrer.value, path) as Json)[key];
        if (typeof name !== 'string') continue;
        const target = referral(name, row.kind, referrer, resources);
        const current = target && metadataOf(target.value).name;
        if (typeof current !== 'string' || current === name) continue;
        draft ??= new Draft(referrer.value, origins);
        draft.set(path, key, current, false);
      }
    }
  }
  return draft?.root ?? referrer.value;
}
