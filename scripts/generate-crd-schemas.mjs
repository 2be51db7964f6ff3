#!/usr/bin/env node
// Generates strict JSON schemas of popular custom resource kinds (Istio, Argo, prometheus-operator, cert-manager,
// ...) from the `.d.ts` files of the @kubernetes-models/* packages, the way generate-schemas.mjs does for the built-in
// kinds. Types they take from Kubernetes (PodTemplateSpec, Container, ObjectMeta, ...) are `$ref`s to the built-in
// definitions of schemas/v1.36/_definitions.json, by the same keys, so a pod template in a Rollout is checked exactly
// like one in a Deployment. See schemas/README.md ("Custom resources").
// Usage: node scripts/generate-crd-schemas.mjs [--out <dir>]   (default: schemas/crds)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { dataPackageDir, DATA_PACKAGES } from './tools/pinned-packages.mjs';
import { docOf, withNull, writeJson } from './schemas/dts-common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_IN = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'v1.36', '_definitions.json'), 'utf8')).definitions;
const outArg = process.argv.indexOf('--out');
const OUT_DIR = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'schemas', 'crds');

/**
 * The packages bundled, by the short name that prefixes their definition keys and names their file. Every
 * @kubernetes-models/* package of the pinned list (scripts/tools/pinned-packages.mjs) is one row.
 */
const PACKAGES = Object.keys(DATA_PACKAGES)
  .filter((name) => name.startsWith('@kubernetes-models/') && name !== '@kubernetes-models/apimachinery')
  .map((name) => ({ name, short: name.slice('@kubernetes-models/'.length), dir: dataPackageDir(name) }))
  .sort((a, b) => a.short.localeCompare(b.short));
const BY_NAME = new Map(PACKAGES.map((p) => [p.name, p]));
const MODELS_DIR = dataPackageDir('kubernetes-models');
const APIMACHINERY_DIR = dataPackageDir('@kubernetes-models/apimachinery');

// As in generate-schemas.mjs: scalar wrappers are inlined so an error lands on the field itself.
const INLINE_SCALARS = {
  'resource.Quantity': { type: ['string', 'number'] },
  'intstr.IntOrString': { type: ['string', 'integer'] },
  'meta.v1.Time': { type: 'string' },
  'meta.v1.MicroTime': { type: 'string' },
};

/** The built-in definition key of a kubernetes-models / apimachinery file, as generate-schemas.mjs names it. */
function builtInKey(file) {
  if (file.startsWith(MODELS_DIR + path.sep)) {
    const parts = path.relative(MODELS_DIR, file).replace(/\.d\.ts$/, '').split(path.sep);
    return parts.length === 2 ? `core.${parts.join('.')}` : parts.join('.');
  }
  const parts = path.relative(APIMACHINERY_DIR, file).replace(/\.d\.ts$/, '').split(path.sep);
  return parts[0] === 'apis' ? parts.slice(1).join('.') : parts.slice(-2).join('.');
}

/** Where an import points: a file of a bundled package, or a built-in definition key. */
function resolveImport(fromFile, spec) {
  if (spec.startsWith('.')) return { file: path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, '.d.ts')) };
  if (spec.startsWith('kubernetes-models/')) return { builtIn: builtInKey(path.join(MODELS_DIR, spec.slice('kubernetes-models/'.length) + '.d.ts')) };
  if (spec.startsWith('@kubernetes-models/apimachinery/')) {
    return { builtIn: builtInKey(path.join(APIMACHINERY_DIR, spec.slice('@kubernetes-models/apimachinery/'.length) + '.d.ts')) };
  }
  if (spec === '@kubernetes-models/base') return undefined; // runtime helpers (Model, TypeMeta), not API types
  const [scope, name, ...rest] = spec.split('/');
  const target = BY_NAME.get(`${scope}/${name}`);
  if (target) return { file: path.join(target.dir, ...rest) + '.d.ts' };
  throw new Error(`import of ${spec} in ${fromFile}: not a bundled package`);
}

function packageOf(file) {
  const found = PACKAGES.find((p) => file.startsWith(p.dir + path.sep));
  if (!found) throw new Error(`unexpected source file ${file}`);
  return found;
}

