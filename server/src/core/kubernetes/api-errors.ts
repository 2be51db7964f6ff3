import type { YamlPath } from '../parse/nodes';
import { apiFieldPath } from '../model/containers';

/**
 * The API server's error format (apimachinery `field.Error.Error()`): `<path>: <type>: <detail>`, with the bad
 * value quoted after "Invalid value" as Go's %q / %v prints it. Messages keep these words so a user can search them.
 */
function goValue(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function invalidValue(path: YamlPath, value: string | number | boolean, detail: string): string {
  return `${apiFieldPath(path)}: Invalid value: ${goValue(value)}: ${detail}`;
}

export function requiredValue(path: YamlPath, detail = ''): string {
  return `${apiFieldPath(path)}: Required value${detail ? `: ${detail}` : ''}`;
}

export function duplicateValue(path: YamlPath, value: string | number): string {
  return `${apiFieldPath(path)}: Duplicate value: ${goValue(value)}`;
}

export function unsupportedValue(path: YamlPath, value: string, supported: readonly string[]): string {
  return `${apiFieldPath(path)}: Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`;
}

export function forbidden(path: YamlPath, detail: string): string {
  return `${apiFieldPath(path)}: Forbidden: ${detail}`;
}
