import { gateAt, gateOnByDefaultFrom, gatesOf, stateText, type FeatureGate } from './feature-gates';
import { fieldAt, fieldSince, isVersionedField } from './fields';

/** What completion and hover say about a field at the target: whether to offer it, and its version facts. */
export interface FieldVersionInfo {
  /** The target does not have the field: completion leaves it out. */
  absent: boolean;
  /** Short, for completion details: "alpha in 1.33, off by default". */
  badge?: string;
  /** Sentences for hover: since when, which gate, what the target does. */
  readonly lines: readonly string[];
}

function stagesText(gate: FeatureGate): string {
  return gate.stages
    .map((s) => `${s.stage === 'stable' ? 'GA' : s.stage} ${s.to && s.to !== s.from ? `${s.from}–${s.to}` : s.to ? s.from : `from ${s.from}`} (${s.default ? 'on' : 'off'} by default)`)
    .join(', ');
}

/**
 * `definition` is the type holding the field (core.v1.PodSpec), `where` the pod-spec list of a container field.
 * Gates narrowed to one value (SidecarContainers: `restartPolicy: Always`) are named for every value when no value
 * is given (completion talks about the key), and only for that value when there is one (hover).
 */
export function fieldVersionInfo(definition: string, field: string, minor: number, where?: string, value?: unknown): FieldVersionInfo {
  if (!isVersionedField(definition, field)) return UNVERSIONED;
  // Completion asks about the key (no value) once per offered field and request: those answers are memoised
  // per (field, target, list); only table rows reach here, so the memo is bounded by the tables.
  if (value !== undefined) return describeField(definition, field, minor, where, value);
  const key = `${definition}\0${field}\0${minor}\0${where ?? ''}`;
  let info = memo.get(key);
  if (!info) memo.set(key, (info = describeField(definition, field, minor, where, undefined)));
  return info;
}

/** The answer for the fields every supported minor has with no gate: nothing to say. */
const UNVERSIONED: FieldVersionInfo = Object.freeze({ absent: false, lines: Object.freeze([]) });
const memo = new Map<string, FieldVersionInfo>();

function describeField(definition: string, field: string, minor: number, where: string | undefined, value: unknown): FieldVersionInfo {
  const lines: string[] = [];
  const since = fieldSince(definition, field);
  const availability = fieldAt(definition, field, minor, { where });
  const gates = gatesOf(definition, field, { where, value, anyValue: value === undefined });
  if (availability.status === 'absent') lines.push(`Not in Kubernetes 1.${minor}: added in ${availability.addedIn}.`);
  else if (since) lines.push(`Since Kubernetes ${since}.`);
  let badge: string | undefined;
  for (const { gate } of gates) {
    lines.push(`Feature gate \`${gate.gate}\`: ${stagesText(gate)}.`);
    const state = gateAt(gate, minor);
    if (state && !state.onByDefault) {
      badge = `${state.stage} in 1.${minor}, off by default`;
      const on = gateOnByDefaultFrom(gate);
      lines.push(`At the target 1.${minor} the gate is ${stateText(state)}: the API server drops the field unless the cluster enables it${on ? ` (on by default from 1.${on})` : ''}.`);
    }
  }
  if (availability.status === 'absent') badge = `not in 1.${minor}, added in ${availability.addedIn}`;
  return { absent: availability.status === 'absent', badge, lines };
}

/**
 * Container-level `restartPolicy` values the target accepts, per pod-spec list: none before the field exists,
 * `Always` on init containers (native sidecars), and all three on both lists once ContainerRestartRules is on.
 */
export function containerRestartPolicyValues(list: string, minor: number): string[] {
  const rules = gateAt('ContainerRestartRules', minor)?.onByDefault ?? false;
  if (list === 'initContainers') {
    if (fieldAt('core.v1.Container', 'restartPolicy', minor).status === 'absent') return [];
    return rules ? ['Always', 'OnFailure', 'Never'] : ['Always'];
  }
  return rules ? ['Always', 'OnFailure', 'Never'] : [];
}
