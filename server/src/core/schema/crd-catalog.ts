import type { CustomKindSchema, CustomKindSource } from './custom-kinds';
import { derivedPodLocation } from '../model/pod-locations';
import { embeddedPodSpecs } from './crd-pods';
import { strictCrdSchema } from './crd-schema';
import { compileKindSchema, hashOf } from './kind-schema';
import type { JsonSchema, SchemaProblem } from './types';

/** One version of a CustomResourceDefinition (apiextensions.k8s.io/v1 `spec.versions[]`). */
export interface CrdVersion {
  name: string;
  served: boolean;
  /** The version objects are stored in: the one to offer first. */
  storage: boolean;
  deprecated: boolean;
  /** The CRD's own `deprecationWarning`, said instead of the default one. */
  deprecationWarning?: string;
  /** `schema.openAPIV3Schema` as written. */
  schema: unknown;
}

/** What a CustomResourceDefinition defines: the kind of a group, per version. */
export interface CrdModel {
  /** `metadata.name` (`<plural>.<group>`). */
  name: string;
  group: string;
  kind: string;
  versions: CrdVersion[];
}

export const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
export const CRD_KIND = 'CustomResourceDefinition';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The model of a CustomResourceDefinition document's value, or undefined when it is not one the API server would
 * create (another apiVersion, no group or kind). apiextensions.k8s.io/v1beta1 CRDs are not read: removed in 1.22.
 */
export function crdModelOf(value: unknown): CrdModel | undefined {
  const object = record(value);
  if (!object || object.apiVersion !== CRD_API_VERSION || object.kind !== CRD_KIND) return undefined;
  const spec = record(object.spec);
  const names = record(spec?.names);
  const group = spec?.group;
  const kind = names?.kind;
  if (typeof group !== 'string' || !group || typeof kind !== 'string' || !kind) return undefined;
  const versions: CrdVersion[] = [];
  for (const entry of Array.isArray(spec?.versions) ? spec.versions : []) {
    const version = record(entry);
    if (typeof version?.name !== 'string') continue;
    versions.push({
      name: version.name,
      served: version.served === true,
      storage: version.storage === true,
      deprecated: version.deprecated === true,
      ...(typeof version.deprecationWarning === 'string' ? { deprecationWarning: version.deprecationWarning } : {}),
      schema: record(version.schema)?.openAPIV3Schema,
    });
  }
  const name = record(object.metadata)?.name;
  return { name: typeof name === 'string' ? name : `${kind}.${group}`, group, kind, versions };
}

/** `example.com/v1` → group and version; a core apiVersion (`v1`) has no group and is never a custom resource's. */
function groupVersion(apiVersion: string): { group: string; version: string } | undefined {
  const slash = apiVersion.lastIndexOf('/');
  return slash > 0 ? { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) } : undefined;
}

/**
 * `kubectl apply` of a version the CRD does not serve fails in kubectl's REST mapping, before the API server sees
 * it: `no matches for kind "Widget" in version "example.com/v2"` (discovery lists served versions only).
 */
function notServed(crd: CrdModel, apiVersion: string): CustomKindSchema {
  const versions = crd.versions.filter((v) => v.served);
  const served = versions.map((v) => `${crd.group}/${v.name}`);
  const head = `no matches for kind "${crd.kind}" in version "${apiVersion}"`;
  const message = served.length
    ? `${head}: the CustomResourceDefinition ${crd.name} serves ${served.join(', ')}.`
    : `${head}: the CustomResourceDefinition ${crd.name} serves no version.`;
  // The quick fix (by code) moves to the stored version, else the first served one; the kind stays.
  const offered = versions.find((v) => v.storage) ?? versions[0];
  const data = offered ? { data: { suggestion: crd.kind, replacement: `${crd.group}/${offered.name}` } } : {};
  const problem: SchemaProblem = { path: ['apiVersion'], target: 'value', code: 'unknown-kind', message, ...data };
  return { key: `not-served|${message}`, origin: `CustomResourceDefinition ${crd.name}`, validate: () => [problem], describe: () => undefined };
}

/**
 * Kubernetes' order of version names (apimachinery version.CompareKubeAwareVersionStrings, as the CRD docs list it:
 * v10, v2, v1, v11beta2, v10beta3, v3beta1, v12alpha1, v11alpha2, foo1, foo10): GA above beta above alpha, then by
 * major and minor number; names not of that form below them, by name. Positive when `a` is the higher.
 */