/** `istio:networking.istio.io.v1.VirtualService`: the package keeps the three argoproj.io packages' types apart. */
function keyOf(file) {
  const pkg = packageOf(file);
  return `${pkg.short}:${path.relative(pkg.dir, file).replace(/\.d\.ts$/, '').split(path.sep).join('.')}`;
}

/**
 * Types the packages model with apiVersion/kind literals that no API server serves as a resource: they are the
 * types of fields (kept as definitions), not kinds a manifest names. Each row says where the type is used.
 */
const NOT_KINDS = {
  'monitoring.coreos.com/v1 EmbeddedPersistentVolumeClaim': 'the type of Prometheus/Alertmanager spec.storage.volumeClaimTemplate',
  'keda.sh/v1alpha1 WithTriggers': "KEDA's internal view of the triggers of a ScaledObject or ScaledJob, not a CRD KEDA installs",
  'autoscaling.internal.knative.dev/v1alpha1 PodScalable': 'a duck type (what a PodAutoscaler scales), not a CRD; knative/serving config/core/300-resources has none',
  'eventing.knative.dev/v1alpha1 EventPolicySelector': 'the type of selectors inside an EventPolicy, not a CRD Knative installs',
  'messaging.knative.dev/v1 ChannelTemplateSpec': 'the type of the channelTemplate fields (Channel, Parallel, Sequence), not a CRD Knative installs',
};

/**
 * Fields that a package's controller fills in, so a manifest may leave them out although the type (often a Kubernetes
 * one) requires them: without these rows every Knative Service and Argo Workflow would get a false
 * missing-required-field. A built-in `type` is relaxed for that package only: the package gets its own copies
 * (`knative:core.v1.Container`) of it and of every built-in type on the way to it.
 */
const KNATIVE_CRD = 'knative/serving config/core/300-resources/service.yaml';
const OPTIONAL_FIELDS = [
  { package: 'knative', type: 'core.v1.Container', optional: ['name'], source: `${KNATIVE_CRD}: containers items require no name (Knative names the container user-container)` },
  { package: 'knative', type: 'core.v1.HTTPGetAction', optional: ['port'], source: `${KNATIVE_CRD}: httpGet requires no port (Knative probes the container's port)` },
  { package: 'knative', type: 'core.v1.TCPSocketAction', optional: ['port'], source: `${KNATIVE_CRD}: tcpSocket requires no port` },
  { package: 'knative', type: 'core.v1.GRPCAction', optional: ['port'], source: `${KNATIVE_CRD}: grpc requires no port` },
  { package: 'argo-workflows', type: 'core.v1.Container', optional: ['name'], source: 'argo-workflows examples/hello-world.yaml: a template container without a name (Argo names it main)' },
  {
    package: 'argo-workflows',
    type: 'argo-workflows:argoproj.io.v1alpha1.ScriptTemplate',
    optional: ['name'],
    source: 'argo-workflows examples/scripts-bash.yaml: a script template without a name (Argo names it main)',
  },
];

/**
 * Types whose JSON is not their Go struct (a custom UnmarshalJSON): the `.d.ts` shows the struct, the API the JSON.
 * `items` names the definition of the list's elements.
 */
const JSON_SHAPES = {
  'argo-workflows:argoproj.io.v1alpha1.ParallelSteps': {
    items: 'argo-workflows:argoproj.io.v1alpha1.WorkflowStep',
    source: 'argo-workflows pkg/apis/workflow/v1alpha1/workflow_types.go: ParallelSteps.UnmarshalJSON reads an anonymous list of WorkflowStep',
  },
};

/** @type {Map<string, object>} definitions of the bundled packages (objects and kinds) */
const definitions = new Map();
/** @type {Map<string, object>} type aliases (`type IPhase = string`), inlined where they are used */
const aliases = new Map();
/** @type {{apiVersion: string, kind: string, definition: string, package: string}[]} */
const kinds = [];
const usedBuiltIns = new Set();
/** placeholders of the definitions being built */
const loading = new WeakSet();

function builtInRef(key) {
  if (INLINE_SCALARS[key]) return structuredClone(INLINE_SCALARS[key]);
  if (!BUILT_IN[key]) throw new Error(`built-in type ${key} is not in schemas/v1.36/_definitions.json`);
  usedBuiltIns.add(key);
  return { $ref: `#/definitions/${key}` };
}

