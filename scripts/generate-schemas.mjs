#!/usr/bin/env node
// Generates strict Kubernetes 1.36 JSON schemas from kubernetes-models (.d.ts: docs, required, enums)
// and @kubernetes/client-node (attributeTypeMap: int32/int64 formats). See schemas/README.md.
// Usage: node scripts/generate-schemas.mjs [--out <dir>]   (default: schemas/v1.36)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { loadClientNodeFormats, findClientNodeFields } from './schemas/client-node-formats.mjs';
import { removedApiVersions } from './schemas/removed-api-versions.mjs';
import { dataPackageDir } from './tools/pinned-packages.mjs';
import { docOf, withNull, writeJson } from './schemas/dts-common.mjs';

const KUBERNETES_VERSION = '1.36';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Read as data, fetched on first use (not devDependencies: they declare Node >= 22; see pinned-packages.mjs).
const MODELS_DIR = dataPackageDir('kubernetes-models');
const APIMACHINERY_DIR = dataPackageDir('@kubernetes-models/apimachinery');
const CLIENT_NODE_DIR = dataPackageDir('@kubernetes/client-node');

const outArg = process.argv.indexOf('--out');
const OUT_DIR = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'schemas', `v${KUBERNETES_VERSION}`);

const formats = loadClientNodeFormats(path.join(CLIENT_NODE_DIR, 'dist', 'gen', 'models'));

// The evidence that the packages describe KUBERNETES_VERSION: client-node's generated models name their OpenAPI
// document, and kubernetes-models must have the same fields (checked per field below, see `fieldsDiffer`).
const CLIENT_NODE_EVIDENCE = (() => {
  const header = /OpenAPI spec version: release-1\.(\d+)/.exec(fs.readFileSync(path.join(CLIENT_NODE_DIR, 'dist', 'gen', 'models', 'V1PodSpec.js'), 'utf8'));
  if (!header || `1.${header[1]}` !== KUBERNETES_VERSION) throw new Error(`@kubernetes/client-node is not generated from Kubernetes ${KUBERNETES_VERSION}`);
  return `@kubernetes/client-node models: "${header[0]}"`;
})();

// Scalar wrapper types are inlined so errors land on the field itself (no $ref/anyOf fan-out).
const INLINE_SCALARS = {
  'resource.Quantity': { type: ['string', 'number'] },
  'intstr.IntOrString': { type: ['string', 'integer'] },
  'meta.v1.Time': { type: 'string' },
  'meta.v1.MicroTime': { type: 'string' },
};

/** file (.d.ts absolute) -> { group, version, typeName, key } */
function identify(file) {
  if (file.startsWith(MODELS_DIR + path.sep)) {
    const parts = path.relative(MODELS_DIR, file).split(path.sep);
    const typeName = path.basename(file, '.d.ts');
    if (parts.length === 2) return { group: 'core', version: parts[0], typeName, key: `core.${parts[0]}.${typeName}` };
    return { group: parts[0], version: parts[1], typeName, key: `${parts[0]}.${parts[1]}.${typeName}` };
  }
  if (file.startsWith(APIMACHINERY_DIR + path.sep)) {
    const parts = path.relative(APIMACHINERY_DIR, file).split(path.sep);
    const typeName = path.basename(file, '.d.ts');
    // apis/meta/v1/X -> meta.v1.X ; api/resource/Quantity -> resource.Quantity ; runtime/RawExtension -> runtime.RawExtension
    const dirs = parts.slice(0, -1);
    if (dirs[0] === 'apis') {
      return { group: dirs[1], version: dirs[2], typeName, key: `${dirs[1]}.${dirs[2]}.${typeName}` };
    }
    const group = dirs[dirs.length - 1];
    return { group, version: '', typeName, key: `${group}.${typeName}` };
  }
  throw new Error(`unexpected source file ${file}`);
}

