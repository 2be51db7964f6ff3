import type { YamlPath } from './parse/nodes';

/**
 * The shape of a diagnostic's `data`, as data: one table per code gives both the type the producer must write
 * and the one runtime check that data coming back from the client (untrusted JSON) passes before a fix reads it.
 * A kind ending in `?` may be absent (or undefined).
 */
interface KindTypes {
  string: string;
  number: number;
  boolean: boolean;
  /** A path of map keys and list indexes, as `resolvePath` reads it. */
  path: YamlPath;
  paths: YamlPath[];
  strings: string[];
  numbers: number[];
  /** Container names, undefined for an unnamed one (JSON carries it as null). */
  names: (string | undefined)[];
  /** A map of label keys to values. */
  labels: Record<string, string>;
}

export type DataKind = keyof KindTypes;
export type DataField = DataKind | `${DataKind}?`;
export type DataShape = Readonly<Record<string, DataField>>;
/** The shape of a code whose findings carry no data. */
export type EmptyShape = Readonly<Record<never, DataField>>;

type RequiredPart<S extends DataShape> = { [K in keyof S as S[K] extends DataKind ? K : never]: KindTypes[S[K] & DataKind] };
type OptionalPart<S extends DataShape> = {
  [K in keyof S as S[K] extends `${DataKind}?` ? K : never]?: S[K] extends `${infer B extends DataKind}?` ? KindTypes[B] : never;
};
type Flatten<T> = { [K in keyof T]: T[K] };

/** The type of the data a shape describes: what a rule reports and, made Partial, what a fix may read. */
export type DataOf<S extends DataShape> = keyof S extends never ? NoData : Flatten<RequiredPart<S> & OptionalPart<S>>;

/** The data of a code without a shape: nothing but `{}` (an empty object type would take any object). */
export type NoData = { [key: string]: never };

const isPath = (value: unknown): value is YamlPath =>
  Array.isArray(value) && value.every((p) => typeof p === 'string' || typeof p === 'number');

const CHECKS: { [K in DataKind]: (value: unknown) => KindTypes[K] | undefined } = {
  string: (v) => (typeof v === 'string' ? v : undefined),
  number: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined),
  boolean: (v) => (typeof v === 'boolean' ? v : undefined),
  path: (v) => (isPath(v) ? v : undefined),
  paths: (v) => (Array.isArray(v) && v.every(isPath) ? v : undefined),
  strings: (v) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined),
  numbers: (v) => (Array.isArray(v) && v.every((n) => typeof n === 'number') ? v : undefined),
  names: (v) => (Array.isArray(v) && v.every((s) => typeof s === 'string' || s === null) ? v.map((s: string | null) => s ?? undefined) : undefined),
  labels: (v) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string')
      ? Object.fromEntries(Object.entries(v as Record<string, string>))
      : undefined,
};

/**
 * The fields of `raw` that have the kind the shape gives them; every other field (missing, of the wrong type,
 * not in the shape, or a prototype name) is left out. Never throws, whatever the client sent.
 */
export function readData<S extends DataShape>(shape: S, raw: unknown): Partial<DataOf<S>> {
  const data: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return data as Partial<DataOf<S>>;
  for (const [key, field] of Object.entries(shape)) {
    if (!Object.hasOwn(raw, key)) continue;
    const kind = (field.endsWith('?') ? field.slice(0, -1) : field) as DataKind;
    const value = CHECKS[kind]((raw as Record<string, unknown>)[key]);
    if (value !== undefined) data[key] = value;
  }
  return data as Partial<DataOf<S>>;
}