/** Loads a bundled file: an interface becomes a definition (returned as a `$ref`), a type alias its inlined schema. */
function refTo(file) {
  const key = keyOf(file);
  if (definitions.has(key)) return { $ref: `#/definitions/${key}` };
  if (aliases.has(key)) return structuredClone(aliases.get(key));
  const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const imports = new Map();
  let decl;
  for (const stmt of sourceFile.statements) {
    if (ts.isImportDeclaration(stmt) && stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings)) {
      const target = resolveImport(file, stmt.moduleSpecifier.text);
      if (target) for (const el of stmt.importClause.namedBindings.elements) imports.set(el.name.text, target);
    }
    if (!decl && (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt))) decl = stmt;
  }
  if (!decl) throw new Error(`no interface or type in ${file}`);
  const ctx = { file, sourceFile, imports, selfName: decl.name.text, selfKey: key };
  if (ts.isTypeAliasDeclaration(decl)) {
    const schema = typeToSchema(decl.type, ctx);
    aliases.set(key, schema);
    return structuredClone(schema);
  }
  const placeholder = {}; // breaks recursion
  loading.add(placeholder);
  definitions.set(key, placeholder);
  const schema = {};
  const description = docOf(decl, sourceFile);
  if (description) schema.description = description;
  const { apiVersion, kind } = membersToObject(decl.members, ctx, schema, decl.heritageClauses);
  if (apiVersion && kind && !path.basename(file).endsWith('List.d.ts') && !NOT_KINDS[`${apiVersion} ${kind}`]) {
    // A CRD whose whole object preserves unknown fields (IstioOperator) has no fields besides these in the .d.ts:
    // its body is free-form, so nothing of it is unknown.
    if (Object.keys(schema.properties ?? {}).every((name) => name === 'apiVersion' || name === 'kind' || name === 'metadata')) delete schema.additionalProperties;
    const status = schema.properties?.status;
    // What a controller writes back: output of `kubectl get -o yaml` validates whatever its release adds there.
    if (status) schema.properties.status = status.description ? { description: status.description } : {};
    kinds.push({ apiVersion, kind, definition: key, package: packageOf(file).name });
  }
  definitions.set(key, schema);
  return { $ref: `#/definitions/${key}` };
}

/** The object schema behind a `$ref` (bundled or built-in), or the inline schema itself. */
function objectOf(schema) {
  if (!schema.$ref) return schema;
  const key = schema.$ref.slice('#/definitions/'.length);
  return definitions.get(key) ?? BUILT_IN[key];
}

/** Fills `schema` from property signatures (and embedded interfaces); returns the literal apiVersion/kind of a kind. */
function membersToObject(members, ctx, schema, heritage = []) {
  const properties = {};
  const required = [];
  let apiVersion;
  let kind;
  let freeForm = false;
  // `interface IA extends IB`: Go's embedded struct, whose fields are the struct's own (json inline)
  for (const clause of heritage) {
    for (const base of clause.types) {
      const name = base.expression.getText(ctx.sourceFile);
      if (name === 'TypeMeta') continue; // apiVersion/kind are declared again as literals
      const target = ctx.imports.get(name);
      if (!target) throw new Error(`unresolved base ${name} in ${ctx.file}`);
      const parent = objectOf(target.builtIn ? builtInRef(target.builtIn) : refTo(target.file));
      if (loading.has(parent)) throw new Error(`recursive base ${name} in ${ctx.file}`);
      if (!parent.properties) freeForm = true; // embeds a free-form object (Argo's Plugin): any field goes
      Object.assign(properties, parent.properties ?? {});
      required.push(...(parent.required ?? []));
    }
  }
  for (const member of members) {
    if (ts.isIndexSignatureDeclaration(member)) continue;
    if (!ts.isPropertySignature(member) || !member.type) throw new Error(`unhandled member in ${ctx.file}: ${member.getText(ctx.sourceFile)}`);
    const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(ctx.sourceFile);
    const prop = typeToSchema(member.type, ctx);
    if (member.questionToken) makeNullable(prop);
    else if (!DEFAULTED_SCALARS.has(prop.type) || prop.enum) required.push(name);
    const doc = docOf(member, ctx.sourceFile);
    properties[name] = doc ? { ...prop, description: doc } : prop;
    if (name === 'apiVersion' && ts.isLiteralTypeNode(member.type)) apiVersion = member.type.literal.text;
    if (name === 'kind' && ts.isLiteralTypeNode(member.type)) kind = member.type.literal.text;
  }
  if (Object.keys(properties).length > 0) {
    schema.type = ['object', 'null'];
    schema.properties = properties;
    const unique = [...new Set(required)].sort();
    if (unique.length > 0) schema.required = unique;
    const index = members.find(ts.isIndexSignatureDeclaration);
    if (!freeForm) schema.additionalProperties = index ? typeToSchema(index.type, ctx) : false;
  }
  return { apiVersion, kind };
}

