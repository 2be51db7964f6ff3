import history from './generated/fields-by-version.json';
import { FEATURE_GATES, gateIntroduced, gatesOf, type FeatureGate } from './feature-gates';
import { own } from '../text/own';

const fields = history.fields as unknown as Record<string, Record<string, [number, number]>>;
const removed = history.removed as unknown as Record<string, Record<string, [number, number]>>;

/** Whether a field of the 1.36 schema exists in Kubernetes 1.<minor>. */
export type FieldAvailability =
  | { status: 'present'; since?: string }
  | { status: 'absent'; addedIn: string; gate?: FeatureGate }
  /** Between two packages (1.31, 1.35) with no gate row to pin it: not reported. */
  | { status: 'unknown' };

/**
 * The first minor that has the field: the generated history narrowed by the first stage of a gate that guards
 * it (a gate's field is in the API from its first stage). "1.31 or 1.32" when nothing narrows it.
 */
function firstMinor(row: [number, number], gate: FeatureGate | undefined): { from: number; to: number } {
  const [lastWithout, firstWith] = row;
  const introduced = gate ? gateIntroduced(gate) : undefined;
  if (introduced !== undefined && introduced > lastWithout && introduced <= firstWith) return { from: introduced, to: introduced };
  return { from: lastWithout + 1, to: firstWith };
}

export function fieldAt(definition: string, field: string, minor: number, context: { where?: string; value?: unknown } = {}): FieldAvailability {
  const row = own(own(fields, definition), field);
  if (!row) return { status: 'present' };
  const gate = gatesOf(definition, field, context)[0]?.gate;
  const { from, to } = firstMinor(row, gate);
  const since = from === to ? `1.${from}` : `1.${from} or 1.${to}`;
  if (minor < from) return { status: 'absent', addedIn: since, gate };
  if (minor >= to) return { status: 'present', since };
  return { status: 'unknown' };
}

/** "since 1.32" for hover and completion; undefined for fields every supported minor has. */
export function fieldSince(definition: string, field: string): string | undefined {
  const row = own(own(fields, definition), field);
  if (!row) return undefined;
  const { from, to } = firstMinor(row, gatesOf(definition, field)[0]?.gate);
  return from === to ? `1.${from}` : `1.${from} or 1.${to}`;
}

/** Definitions that have at least one field newer than 1.27 (the field check walks only towards these). */
export const VERSIONED_DEFINITIONS: ReadonlySet<string> = new Set(Object.keys(fields));

/**
 * Fields with a history row or a feature-gate row, per definition, computed once at load: every other field is
 * in every supported minor with no gate, so completion, hover and the field check skip it with one lookup.
 */
const VERSIONED_FIELDS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const sets = new Map<string, Set<string>>();
  const add = (definition: string, field: string): void => {
    const set = sets.get(definition) ?? new Set<string>();
    set.add(field);
    sets.set(definition, set);
  };
  for (const [definition, rows] of Object.entries(fields)) for (const field of Object.keys(rows)) add(definition, field);
  for (const gate of FEATURE_GATES) for (const row of gate.fields) add(row.definition, row.field);
  return sets;
})();

/** Whether the tables say anything about `definition.field` (a history row or a gate). */
export function isVersionedField(definition: string, field: string): boolean {
  return VERSIONED_FIELDS.get(definition)?.has(field) ?? false;
}

/** Every (definition, field, history) row, for tests. */
export function fieldRows(): { definition: string; field: string; lastWithout: number; firstWith: number }[] {
  return Object.entries(fields).flatMap(([definition, rows]) =>
    Object.entries(rows).map(([field, [lastWithout, firstWith]]) => ({ definition, field, lastWithout, firstWith })),
  );
}

/**
 * A field that an older minor has and 1.36 lacks (the 1.36 schema calls it unknown): whether the target still
 * has it, or since when it is gone ("1.31 or 1.32" between packages). Undefined for every other field.
 */
export function removedFieldAt(definition: string, field: string, minor: number): { status: 'present' | 'unknown' } | { status: 'removed'; removedIn: string } | undefined {
  const row = own(own(removed, definition), field);
  if (!row) return undefined;
  const [lastWith, firstWithout] = row;
  if (minor <= lastWith) return { status: 'present' };
  if (minor < firstWithout) return { status: 'unknown' };
  return { status: 'removed', removedIn: lastWith + 1 === firstWithout ? `1.${firstWithout}` : `1.${lastWith + 1} or 1.${firstWithout}` };
}

/** Every removed-field row, for tests. */
export function removedFieldRows(): { definition: string; field: string; lastWith: number; firstWithout: number }[] {
  return Object.entries(removed).flatMap(([definition, rows]) =>
    Object.entries(rows).map(([field, [lastWith, firstWithout]]) => ({ definition, field, lastWith, firstWithout })),
  );
}
