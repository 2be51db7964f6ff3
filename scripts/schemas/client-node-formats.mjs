// Reads the OpenAPI formats that @kubernetes/client-node keeps in each model's attributeTypeMap.
// kubernetes-models types every number as `number`; only these formats say which ones are integers.
import fs from 'node:fs';
import path from 'node:path';

const MAP_RE = /(\w+)\.attributeTypeMap = (\[[\s\S]*?\]);/;

/** @returns {Map<string, Map<string, string>>} class name -> (json field -> format) */
export function loadClientNodeFormats(modelsDir) {
  const result = new Map();
  for (const file of fs.readdirSync(modelsDir).sort()) {
    if (!file.endsWith('.js')) continue;
    const text = fs.readFileSync(path.join(modelsDir, file), 'utf8');
    const match = MAP_RE.exec(text);
    if (!match) continue;
    /** @type {{baseName: string, type: string, format: string}[]} */
    const attrs = JSON.parse(match[2]);
    const fields = new Map();
    for (const attr of attrs) fields.set(attr.baseName, attr.format || attr.type);
    result.set(match[1], fields);
  }
  return result;
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * client-node names a model `<Version><Type>` and, when two groups share a type name,
 * `<GroupPrefix><Version><Type>` (RbacV1Subject, CoreV1EndpointPort). Prefer the prefixed one.
 */
export function findClientNodeFields(formats, group, version, typeName) {
  const base = capitalize(version) + typeName;
  const groupPrefix = capitalize(group.split('.')[0].replace(/-/g, ''));
  const candidates = [groupPrefix + base, base];
  if (group === 'apiextensions.k8s.io') candidates.unshift('Apiextensions' + base);
  for (const name of candidates) {
    const fields = formats.get(name);
    if (fields) return fields;
  }
  return undefined;
}
