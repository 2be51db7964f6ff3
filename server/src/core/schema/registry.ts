import Ajv, { type ValidateFunction } from 'ajv';
import { findSchemaDir, loadSchemaFiles, KUBERNETES_VERSION, type JsonSchema } from './load-schemas';
import * as generated from './generated/validators';
import { toProblems } from './problems';
import { SchemaWalker, type ResolvedNode } from './schema-walker';
import type { FieldInfo, FieldVisitor, KindInfo, RemovedApiVersion, SchemaPath, SchemaProblem, SchemaRegistry, SchemaRegistryOptions } from './types';
import { unknownKindProblem } from './unknown-kind';

function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}\u0000${kind}`;
}

function removalMessage(removed: RemovedApiVersion): string {
  const head = `${removed.apiVersion} ${removed.kind} is no longer served (removed in Kubernetes ${removed.removedIn})`;
  if (removed.replacement) return `${head}: use ${removed.replacement}`;
  return `${head}${removed.note ? `: ${removed.note}` : ''}.`;
}

export function createSchemaRegistry(options: SchemaRegistryOptions = {}): SchemaRegistry {
  // __dirname exists both under tsx (CommonJS) and in the CommonJS esbuild bundle
  const schemaDir = options.schemaDir ?? findSchemaDir(typeof __dirname === 'string' ? __dirname : process.cwd());
  const { definitions, index, definitionsHash } = loadSchemaFiles(schemaDir);
  const walker = new SchemaWalker(definitions.definitions);

  const kinds = new Map<string, KindInfo>();
  for (const entry of index.kinds) {
    kinds.set(kindKey(entry.apiVersion, entry.kind), { ...entry, description: definitions.definitions[entry.definition]?.description });
  }
  const kindsByVersion = new Map<string, string[]>();
  for (const entry of index.kinds) kindsByVersion.set(entry.apiVersion, [...(kindsByVersion.get(entry.apiVersion) ?? []), entry.kind]);
  const removed = new Map<string, RemovedApiVersion>();
  for (const entry of index.removedApiVersions) removed.set(kindKey(entry.apiVersion, entry.kind), entry);

  // One Ajv for all kinds: the definitions are added once and each kind's validator is compiled on
  // first use, so shared types (PodSpec, ObjectMeta) are not re-parsed per validation.
  // Validators precompiled at build time (scripts/precompile-validators.mjs, keyed "apiVersion/kind")
  // are used when they were built from these very schemas; other kinds, or another schema folder,
  // compile lazily once per kind as below.
  const precompiled: Readonly<Record<string, unknown>> | undefined =
    generated.definitionsHash === definitionsHash ? (generated as unknown as Readonly<Record<string, unknown>>) : undefined;
  let ajv: Ajv | undefined;
  const validators = new Map<string, ValidateFunction>();
  function validatorFor(info: KindInfo): ValidateFunction {
    let validator = validators.get(info.definition);
    if (!validator) {
      const ready = precompiled?.[`${info.apiVersion}/${info.kind}`];
      if (typeof ready === 'function') {
        validator = ready as ValidateFunction;
        validators.set(info.definition, validator);
        return validator;
      }
      if (!ajv) {
        ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false, validateSchema: false });
        ajv.addSchema(definitions);
      }
      validator = ajv.compile({ $ref: `${definitions.$id}#/definitions/${info.definition}` });
      validators.set(info.definition, validator);
    }
    return validator;
  }

  // Per target set: whether a type can reach a target type (computed once per type, the schema graph is fixed).
  const reachability = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
  function reaches(definition: string, targets: ReadonlySet<string>): boolean {
    let known = reachability.get(targets);
    if (!known) reachability.set(targets, (known = new Map()));
    const cached = known.get(definition);
    if (cached !== undefined) return cached;
    known.set(definition, false); // cycles (JSONSchemaProps) resolve to "not through this path"
    const result = targets.has(definition) || childDefinitions(definition).some((child) => reaches(child, targets));
    known.set(definition, result);
    return result;
  }
  function childDefinitions(definition: string): string[] {
    const schema = definitions.definitions[definition];
    const found: string[] = [];
    const add = (node: JsonSchema | undefined) => {
      if (!node) return;
      const resolved = walker.resolve(node);
      if (resolved.definition) found.push(resolved.definition);
      else if (resolved.schema.items) add(resolved.schema.items);
      else if (typeof resolved.schema.additionalProperties === 'object') add(resolved.schema.additionalProperties);
    };
    for (const property of Object.values(schema?.properties ?? {})) add(property);
    return found;
  }
  function visitNode(node: ResolvedNode, value: unknown, path: SchemaPath, targets: ReadonlySet<string>, visit: FieldVisitor): void {
    if (node.definition && !reaches(node.definition, targets)) return;
    if (Array.isArray(value)) {
      const items = node.schema.items ? walker.resolve(node.schema.items) : undefined;
      if (items) value.forEach((item, index) => visitNode(items, item, [...path, index], targets, visit));
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (node.definition && targets.has(node.definition)) visit(node.definition, key, [...path, key], child);
      const next = walker.child(node, key);
      if (next) visitNode(next, child, [...path, key], targets, visit);
    }
  }

  function definitionClosure(definition: string): Record<string, JsonSchema> {
    const found: Record<string, JsonSchema> = {};
    const pending = [definition];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      const schema = definitions.definitions[name];
      if (!schema || found[name]) continue;
      found[name] = schema;
      for (const match of JSON.stringify(schema).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) pending.push(match[1]);
    }
    return found;
  }

  return {
    definitionClosure,
    visitFields(apiVersion: string, kind: string, value: unknown, targets: ReadonlySet<string>, visit: FieldVisitor): void {
      const info = kinds.get(kindKey(apiVersion, kind));
      const root = info ? walker.definitionNode(info.definition) : undefined;
      if (root) visitNode(root, value, [], targets, visit);
    },
    kubernetesVersion: index.kubernetesVersion ?? KUBERNETES_VERSION,
    schemaDir,
    lookup(apiVersion: string, kind: string): KindInfo | undefined {
      return kinds.get(kindKey(apiVersion, kind));
    },
    removal(apiVersion: string, kind: string): RemovedApiVersion | undefined {
      return removed.get(kindKey(apiVersion, kind));
    },
    validate(apiVersion: string, kind: string, value: unknown): SchemaProblem[] {
      const gone = removed.get(kindKey(apiVersion, kind));
      if (gone) {
        return [
          {
            path: ['apiVersion'],
            target: 'value',
            code: 'removed-api-version',
            message: removalMessage(gone),
            ...(gone.replacement ? { data: { replacement: gone.replacement } } : {}),
          },
        ];
      }
      const info = kinds.get(kindKey(apiVersion, kind));
      if (!info) {
        const unknown = unknownKindProblem(apiVersion, kind, kindsByVersion, index.removedApiVersions);
        return unknown ? [unknown] : [];
      }
      const validator = validatorFor(info);
      if (validator(value)) return [];
      return toProblems(validator.errors ?? [], value, walker, info.definition);
    },
    describe(apiVersion: string, kind: string, path: SchemaPath): FieldInfo | undefined {
      const info = kinds.get(kindKey(apiVersion, kind));
      return info ? walker.describe(info.definition, path) : undefined;
    },
    knownKinds(): { apiVersion: string; kind: string }[] {
      return index.kinds.map(({ apiVersion, kind }) => ({ apiVersion, kind }));
    },
  };
}
