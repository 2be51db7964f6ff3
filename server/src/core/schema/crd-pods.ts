/**
 * Where a CustomResourceDefinition version's `openAPIV3Schema` embeds a Kubernetes pod spec, found from the schema's
 * structure alone (no list of operators): its custom resources then get the pod rules, completion, hover and the
 * topology as a Deployment does, through the derived rows of model/pod-locations.ts.
 *
 * A schema object is taken for a **PodSpec** only when it is what controller-gen (and the API's own OpenAPI) writes
 * for `core/v1 PodSpec`:
 * - `containers` is in its `required` list (PodSpec's `containers` has no `omitempty`, so every generated schema
 *   requires it), and
 * - `properties.containers` is an array whose items are objects with both `name` and `image` properties (Container),
 * - it has a `volumes` property (what the containers mount must be declared in the same object) and at least one
 *   more property only a PodSpec has (POD_ONLY: `initContainers`, `restartPolicy`, `serviceAccountName`, …).
 *
 * That is deliberately narrow. An operator spec that merely *lets you add* containers (prometheus-operator's
 * `Prometheus.spec.containers`, merged into the StatefulSet it generates, may name a container without an image)
 * does not require `containers` and is not a pod: a false "missing image" costs more than a missed check. Argo's
 * `containerSet` requires `containers` but mounts volumes its template declares, and has no `volumes`: not a pod
 * either (a false `undefined-volume` otherwise). A pod
 * template kept as `x-kubernetes-preserve-unknown-fields` has no structure to recognise and is not found either.
 *
 * The pod's labels and annotations are the `metadata` beside the pod spec when the pod spec is the `spec` of an object
 * that also has `metadata` (a PodTemplateSpec, or an embedded Pod); a bare PodSpec has none. The walk goes through
 * `properties`, list `items` and map `additionalProperties` (each item or value a pod: `'*'`), not through
 * `allOf`/`anyOf`/`oneOf`, not into the resource's own `metadata` and `status`, and not below a pod spec it found.
 */

/** One pod spec inside a custom resource. */
export interface EmbeddedPodSpec {
  /** From the resource's root to the pod-spec map; `'*'` is every item of a list or every value of a map. */
  path: readonly string[];
  /** The pod's metadata is the `metadata` beside the pod spec (a pod template); false for a bare PodSpec. */
  templateMetadata: boolean;
}

/** Deeper than any operator nests a pod template; bounds the walk of a hostile schema. */
const MAX_DEPTH = 24;
/** Top-level fields of a resource that never hold its pods. */
const NOT_AT_ROOT = new Set(['apiVersion', 'kind', 'metadata', 'status']);

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function own(object: Record<string, unknown> | undefined, key: string): unknown {
  return object && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** PodSpec properties that no container list of another kind has (core/v1 PodSpec). */
const POD_ONLY = ['initContainers', 'restartPolicy', 'serviceAccountName', 'nodeSelector', 'tolerations', 'affinity', 'securityContext', 'terminationGracePeriodSeconds', 'imagePullSecrets', 'hostNetwork'];

/** Whether a schema object is a PodSpec as controller-gen writes one (see the file comment). */
export function isPodSpecSchema(schema: unknown): boolean {
  const object = record(schema);
  const required = own(object, 'required');
  if (!Array.isArray(required) || !required.includes('containers')) return false;
  const properties = record(own(object, 'properties'));
  if (!properties || !Object.hasOwn(properties, 'volumes') || !POD_ONLY.some((name) => Object.hasOwn(properties, name))) return false;
  const containers = record(own(properties, 'containers'));
  if (own(containers, 'type') !== 'array') return false;
  const fields = record(own(record(own(containers, 'items')), 'properties'));
  return !!fields && Object.hasOwn(fields, 'name') && Object.hasOwn(fields, 'image');
}

/** Every pod spec the schema embeds, in schema order. */
export function embeddedPodSpecs(schema: unknown): EmbeddedPodSpec[] {
  const found: EmbeddedPodSpec[] = [];
  const walk = (node: unknown, path: string[], parent: Record<string, unknown> | undefined): void => {
    const object = record(node);
    if (!object || path.length > MAX_DEPTH) return;
    if (path.length > 0 && isPodSpecSchema(object)) {
      const besideMetadata = path.length > 1 && path[path.length - 1] === 'spec' && Object.hasOwn(record(own(parent, 'properties')) ?? {}, 'metadata');
      found.push({ path, templateMetadata: besideMetadata });
      return;
    }
    const properties = record(own(object, 'properties'));
    for (const [key, child] of Object.entries(properties ?? {})) {
      if (path.length === 0 && NOT_AT_ROOT.has(key)) continue;
      walk(child, [...path, key], object);
    }
    // A list of lists (or a map of lists) has no path step for its inner items: not walked.
    if (path.length === 0 || path[path.length - 1] === '*') return;
    const items = record(own(object, 'items'));
    if (items) walk(items, [...path, '*'], object);
    const values = record(own(object, 'additionalProperties'));
    if (values) walk(values, [...path, '*'], object);
  };
  walk(schema, [], undefined);
  return found;
}
