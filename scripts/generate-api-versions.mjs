#!/usr/bin/env node
// Generates server/src/core/kubernetes/generated/fields-by-version.json: for every field of the 1.36 schemas
// (schemas/v1.36/_definitions.json) and every served kind, the last Kubernetes minor known WITHOUT it and the
// first minor known WITH it, by diffing the `attributeTypeMap`s of @kubernetes/client-node releases generated
// from each Kubernetes minor. The packages are fetched as data on first use (scripts/tools/pinned-packages.mjs,
// local names k8s-1-27 …), used here only. Each package's own header ("The version of the OpenAPI document: release-1.27" / "OpenAPI spec version:
// v1.32.0") is the evidence of its minor; the script refuses a package whose header names another minor.
// Usage: node scripts/generate-api-versions.mjs [--out <file>]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClientNodeFormats, findClientNodeFields } from './schemas/client-node-formats.mjs';
import { dataPackageDir } from './tools/pinned-packages.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = path.join(ROOT, 'server', 'src', 'core', 'kubernetes', 'generated', 'fields-by-version.json');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : DEFAULT_OUT;

/**
 * One package per Kubernetes minor. No @kubernetes/client-node release was generated from 1.31 or 1.35
 * (0.22.x says release-1.30, 1.0.0 says v1.32.0; 1.4.0 says v1.34.0, 2.0.0 and 2.0.1 say release-1.36), so
 * those minors have no row: a field first seen in 1.32 is "added in 1.31 or 1.32", and the table says so.
 */
const SOURCES = [
  { minor: 27, name: 'k8s-1-27' },
  { minor: 28, name: 'k8s-1-28' },
  { minor: 29, name: 'k8s-1-29' },
  { minor: 30, name: 'k8s-1-30' },
  { minor: 32, name: 'k8s-1-32' },
  { minor: 33, name: 'k8s-1-33' },
  { minor: 34, name: 'k8s-1-34' },
  { minor: 36, name: '@kubernetes/client-node' },
];

const HEADER_RE = /(?:The version of the OpenAPI document|OpenAPI spec version): (?:release-|v)1\.(\d+)/;

function loadSource({ minor, name }) {
  const dir = dataPackageDir(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const modelsDir = ['models', 'model'].map((d) => path.join(dir, 'dist', 'gen', d)).find((d) => fs.existsSync(d));
  if (!modelsDir) throw new Error(`${name}: no dist/gen/model(s) folder`);
  const podSpec = fs.readdirSync(modelsDir).find((f) => f.toLowerCase() === 'v1podspec.js');
  const header = HEADER_RE.exec(fs.readFileSync(path.join(modelsDir, podSpec), 'utf8'));
  if (!header || Number(header[1]) !== minor) {
    throw new Error(`${name}@${pkg.version} says ${header ? `1.${header[1]}` : 'no version'}, expected 1.${minor}`);
  }
  const evidence = header[0];
  return { minor, alias: name, package: `@kubernetes/client-node@${pkg.version}`, evidence, formats: loadClientNodeFormats(modelsDir) };
}

const sources = SOURCES.map(loadSource);
const newest = sources[sources.length - 1];
const definitions = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'v1.36', '_definitions.json'), 'utf8')).definitions;
const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'v1.36', 'index.json'), 'utf8'));

/** "core.v1.PodSpec" -> { group, version, typeName }, as generate-schemas.mjs names definitions. */
function splitDefinition(key) {
  const parts = key.split('.');
  const typeName = parts.pop();
  const version = parts.pop();
  return { group: parts.join('.'), version, typeName };
}

const rejected = new Set();
/**
 * The fields of the definition's model in one package. Model names move when two groups start sharing a type
 * name (core's `V1ResourceClaim` became `CoreV1ResourceClaim` once resource.k8s.io/v1 took the plain name), so
 * an older package's model counts as the same type only if at least half of its fields are in the newest one.
 */
function fieldsAt(source, key) {
  const { group, version, typeName } = splitDefinition(key);
  const found = findClientNodeFields(source.formats, group, version, typeName);
  if (!found || source === newest) return found;
  const current = findClientNodeFields(newest.formats, group, version, typeName);
  if (!current) return undefined;
  const shared = [...found.keys()].filter((name) => current.has(name)).length;
  if (shared * 2 >= found.size && shared > 0) return found;
  rejected.add(`${key}@1.${source.minor}`);
  return undefined;
}