function resolveImport(fromFile, spec) {
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, '.d.ts'));
  if (spec.startsWith('@kubernetes-models/apimachinery/')) {
    return path.join(APIMACHINERY_DIR, spec.slice('@kubernetes-models/apimachinery/'.length) + '.d.ts');
  }
  return undefined; // @kubernetes-models/base: runtime helpers, not API types
}

/** @type {Map<string, object>} */
const definitions = new Map();
/** @type {{apiVersion: string, kind: string, definition: string, group: string, version: string}[]} */
const kinds = [];
const stats = { numbers: 0, integers: 0, numbersWithoutFormat: [], fieldsDiffer: [] };

function loadFile(file) {
  const id = identify(file);
  if (INLINE_SCALARS[id.key]) return { key: id.key, inline: INLINE_SCALARS[id.key] };
  if (definitions.has(id.key)) return { key: id.key };
  definitions.set(id.key, {}); // placeholder: breaks recursion (JSONSchemaProps)
  const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  /** @type {Map<string, string>} local identifier -> file */
  const imports = new Map();
  let iface;
  for (const stmt of sourceFile.statements) {
    if (ts.isImportDeclaration(stmt) && stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings)) {
      const target = resolveImport(file, stmt.moduleSpecifier.text);
      if (!target) continue;
      for (const el of stmt.importClause.namedBindings.elements) imports.set(el.name.text, target);
    }
    if (!iface && ts.isInterfaceDeclaration(stmt)) iface = stmt;
    if (!iface && ts.isTypeAliasDeclaration(stmt)) throw new Error(`unhandled type alias in ${file}`);
  }
  if (!iface) throw new Error(`no interface in ${file}`);
  const clientFields = findClientNodeFields(formats, id.group, id.version, id.typeName);

  const ctx = { file, sourceFile, imports, selfName: iface.name.text, selfKey: id.key, clientFields };
  const schema = {};
  const description = docOf(iface, sourceFile);
  if (description) schema.description = description;
  const { apiVersion, kind } = membersToObject(iface.members, ctx, schema);
  if (clientFields) {
    const names = Object.keys(schema.properties ?? {});
    for (const name of names) if (!clientFields.has(name)) stats.fieldsDiffer.push(`${id.key}.${name} (kubernetes-models only)`);
    for (const name of clientFields.keys()) if (!names.includes(name)) stats.fieldsDiffer.push(`${id.key}.${name} (client-node only)`);
  }
  definitions.set(id.key, schema);
  if (apiVersion && kind) {
    kinds.push({ apiVersion, kind, definition: id.key, group: id.group, version: id.version });
  }
  return { key: id.key };
}

/** Fills `schema` from property signatures; returns the literal apiVersion/kind of a top-level kind. */
function membersToObject(members, ctx, schema) {
  const properties = {};
  const required = [];
  let apiVersion;
  let kind;
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(ctx.sourceFile);
    const optional = Boolean(member.questionToken);
    const prop = typeToSchema(member.type, ctx, name);
    if (optional) makeNullable(prop);
    else required.push(name);
    const doc = docOf(member, ctx.sourceFile);
    properties[name] = doc ? { description: doc, ...prop } : prop;
    if (name === 'apiVersion' && ts.isLiteralTypeNode(member.type)) apiVersion = member.type.literal.text;
    if (name === 'kind' && ts.isLiteralTypeNode(member.type)) kind = member.type.literal.text;
  }
  if (Object.keys(properties).length > 0) {
    // null is accepted for every object so that `field: null` / `field: ~` in a manifest is not an error
    // (kubectl drops it); the runtime hides the "null" alternative in its messages.
    schema.type = ['object', 'null'];
    schema.properties = properties;
    if (required.length > 0) schema.required = required.sort();
    schema.additionalProperties = false;
  }
  return { apiVersion, kind };
}

