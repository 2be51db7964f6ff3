import type { SchemaPath, SchemaRegistry } from '../schema';
import { apiFieldPath } from '../model/containers';
import { servedAt } from './api-versions';
import { FEATURE_GATES, gateAt, gateOnByDefaultFrom, gateSentence, gatesOf, type FeatureGate } from './feature-gates';
import { fieldAt, isVersionedField, removedFieldAt, VERSIONED_DEFINITIONS } from './fields';

export type VersionCode = 'field-not-in-version' | 'field-behind-feature-gate' | 'removed-api-version' | 'api-version-not-served-yet';

/** A finding of the API-by-version tables, by path in the document's value (the caller maps it to a range; its level is the code's, core/codes). */
export interface VersionProblem {
  code: VersionCode;
  path: SchemaPath;
  target: 'key' | 'value';
  message: string;
  data: Record<string, unknown>;
}

/** Every type the field check looks at: the ones with a history row and the ones a gate guards. */
const TARGETS: ReadonlySet<string> = new Set([...VERSIONED_DEFINITIONS, ...FEATURE_GATES.flatMap((g) => g.fields.map((f) => f.definition))]);

function version(minor: number): string {
  return `1.${minor}`;
}

/** The first target where the field exists and its gate (if any) is on by default. */
function usableFrom(addedIn: string, gate: FeatureGate | undefined): string {
  const on = gate ? gateOnByDefaultFrom(gate) : undefined;
  return on !== undefined ? version(on) : surely(addedIn);
}

/** "1.31 or 1.32" → "1.32": the first minor known for sure. */
function surely(versions: string): string {
  return versions.split(' or ').pop() ?? versions;
}

/** apiVersion not served at the target, in either direction, with what to use instead. */
export function apiVersionProblem(apiVersion: string, kind: string, minor: number): VersionProblem | undefined {
  const served = servedAt(apiVersion, kind, minor);
  if (served.served) return undefined;
  const target = version(minor);
  if (served.reason === 'removed') {
    const head = `${apiVersion} ${kind} is not served by Kubernetes ${target} (removed in ${served.removedIn})`;
    const message = served.replacement ? `${head}: use ${served.replacement}.` : `${head}${served.note ? `: ${served.note}` : ''}.`;
    return { code: 'removed-api-version', path: ['apiVersion'], target: 'value', message, data: served.replacement ? { replacement: served.replacement } : {} };
  }
  const instead = served.alternative ? `: use ${served.alternative} there, or raise the target version` : ': raise the target version if the cluster is newer';
  return {
    code: 'api-version-not-served-yet',
    path: ['apiVersion'],
    target: 'value',
    message: `${apiVersion} ${kind} is not served by Kubernetes ${target} (served from ${served.firstServed})${instead}.`,
    data: { ...(served.alternative ? { replacement: served.alternative } : {}), firstServed: served.firstServed, targetVersion: surely(served.firstServed) },
  };
}

/** The pod-spec list a container field sits in: `containers` for [..., 'containers', 0, 'restartPolicy']. */
function listOf(path: SchemaPath): string | undefined {
  const list = path[path.length - 3];
  return typeof list === 'string' ? list : undefined;
}

/**
 * Fields the target lacks (error: strict decoding rejects them) and fields behind a gate that is off by default
 * at the target (warning: the API server drops them without a word). `status` is output, never checked.
 */
export function fieldProblems(registry: SchemaRegistry, apiVersion: string, kind: string, value: unknown, minor: number): VersionProblem[] {
  const problems: VersionProblem[] = [];
  registry.visitFields(apiVersion, kind, value, TARGETS, (definition, field, path, fieldValue) => {
    if (path[0] === 'status' || !isVersionedField(definition, field)) return;
    const context = { where: listOf(path), value: fieldValue };
    const gates = gatesOf(definition, field, context);
    if (gates.some((g) => g.field.checkedBy)) return;
    const where = apiFieldPath(path);
    const availability = fieldAt(definition, field, minor, context);
    const data = { field: where, path, definition, fieldName: field };
    if (availability.status === 'absent') {
      const gate = availability.gate;
      const added = gate
        ? `added in ${availability.addedIn} as ${gate.stages[0].stage} behind the ${gate.gate} feature gate${gate.stages[0].default ? '' : ', off by default'}`
        : `added in ${availability.addedIn}`;
      problems.push({
        code: 'field-not-in-version',
        path,
        target: 'key',
        message: `\`${field}\` is not in Kubernetes ${version(minor)} (${added}): the API server rejects it with \`strict decoding error: unknown field "${where}"\`.`,
        data: { ...data, addedIn: availability.addedIn, targetVersion: usableFrom(availability.addedIn, gate) },
      });
      return;
    }
    if (availability.status === 'unknown') return;
    for (const { gate } of gates) {
      const state = gateAt(gate, minor);
      if (!state || state.onByDefault) continue;
      const on = gateOnByDefaultFrom(gate);
      problems.push({
        code: 'field-behind-feature-gate',
        path,
        target: 'key',
        message: `\`${field}\` needs ${gateSentence(state, minor)}: without it the API server silently drops \`${where}\`.`,
        data: { ...data, gate: gate.gate, ...(on !== undefined ? { targetVersion: version(on) } : {}) },
      });
      return;
    }
  });
  return problems;
}

/**
 * The 1.36 schema's unknown-field for a field that an older minor had (PodResourceClaim `source`, removed in
 * 1.31 or 1.32): dropped at a target that still has the field (or may have it, between packages), and its message
 * names the removal otherwise. `definition` is the type holding the field.
 */
export function unknownFieldAtTarget(definition: string | undefined, field: string, minor: number, message: string): string | undefined {
  const removal = definition ? removedFieldAt(definition, field, minor) : undefined;
  if (!removal) return message;
  if (removal.status !== 'removed') return undefined;
  return `${message} It was removed in Kubernetes ${removal.removedIn}; the target is ${version(minor)}.`;
}