/**
 * A boolean or number field without `omitempty` is "required" in the Go-derived models, but a Go client always sends
 * its zero value and the CRDs give such fields a default (external-secrets apis/generators/v1alpha1/types_password.go:
 * `// +kubebuilder:default=false` on `AllowRepeat bool json:"allowRepeat"`), which the API server applies before it
 * checks required fields: so a manifest may leave them out.
 */
const DEFAULTED_SCALARS = new Set(['boolean', 'number', 'integer']);

function makeNullable(prop) {
  if (prop.$ref) return; // an object definition already admits null
  if (prop.type) prop.type = withNull(prop.type);
  if (prop.enum) prop.enum = [...new Set([...prop.enum, ...(prop.enum.every((v) => typeof v === 'string') ? [''] : []), null])];
}

const KEYWORD_TYPES = { [ts.SyntaxKind.StringKeyword]: 'string', [ts.SyntaxKind.NumberKeyword]: 'number', [ts.SyntaxKind.BooleanKeyword]: 'boolean' };

function literalValue(node) {
  const literal = node.literal;
  if (ts.isStringLiteral(literal)) return literal.text;
  if (ts.isNumericLiteral(literal)) return Number(literal.text);
  if (literal.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (literal.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isPrefixUnaryExpression(literal) && ts.isNumericLiteral(literal.operand)) return -Number(literal.operand.text);
  throw new Error(`unhandled literal ${node.getText()}`);
}

function jsonType(value) {
  return typeof value === 'number' ? 'number' : typeof value;
}

function typeToSchema(node, ctx) {
  if (KEYWORD_TYPES[node.kind]) return { type: KEYWORD_TYPES[node.kind] };
  switch (node.kind) {
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return {};
    case ts.SyntaxKind.ParenthesizedType:
      return typeToSchema(node.type, ctx);
    case ts.SyntaxKind.LiteralType: {
      const value = literalValue(node);
      return { type: jsonType(value), enum: [value] };
    }
    case ts.SyntaxKind.ArrayType:
      return { type: 'array', items: typeToSchema(node.elementType, ctx) };
    case ts.SyntaxKind.UnionType: {
      // Literal and keyword members only (`"A" | "B"`, `number | string`); object unions do not occur.
      const parts = node.types.map((t) => typeToSchema(t, ctx));
      if (parts.some((p) => Object.keys(p).some((k) => k !== 'type' && k !== 'enum') || !p.type)) throw new Error(`unhandled union in ${ctx.file}: ${node.getText().slice(0, 200)}`);
      const types = [...new Set(parts.flatMap((p) => p.type))];
      const union = { type: types.length === 1 ? types[0] : types };
      if (parts.every((p) => p.enum)) union.enum = [...new Set(parts.flatMap((p) => p.enum))];
      return union;
    }
    case ts.SyntaxKind.IntersectionType: {
      // `{fields} & (Exclude<…> | {one required} | …)`: the object literals are the fields; the parenthesised unions
      // say which of them are mutually exclusive (the CRD's oneOf), which is not checked (missed, never false).
      const literals = node.types.filter(ts.isTypeLiteralNode);
      if (literals.length === 0 || node.types.some((t) => !ts.isTypeLiteralNode(t) && !ts.isParenthesizedTypeNode(t))) {
        throw new Error(`unhandled intersection in ${ctx.file}: ${node.getText().slice(0, 200)}`);
      }
      const merged = {};
      for (const literal of literals) {
        const part = typeToSchema(literal, ctx);
        merged.type ??= part.type;
        merged.properties = { ...merged.properties, ...part.properties };
        merged.required = [...new Set([...(merged.required ?? []), ...(part.required ?? [])])].sort();
        merged.additionalProperties = part.additionalProperties ?? merged.additionalProperties;
      }
      if (merged.required.length === 0) delete merged.required;
      if (!merged.properties || Object.keys(merged.properties).length === 0) return {};
      return merged;
    }
    case ts.SyntaxKind.TypeLiteral: {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index && node.members.length === 1) return { type: 'object', additionalProperties: typeToSchema(index.type, ctx) };
      if (node.members.length === 0) return {}; // an empty struct or free-form object: any value, as for RawExtension
      const inline = {};
      membersToObject(node.members, ctx, inline);
      inline.type = 'object';
      return inline;
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText(ctx.sourceFile);
      if (name === 'Array') return { type: 'array', items: typeToSchema(node.typeArguments[0], ctx) };
      if (name === 'Exclude') return typeToSchema(node.typeArguments[0], ctx);
      if (name === ctx.selfName) return { $ref: `#/definitions/${ctx.selfKey}` };
      const target = ctx.imports.get(name);
      if (!target) throw new Error(`unresolved type ${name} in ${ctx.file}`);
      return target.builtIn ? builtInRef(target.builtIn) : refTo(target.file);
    }
    default:
      throw new Error(`unhandled type node ${ts.SyntaxKind[node.kind]} in ${ctx.file}`);
  }
}