export function compareKubeVersions(a: string, b: string): number {
  const rank = (name: string): [number, number, number] | undefined => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(name);
    if (!match) return undefined;
    return [Number(match[1]), match[2] === 'alpha' ? 0 : match[2] === 'beta' ? 1 : 2, Number(match[3] ?? 0)];
  };
  const ra = rank(a);
  const rb = rank(b);
  if (!ra || !rb) return ra ? 1 : rb ? -1 : a < b ? 1 : a > b ? -1 : 0;
  return ra[1] - rb[1] || ra[0] - rb[0] || ra[2] - rb[2];
}

/**
 * The API server's warning for a deprecated version (apiextensions-apiserver customresource_handler.go,
 * defaultDeprecationWarning): the CRD's own text, or `<group>/<version> <Kind> is deprecated`, and `; use` the newest
 * served, not deprecated version that is newer than this one.
 */
function withDeprecation(schema: CustomKindSchema, crd: CrdModel, version: CrdVersion): CustomKindSchema {
  const newer = crd.versions
    .filter((v) => v.served && !v.deprecated && compareKubeVersions(version.name, v.name) < 0)
    .sort((a, b) => compareKubeVersions(b.name, a.name))[0];
  const replacement = newer ? `${crd.group}/${newer.name}` : undefined;
  const message = version.deprecationWarning ?? `${crd.group}/${version.name} ${crd.kind} is deprecated${replacement ? `; use ${replacement} ${crd.kind}` : ''}`;
  const problem: SchemaProblem = { path: ['apiVersion'], target: 'value', code: 'crd-version-deprecated', message, ...(replacement ? { data: { replacement } } : {}) };
  return { ...schema, key: `${schema.key}|deprecated|${message}`, validate: (value) => [problem, ...schema.validate(value)] };
}

/** Compiled schemas per CRD model and version: a model is made once per parsed document, so this lives as long as it. */
const schemasOf = new WeakMap<CrdModel, Map<string, CustomKindSchema>>();

function versionSchema(crd: CrdModel, version: CrdVersion, builtIn: () => Record<string, JsonSchema>): CustomKindSchema {
  let known = schemasOf.get(crd);
  if (!known) schemasOf.set(crd, (known = new Map()));
  let schema = known.get(version.name);
  if (!schema) {
    const strict = strictCrdSchema(version.schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, crd.kind, builtIn());
    // The key hashes what was written (the built-in part is the same for every CRD of a server).
    const compiled = compileKindSchema(strict, { origin: `CustomResourceDefinition ${crd.name}`, key: `crd|${crd.kind}|${hashOf(version.schema ?? null)}`, pathNames: true, engine: 'interpret' });
    const pods = embeddedPodSpecs(version.schema).map((embedded) => derivedPodLocation(crd, version.name, embedded));
    schema = pods.length ? { ...compiled, podLocations: pods } : compiled;
    known.set(version.name, schema);
  }
  return schema;
}

/**
 * The custom kinds of some CRDs, the first CRD of a group and kind winning (callers list the file's own first).
 * `builtIn` gives ObjectMeta and what it references, asked once per compiled version.
 */
export function crdSource(crds: readonly CrdModel[], builtIn: () => Record<string, JsonSchema>): CustomKindSource | undefined {
  if (crds.length === 0) return undefined;
  const byGroupKind = new Map<string, CrdModel>();
  for (const crd of crds) {
    const key = `${crd.group}\u0000${crd.kind}`;
    if (!byGroupKind.has(key)) byGroupKind.set(key, crd);
  }
  return {
    lookup(apiVersion, kind) {
      const parsed = groupVersion(apiVersion);
      const crd = parsed && byGroupKind.get(`${parsed.group}\u0000${kind}`);
      if (!parsed || !crd) return undefined;
      const version = crd.versions.find((v) => v.name === parsed.version && v.served);
      if (!version) return notServed(crd, apiVersion);
      const schema = versionSchema(crd, version, builtIn);
      return version.deprecated ? withDeprecation(schema, crd, version) : schema;
    },
    kinds() {
      return [...byGroupKind.values()].flatMap((crd) => crd.versions.filter((v) => v.served).map((v) => ({ apiVersion: `${crd.group}/${v.name}`, kind: crd.kind })));
    },
  };
}
