import type { Origin, Origins } from './origins';

type Json = Record<string, unknown>;

/**
 * Lists merged by a key rather than replaced: the Kubernetes API types' `patchMergeKey` tags
 * (k8s.io/api/core/v1/types.go: containers, initContainers, ephemeralContainers, volumes, env, imagePullSecrets,
 * resourceClaims by name; volumeMounts by mountPath; volumeDevices by devicePath; ports by containerPort;
 * hostAliases by ip; topologySpreadConstraints by topologyKey). Every other list is replaced whole.
 */
export const PATCH_MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  resourceClaims: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};


/** Keys that are strategic-merge directives, not fields (apimachinery strategicpatch/patch.go). */
export function isDirectiveKey(key: string): boolean {
  return key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/');
}

function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameScalar(a: unknown, b: unknown): boolean {
  return a === b || (typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));
}

/**
 * The patch value without directives (`all`) or without `$patch` only (what kustomize drops), as new objects that
 * keep the patch's origins.
 */
export function withoutDirectives(value: unknown, origins: Origins, all = true): unknown {
  if (Array.isArray(value)) {
    const result = value.filter((item) => !(isMap(item) && (item.$patch === 'delete' || item.$patch === 'replace'))).map((item) => withoutDirectives(item, origins, all));
    origins.set(result, origins.of(value));
    return result;
  }
  if (!isMap(value)) return value;
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) if (all ? !isDirectiveKey(key) : key !== '$patch') result[key] = withoutDirectives(item, origins, all);
  origins.set(result, origins.of(value));
  return result;
}

/**
 * Strategic merge of `patch` into `base`, as kustomize v5 (kyaml merge2) does it: maps merge key by key, `null`
 * deletes, lists with a patch merge key merge element by element (the patch's elements first, in its order, then
 * the base's others), other lists are replaced; `$patch: delete|replace` is followed. kustomize passes
 * `$retainKeys`, `$setElementOrder/…` and `$deleteFromPrimitiveList/…` through as they are (checked against
 * `kubectl kustomize`, Kustomize v5.5.0), so they are kept here too. Returns undefined when the patch deletes the value.
 */
export function strategicMerge(base: unknown, patch: unknown, origins: Origins, field?: string): unknown {
  if (!isMap(patch)) {
    if (Array.isArray(patch) && Array.isArray(base)) return mergeList(base, patch, origins, field);
    return withoutDirectives(patch, origins, false);
  }
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace' || !isMap(base)) return withoutDirectives(patch, origins, false);
  const result: Json = { ...base };
  origins.set(result, origins.of(base));
  origins.copyKeys(base, result);
  const patchOrigin = origins.of(patch);
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const merged = strategicMerge(base[key], value, origins, key);
    if (merged === undefined) {
      delete result[key];
      continue;
    }
    result[key] = merged;
    if (patchOrigin && typeof merged !== 'object' && !sameScalar(base[key], merged)) {
      origins.setKey(result, key, { ...patchOrigin, path: [...patchOrigin.path, key] });
    }
  }
  return result;
}

function keyOf(item: unknown, mergeKey: string): string | undefined {
  return isMap(item) && item[mergeKey] !== undefined && item[mergeKey] !== null ? String(item[mergeKey]) : undefined;
}

function mergeList(base: unknown[], patch: unknown[], origins: Origins, field: string | undefined): unknown {
  const mergeKey = field ? PATCH_MERGE_KEYS[field] : undefined;
  if (!mergeKey || patch.some((item) => isMap(item) && item.$patch === 'replace')) return withoutDirectives(patch, origins, false);
  const baseByKey = new Map<string, unknown>();
  for (const item of base) {
    const key = keyOf(item, mergeKey);
    if (key !== undefined) baseByKey.set(key, item);
  }
  const result: unknown[] = [];
  const used = new Set<string>();
  for (const item of patch) {
    const key = keyOf(item, mergeKey);
    if (key !== undefined) used.add(key);
    const merged = strategicMerge(key === undefined ? undefined : baseByKey.get(key), item, origins);
    if (merged !== undefined) result.push(merged);
  }
  for (const item of base) {
    const key = keyOf(item, mergeKey);
    if (key === undefined || !used.has(key)) result.push(item);
  }
  origins.set(result, origins.of(base));
  return result;
}

export type { Origin };