function makeNullable(prop) {
  if (prop.$ref) return; // the referenced object definition already admits null
  if (prop.type) prop.type = withNull(prop.type);
  // Go treats "" in an optional string field as unset (defaulted, or "match all" for Toleration.effect),
  // so the API server accepts it even though the documented enum does not list it.
  if (prop.enum) prop.enum = [...new Set([...prop.enum, '', null])];
}

function refTo(target) {
  const loaded = loadFile(target);
  if (loaded.inline) return structuredClone(loaded.inline);
  return { $ref: `#/definitions/${loaded.key}` };
}

function typeToSchema(node, ctx, fieldName) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.NumberKeyword: {
      stats.numbers++;
      const format = ctx.clientFields?.get(fieldName);
      if (format === 'int32' || format === 'int64') {
        stats.integers++;
        return { type: 'integer' };
      }
      if (!format) stats.numbersWithoutFormat.push(`${ctx.selfKey}.${fieldName}`);
      return { type: 'number' };
    }
    case ts.SyntaxKind.LiteralType:
      return { type: 'string', enum: [node.literal.text] };
    case ts.SyntaxKind.UnionType: {
      if (node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
        return { type: 'string', enum: [...new Set(node.types.map((t) => t.literal.text))] };
      }
      throw new Error(`unhandled union in ${ctx.file}: ${node.getText()}`);
    }
    case ts.SyntaxKind.TypeLiteral: {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (!index) {
        // embedded object (StatefulSet volumeClaimTemplates): same rules as a named interface
        const inline = {};
        membersToObject(node.members, ctx, inline);
        if (inline.type) inline.type = 'object';
        return inline;
      }
      if (node.members.length !== 1) throw new Error(`unhandled type literal in ${ctx.file}`);
      // map values share the field's format (e.g. map[string]int32 is rare; Counter/Quantity/string usual)
      return { type: 'object', additionalProperties: typeToSchema(index.type, ctx, fieldName) };
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === 'Array') return { type: 'array', items: typeToSchema(node.typeArguments[0], ctx, fieldName) };
      if (name === ctx.selfName) return { $ref: `#/definitions/${ctx.selfKey}` };
      const target = ctx.imports.get(name);
      if (!target) throw new Error(`unresolved type ${name} in ${ctx.file}`);
      return refTo(target);
    }
    default:
      throw new Error(`unhandled type node ${ts.SyntaxKind[node.kind]} in ${ctx.file}`);
  }
}

// --- collect served kinds -------------------------------------------------------------------------
const removedSet = new Set(removedApiVersions.map((r) => `${r.apiVersion} ${r.kind}`));

function listKindFiles() {
  const files = [];
  for (const top of fs.readdirSync(MODELS_DIR).sort()) {
    if (top.startsWith('_') || top.startsWith('.')) continue;
    const topPath = path.join(MODELS_DIR, top);
    if (!fs.statSync(topPath).isDirectory()) continue;
    const versionDirs = /^v\d+/.test(top) ? [topPath] : fs.readdirSync(topPath).sort().map((v) => path.join(topPath, v));
    for (const dir of versionDirs) {
      if (!fs.statSync(dir).isDirectory()) continue;
      // alpha/beta versions modelled by kubernetes-models 5.1.0 are all removed by 1.36 (see removed-api-versions.mjs)
      if (/(alpha|beta)\d*$/.test(path.basename(dir))) continue;
      for (const f of fs.readdirSync(dir).sort()) {
        if (!f.endsWith('.d.ts') || f === 'index.d.ts' || f.endsWith('List.d.ts')) continue;
        const full = path.join(dir, f);
        if (/^ {4}"kind": "/m.test(fs.readFileSync(full, 'utf8'))) files.push(full);
      }
    }
  }
  return files;
}

for (const file of listKindFiles()) loadFile(file);
for (const k of kinds) {
  if (removedSet.has(`${k.apiVersion} ${k.kind}`)) throw new Error(`served kind listed as removed: ${k.apiVersion} ${k.kind}`);
}

// --- output ---------------------------------------------------------------------------------------
function write(file, value) {
  writeJson(OUT_DIR, file, value);
}

function collectRefs(schema, into) {
  if (Array.isArray(schema)) {
    for (const s of schema) collectRefs(s, into);
    return;
  }
  if (!schema || typeof schema !== 'object') return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.slice('#/definitions/'.length);
      if (!into.has(name)) {
        into.add(name);
        collectRefs(definitions.get(name), into);
      }
    } else if (key !== 'description') {
      collectRefs(value, into);
    }
  }
}

