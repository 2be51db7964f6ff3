import type { FieldInfo } from '../../schema';

function typeName(field: FieldInfo | undefined): string {
  if (!field) return 'any';
  if (field.typeName) return field.typeName;
  if (Array.isArray(field.type)) return field.type.join(' | ');
  return field.type ?? 'any';
}

/**
 * A field's type as completion details and hovers show it: `VolumeMount[]`, `map[string]string`, `Probe`,
 * `string | integer`; enums as a union of their values unless the caller lists them itself.
 */
export function typeLabel(field: FieldInfo, options: { enumValues?: boolean } = {}): string {
  if (field.isArray) return `${typeName(field.items())}[]`;
  if (field.isMap) return `map[string]${typeName(field.mapValues())}`;
  if (field.typeName) return field.typeName;
  if ((options.enumValues ?? true) && field.enum?.length) return field.enum.map((v) => JSON.stringify(v)).join(' | ');
  return typeName(field);
}