/**
 * [lastWithout, firstWith] over the minors whose package has this type; undefined when every package that has
 * the type has the field (or only one has the type). A type that a package lacks says nothing about its fields:
 * the field that refers to the type carries the history.
 */
function history(has) {
  let lastWithout;
  for (const source of sources) if (has(source) === false) lastWithout = source.minor;
  if (lastWithout === undefined) return undefined;
  const firstWith = sources.find((s) => s.minor > lastWithout && has(s) === true)?.minor;
  return firstWith === undefined ? undefined : [lastWithout, firstWith];
}

const fields = {};
const unmatched = [];
for (const key of Object.keys(definitions).sort()) {
  const properties = definitions[key].properties;
  if (!properties) continue;
  if (!fieldsAt(newest, key)) {
    unmatched.push(key);
    continue;
  }
  const rows = {};
  for (const name of Object.keys(properties).sort()) {
    if (name === 'apiVersion' || name === 'kind') continue;
    const row = history((source) => {
      const known = fieldsAt(source, key);
      return known ? known.has(name) : undefined;
    });
    if (row) rows[name] = row;
  }
  if (Object.keys(rows).length > 0) fields[key] = rows;
}

/**
 * Fields an older minor has and 1.36 lacks (renamed or dropped): removed["<definition>"]["<field>"] =
 * [lastMinorWith, firstMinorWithout]. The 1.36 schema calls them unknown, which is wrong at the older targets.
 */
const removed = {};
for (const key of Object.keys(definitions).sort()) {
  const current = fieldsAt(newest, key);
  if (!current) continue;
  const names = new Set();
  for (const source of sources) for (const name of fieldsAt(source, key)?.keys() ?? []) if (!current.has(name) && !definitions[key].properties?.[name]) names.add(name);
  const rows = {};
  for (const name of [...names].sort()) {
    let lastWith;
    for (const source of sources) if (fieldsAt(source, key)?.has(name)) lastWith = source.minor;
    const firstWithout = sources.find((s) => s.minor > lastWith && fieldsAt(s, key) !== undefined && !fieldsAt(s, key).has(name))?.minor;
    if (firstWithout !== undefined) rows[name] = [lastWith, firstWithout];
  }
  if (Object.keys(rows).length > 0) removed[key] = rows;
}

const kinds = {};
for (const entry of [...index.kinds].sort((a, b) => `${a.apiVersion}/${a.kind}`.localeCompare(`${b.apiVersion}/${b.kind}`))) {
  const row = history((source) => fieldsAt(source, entry.definition) !== undefined);
  if (row) kinds[`${entry.apiVersion}/${entry.kind}`] = row;
}

const output = {
  about:
    'Generated by scripts/generate-api-versions.mjs; do not edit. fields["<definition>"]["<field>"] = [lastMinorWithout, firstMinorWith] ' +
    '(Kubernetes 1.<n>): the field is not in any minor up to the first number and is in the second and later. Minors between the two ' +
    'have no package and are unknown. A field without a row is in every minor from 1.27. kinds["<apiVersion>/<Kind>"] is the same for ' +
    'a whole kind (its type first appears in the generated client). Which package is which minor: sources[].evidence, quoted from the ' +
    "package's own generated model header. removed[\"<definition>\"][\"<field>\"] = [lastMinorWith, firstMinorWithout]: a field of an " +
    'older minor that 1.36 no longer has.',
  sources: sources.map(({ minor, alias, package: pkg, evidence }) => ({ kubernetes: `1.${minor}`, alias, package: pkg, evidence })),
  minorsWithoutPackage: [],
  fields,
  removed,
  kinds,
};
for (let minor = sources[0].minor; minor <= newest.minor; minor++) {
  if (!sources.some((s) => s.minor === minor)) output.minorsWithoutPackage.push(`1.${minor}`);
}

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${JSON.stringify(output, null, 1)}\n`);
const count = Object.values(fields).reduce((n, rows) => n + Object.keys(rows).length, 0);
const removedCount = Object.values(removed).reduce((n, rows) => n + Object.keys(rows).length, 0);
console.log(
  `fields-by-version: ${count} versioned fields in ${Object.keys(fields).length} types, ${removedCount} fields removed since 1.27, ${Object.keys(kinds).length} kinds newer than 1.27` +
    (rejected.size ? `; models taken for another type (ignored): ${[...rejected].sort().join(', ')}` : '') +
    (unmatched.length ? `; ${unmatched.length} schema types have no client-node model (not versioned): ${unmatched.join(', ')}` : ''),
);