function fileNameFor(k) {
  return `${k.kind.toLowerCase()}-${k.group}-${k.version}.json`;
}

fs.rmSync(OUT_DIR, { recursive: true, force: true });
fs.mkdirSync(OUT_DIR, { recursive: true });

const schemaId = (file) => `https://sidecar-lsp.invalid/schemas/v${KUBERNETES_VERSION}/${file}`;
write('_definitions.json', {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: schemaId('_definitions.json'),
  description:
    `Kubernetes ${KUBERNETES_VERSION} object definitions (strict), generated by scripts/generate-schemas.mjs from packages generated from ` +
    `Kubernetes ${KUBERNETES_VERSION} (${CLIENT_NODE_EVIDENCE}). Fields of older minors: server/src/core/kubernetes/generated/fields-by-version.json.`,
  definitions: Object.fromEntries(definitions),
});

kinds.sort((a, b) => (a.apiVersion === b.apiVersion ? a.kind.localeCompare(b.kind) : a.apiVersion.localeCompare(b.apiVersion)));
let totalBytes = 0;
for (const k of kinds) {
  const refs = new Set();
  const root = structuredClone(definitions.get(k.definition));
  root.type = 'object';
  collectRefs(root, refs);
  const local = {};
  for (const name of [...refs].sort()) local[name] = definitions.get(name);
  const file = fileNameFor(k);
  write(file, {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId(file),
    title: `${k.kind} (${k.apiVersion}), Kubernetes ${KUBERNETES_VERSION}`,
    ...root,
    ...(refs.size > 0 ? { definitions: local } : {}),
  });
  totalBytes += fs.statSync(path.join(OUT_DIR, file)).size;
}

write('index.json', {
  kubernetesVersion: KUBERNETES_VERSION,
  sources: {
    'kubernetes-models': JSON.parse(fs.readFileSync(path.join(MODELS_DIR, 'package.json'), 'utf8')).version,
    '@kubernetes-models/apimachinery': JSON.parse(fs.readFileSync(path.join(APIMACHINERY_DIR, 'package.json'), 'utf8')).version,
    '@kubernetes/client-node': JSON.parse(fs.readFileSync(path.join(CLIENT_NODE_DIR, 'package.json'), 'utf8')).version,
  },
  kinds: kinds.map((k) => ({ apiVersion: k.apiVersion, kind: k.kind, definition: k.definition, file: fileNameFor(k) })),
  removedApiVersions,
});

const defsBytes = fs.statSync(path.join(OUT_DIR, '_definitions.json')).size;
console.log(
  `schemas: ${kinds.length} kinds, ${definitions.size} definitions -> ${path.relative(ROOT, OUT_DIR)}; ` +
    `_definitions.json ${(defsBytes / 1024).toFixed(0)} KiB, per-kind files ${(totalBytes / 1024 / 1024).toFixed(1)} MiB; ` +
    `numbers ${stats.numbers} (integers ${stats.integers}, without client-node format ${stats.numbersWithoutFormat.length}); ` +
    `fields that only one package has: ${stats.fieldsDiffer.length}`,
);
for (const n of stats.fieldsDiffer) console.log(`  ${n}`);
if (process.argv.includes('--verbose')) for (const n of stats.numbersWithoutFormat) console.log(`  no format: ${n}`);
