import type { DerivedPodLocations, PodLocation } from '../model/pod-locations';
import type { FieldInfo, SchemaPath, SchemaProblem, SchemaRegistry } from './types';

/**
 * The lookup chain for kinds the built-in schemas do not model (custom resources). The validator, completion and
 * hover ask the built-in registry first; for a kind it does not know they ask the sources of the chain in order:
 *
 * 1. the CustomResourceDefinitions of the file itself,
 * 2. the CustomResourceDefinitions of the workspace (the editor's index) or of the CLI's inputs,
 * 3. the bundled schemas of popular CRDs.
 *
 * The first source that knows the kind's group and kind answers, for every version: a CRD in the user's files
 * describes the cluster they deploy to (their Istio release, their own fork), so it wins over a bundled schema of
 * the same group and kind, also when it does not serve the version the resource asks for (the answer is then
 * "not served", as the API server's). A kind no source knows stays unchecked, as before.
 */

/** The schema of one custom kind at one apiVersion (or the finding that the apiVersion is not served). */
export interface CustomKindSchema {
  /** Identity of the schema's content (a hash): a document is validated again only when it changes. */
  readonly key: string;
  /** Where it comes from, for hover: `CustomResourceDefinition widgets.example.com`. */
  readonly origin: string;
  /** Problems of a whole document's value, in the same words and paths as the built-in kinds'. */
  validate(value: unknown): SchemaProblem[];
  /** The field at `path` ([] is the document), for completion and hover; undefined when not served. */
  describe(path: SchemaPath): FieldInfo | undefined;
  /** Where its resources keep pod specs, when the schema embeds them (a CRD's, schema/crd-pods.ts). */
  readonly podLocations?: readonly PodLocation[];
}

/** One link of the chain. */
export interface CustomKindSource {
  /** undefined: this source knows nothing of the kind's group and kind, and the next source is asked. */
  lookup(apiVersion: string, kind: string): CustomKindSchema | undefined;
  /** The served kinds it describes, for completing `kind:` and `apiVersion:`. */
  kinds(): readonly { apiVersion: string; kind: string }[];
}

/** Sources asked in order (undefined entries skipped); undefined when there are none. */
export function chainSources(sources: readonly (CustomKindSource | undefined)[]): CustomKindSource | undefined {
  const present = sources.filter((source): source is CustomKindSource => source !== undefined);
  if (present.length <= 1) return present[0];
  return {
    lookup(apiVersion, kind) {
      for (const source of present) {
        const found = source.lookup(apiVersion, kind);
        if (found) return found;
      }
      return undefined;
    },
    kinds() {
      const seen = new Set<string>();
      const all: { apiVersion: string; kind: string }[] = [];
      for (const source of present) {
        for (const entry of source.kinds()) {
          const key = `${entry.apiVersion}\u0000${entry.kind}`;
          if (seen.has(key)) continue;
          seen.add(key);
          all.push(entry);
        }
      }
      return all;
    },
  };
}

/** The custom schema of a kind: only for kinds the built-in registry neither models nor records as removed. */
export function customSchemaOf(registry: SchemaRegistry, custom: CustomKindSource | undefined, apiVersion: string, kind: string): CustomKindSchema | undefined {
  if (!custom || registry.lookup(apiVersion, kind) || registry.removal(apiVersion, kind)) return undefined;
  return custom.lookup(apiVersion, kind);
}

/**
 * The pod rows the chain's schemas derive, for podsOf: asked only for kinds the built-in registry does not model, so a
 * Deployment or a ConfigMap never reaches a custom source (the bundled one reads nothing until such a kind comes).
 */
export function derivedPodLocations(registry: SchemaRegistry, custom: CustomKindSource | undefined): DerivedPodLocations | undefined {
  if (!custom) return undefined;
  return { podLocations: (apiVersion, kind) => customSchemaOf(registry, custom, apiVersion, kind)?.podLocations ?? [] };
}

/**
 * The built-in registry seen through the chain: validate, describe and knownKinds answer for custom kinds too,
 * so the validator, completion and hover need no second code path. `lookup` stays built-in only.
 */
export function withCustomKinds(registry: SchemaRegistry, custom: CustomKindSource | undefined): SchemaRegistry {
  if (!custom) return registry;
  return {
    kubernetesVersion: registry.kubernetesVersion,
    schemaDir: registry.schemaDir,
    lookup: (apiVersion, kind) => registry.lookup(apiVersion, kind),
    removal: (apiVersion, kind) => registry.removal(apiVersion, kind),
    visitFields: (apiVersion, kind, value, targets, visit) => registry.visitFields(apiVersion, kind, value, targets, visit),
    definitionClosure: (definition) => registry.definitionClosure(definition),
    validate(apiVersion, kind, value) {
      const schema = customSchemaOf(registry, custom, apiVersion, kind);
      return schema ? schema.validate(value) : registry.validate(apiVersion, kind, value);
    },
    describe(apiVersion, kind, path) {
      const schema = customSchemaOf(registry, custom, apiVersion, kind);
      return schema ? schema.describe(path) : registry.describe(apiVersion, kind, path);
    },
    knownKinds: () => [...registry.knownKinds(), ...custom.kinds()],
  };
}
