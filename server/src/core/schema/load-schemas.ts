import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JsonSchema, RemovedApiVersion } from './types';

export const KUBERNETES_VERSION = '1.36';

export type { JsonSchema } from './types';

export interface DefinitionsFile {
  $id: string;
  definitions: Record<string, JsonSchema>;
}

export interface IndexFile {
  kubernetesVersion: string;
  kinds: { apiVersion: string; kind: string; definition: string; file: string }[];
  removedApiVersions: RemovedApiVersion[];
}

/** A content hash (custom-kind schemas are compiled once per content: kind-schema.ts). */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

const MARKER = path.join('schemas', `v${KUBERNETES_VERSION}`, '_definitions.json');

/**
 * The same code runs from source (server/src/core/schema, via tsx) and from the esbuild bundle
 * (server/out/server.js), so the schemas sit at a different depth; walk up until they appear.
 */
export function findSchemaDir(startDir: string): string {
  let dir = startDir;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, MARKER))) return path.join(dir, 'schemas', `v${KUBERNETES_VERSION}`);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Kubernetes schemas not found above ${startDir} (looked for ${MARKER})`);
}

export function loadSchemaFiles(schemaDir: string): { definitions: DefinitionsFile; index: IndexFile; definitionsHash: string } {
  const text = fs.readFileSync(path.join(schemaDir, '_definitions.json'), 'utf8');
  const definitions = JSON.parse(text) as DefinitionsFile;
  const index = JSON.parse(fs.readFileSync(path.join(schemaDir, 'index.json'), 'utf8')) as IndexFile;
  // Identifies the schemas the precompiled validators were built from (scripts/precompile-validators.mjs
  // hashes the same way); ~3 ms for the 0.9 MB file.
  const definitionsHash = createHash('sha256').update(text.includes('\r') ? text.replace(/\r\n/g, '\n') : text).digest('hex');
  return { definitions, index, definitionsHash };
}

/** The Compose Specification schema file, as scripts/generate-compose-schema.mjs writes it. */
export interface ComposeSchemaFile extends JsonSchema {
  definitions: Record<string, JsonSchema>;
}

/** Where the Compose schema sits: `schemas/compose/`, beside the Kubernetes schema folder. */
export function composeSchemaPath(kubernetesSchemaDir: string): string {
  return path.join(path.dirname(kubernetesSchemaDir), 'compose', 'compose-spec.json');
}

export function loadComposeSchemaFile(file: string): { schema: ComposeSchemaFile; schemaHash: string } {
  const text = fs.readFileSync(file, 'utf8');
  // hashed like the generator does, so the precompiled validator is used only for this very schema
  const schemaHash = createHash('sha256').update(text.includes('\r') ? text.replace(/\r\n/g, '\n') : text).digest('hex');
  return { schema: JSON.parse(text) as ComposeSchemaFile, schemaHash };
}

/** `schemas/crds/index.json`, as scripts/generate-crd-schemas.mjs writes it. */
export interface BundledCrdIndex {
  packages: { name: string; version: string; license: string; file: string; groups: string[] }[];
  kinds: { apiVersion: string; kind: string; definition: string; file: string }[];
}

/** Where the bundled custom resource schemas sit: `schemas/crds/`, beside the Kubernetes schema folder. */
export function bundledCrdDir(kubernetesSchemaDir: string): string {
  return path.join(path.dirname(kubernetesSchemaDir), 'crds');
}

/** The bundle's index; undefined when the folder is absent (a schema folder of another layout). */
export function loadBundledCrdIndex(dir: string): BundledCrdIndex | undefined {
  const file = path.join(dir, 'index.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as BundledCrdIndex) : undefined;
}

/** One package's definitions (`schemas/crds/<package>.json`). */
export function loadBundledCrdDefinitions(dir: string, file: string): Record<string, JsonSchema> {
  return (JSON.parse(fs.readFileSync(path.join(dir, path.basename(file)), 'utf8')) as DefinitionsFile).definitions;
}