// --- collect the kinds ----------------------------------------------------------------------------
function kindFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...kindFiles(full));
    else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts' && !entry.name.endsWith('List.d.ts') && /^ {4}"kind": "/m.test(fs.readFileSync(full, 'utf8'))) files.push(full);
  }
  return files;
}

for (const pkg of PACKAGES) for (const file of kindFiles(pkg.dir)) refTo(file);

for (const [key, shape] of Object.entries(JSON_SHAPES)) {
  if (!definitions.has(key) || !definitions.has(shape.items)) throw new Error(`JSON_SHAPES: ${key} or ${shape.items} is not a definition`);
  definitions.set(key, { description: definitions.get(key).description, type: ['array', 'null'], items: { $ref: `#/definitions/${shape.items}` } });
}

// A type with apiVersion/kind literals that is used inside another object (EmbeddedPersistentVolumeClaim, an Argo
// volumeClaimTemplates PersistentVolumeClaim) need not name them: the controller fills them in, as for StatefulSets.
const kindKeys = new Set(kinds.map((k) => k.definition));
const embeddedKind = (schema) => Boolean(schema.required?.includes('apiVersion') && schema.required.includes('kind') && schema.properties?.apiVersion?.enum);
const relaxations = OPTIONAL_FIELDS.map((row) => ({ ...row }));
for (const [key, schema] of definitions) {
  if (!kindKeys.has(key) && embeddedKind(schema)) relaxations.push({ package: key.split(':')[0], type: key, optional: ['apiVersion', 'kind'] });
}
for (const key of usedBuiltIns) {
  if (!embeddedKind(BUILT_IN[key])) continue;
  for (const pkg of PACKAGES) relaxations.push({ package: pkg.short, type: key, optional: ['apiVersion', 'kind'] });
}

