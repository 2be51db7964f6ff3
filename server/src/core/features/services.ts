import type { ComposeRule } from '../compose/rules';
import type { ComposeSchema } from '../compose/schema';
import type { Rule } from '../rules/types';
import type { SchemaRegistry } from '../schema';
import type { DerivedPodLocations } from '../model/pod';
import { derivedPodLocations, withCustomKinds, type CustomKindSource } from '../schema/custom-kinds';
import type { Validator } from './validation';

/**
 * What a feature (completion, hover, code actions…) may use of the language service: the compiled schemas, the
 * rules and the validator with its per-document cache. Features take this, never the LanguageService facade, so
 * the facade can import every feature without a circle.
 */
export interface FeatureServices {
  readonly schemas: SchemaRegistry;
  readonly rules: readonly Rule[];
  readonly validator: Validator;
  /** The Compose Specification schema and the Compose rules (compose.yaml files). */
  readonly compose: { readonly schema: ComposeSchema; readonly rules: readonly ComposeRule[] };
  /** The custom-kind chain `schemas` is seen through (withCustomKindSchemas), for saying where a field's schema is from. */
  readonly customKinds?: CustomKindSource;
  /** The pod rows the chain derives (a CRD that embeds a pod template), for podsOf. */
  readonly pods?: DerivedPodLocations;
}

/**
 * The services with `schemas` seen through the custom-kind chain (schema/custom-kinds.ts): `sources` (the CRDs of
 * the file and workspace) first, then the bundled schemas, so completion and hover describe custom resources too.
 */
export function withCustomKindSchemas(service: FeatureServices, sources: readonly (CustomKindSource | undefined)[] = []): FeatureServices {
  const custom = service.validator.customKinds(sources);
  return custom ? { ...service, schemas: withCustomKinds(service.schemas, custom), customKinds: custom, pods: derivedPodLocations(service.schemas, custom) } : service;
}