const refsOf = (schema) => [...JSON.stringify(schema).matchAll(/"#\/definitions\/([^"]+)"/g)].map((m) => m[1]);
const withoutRequired = (schema, names) => {
  for (const name of names) if (!schema.required?.includes(name)) throw new Error(`OPTIONAL_FIELDS: ${name} is not required`);
  schema.required = schema.required.filter((name) => !names.includes(name));
  if (schema.required.length === 0) delete schema.required;
};
for (const pkg of PACKAGES) {
  const rows = relaxations.filter((row) => row.package === pkg.short);
  for (const row of rows.filter((r) => definitions.has(r.type))) withoutRequired(definitions.get(row.type), row.optional);
  const builtIns = new Map(rows.filter((r) => !definitions.has(r.type)).map((r) => [r.type, r.optional]));
  if (builtIns.size === 0) continue;
  // The built-in types that reach a relaxed one get package copies, so the relaxation stays inside the package.
  const reaches = new Map();
  const reach = (key) => {
    if (reaches.has(key)) return reaches.get(key);
    reaches.set(key, false);
    const result = builtIns.has(key) || refsOf(BUILT_IN[key] ?? {}).some(reach);
    reaches.set(key, result);
    return result;
  };
  const copied = Object.keys(BUILT_IN).filter(reach);
  const local = (text) => copied.reduce((t, key) => t.replaceAll(`"#/definitions/${key}"`, `"#/definitions/${pkg.short}:${key}"`), text);
  for (const key of copied) {
    const copy = JSON.parse(local(JSON.stringify(BUILT_IN[key])));
    if (builtIns.has(key)) withoutRequired(copy, builtIns.get(key));
    definitions.set(`${pkg.short}:${key}`, copy);
  }
  for (const [key, schema] of definitions) {
    if (key.startsWith(`${pkg.short}:`) && !copied.some((c) => key === `${pkg.short}:${c}`)) definitions.set(key, JSON.parse(local(JSON.stringify(schema))));
  }
}

const seen = new Map();
for (const k of kinds) {
  const id = `${k.apiVersion} ${k.kind}`;
  if (seen.has(id)) throw new Error(`${id} is modelled by both ${seen.get(id)} and ${k.package}`);
  seen.set(id, k.package);
}

// --- output: one file per package with the definitions its kinds reach ---------------------------------
function collectRefs(schema, into) {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const s of schema) collectRefs(s, into);
    return;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.slice('#/definitions/'.length);
      if (!into.has(name) && definitions.has(name)) {
        into.add(name);
        collectRefs(definitions.get(name), into);
      }
    } else if (key !== 'description') {
      collectRefs(value, into);
    }
  }
}

fs.rmSync(OUT_DIR, { recursive: true, force: true });
fs.mkdirSync(OUT_DIR, { recursive: true });
kinds.sort((a, b) => (a.apiVersion === b.apiVersion ? a.kind.localeCompare(b.kind) : a.apiVersion.localeCompare(b.apiVersion)));

const index = [];
const summary = [];
for (const pkg of PACKAGES) {
  const own = kinds.filter((k) => k.package === pkg.name);
  const reached = new Set(own.map((k) => k.definition));
  for (const k of own) collectRefs(definitions.get(k.definition), reached);
  const file = `${pkg.short}.json`;
  const meta = JSON.parse(fs.readFileSync(path.join(pkg.dir, 'package.json'), 'utf8'));
  writeJson(OUT_DIR, file, {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://sidecar-lsp.invalid/schemas/crds/${file}`,
    description:
      `Custom resource kinds of ${pkg.name} ${meta.version} (strict), generated by scripts/generate-crd-schemas.mjs. ` +
      '`#/definitions/` keys without a package prefix are the built-in Kubernetes 1.36 types of ../v1.36/_definitions.json.',
    definitions: Object.fromEntries([...reached].sort().map((key) => [key, definitions.get(key)])),
  });
  index.push({ name: pkg.name, version: meta.version, license: meta.license, file, groups: [...new Set(own.map((k) => k.apiVersion.split('/')[0]))].sort() });
  summary.push(`${pkg.short} ${own.length} kinds ${(fs.statSync(path.join(OUT_DIR, file)).size / 1024).toFixed(0)} KiB`);
}

writeJson(OUT_DIR, 'index.json', {
  description: 'Bundled custom resource schemas: which file holds each kind. Generated by scripts/generate-crd-schemas.mjs; see schemas/README.md.',
  builtInSchemas: 'v1.36',
  packages: index,
  kinds: kinds.map((k) => ({ apiVersion: k.apiVersion, kind: k.kind, definition: k.definition, file: `${BY_NAME.get(k.package).short}.json` })),
});

console.log(`crd schemas: ${kinds.length} kinds of ${PACKAGES.length} packages -> ${path.relative(ROOT, OUT_DIR)}; built-in types used: ${usedBuiltIns.size}`);
console.log(`  ${summary.join('; ')}`);
