import table from './data/feature-gates.json';

/** One stage of a gate, from the gate's page in the Kubernetes docs (`to` absent: still in it at 1.36). */
export interface GateStage {
  stage: 'alpha' | 'beta' | 'stable';
  from: string;
  to?: string;
  default: boolean;
}

/** A field a gate guards; `where`/`value`/`valueNot` narrow it to one list or one value. */
export interface GatedField {
  definition: string;
  field: string;
  where?: 'containers' | 'initContainers';
  value?: string | boolean;
  valueNot?: string;
  /** The rule that reports this field; the generic field check stays quiet about it. */
  checkedBy?: string;
}

export interface FeatureGate {
  gate: string;
  stages: readonly GateStage[];
  fields: readonly GatedField[];
  source: string;
}

/** A gate at one minor: its stage and whether it is on unless the cluster changes it. */
export interface GateState {
  gate: FeatureGate;
  stage: GateStage['stage'];
  onByDefault: boolean;
}

export const FEATURE_GATES: readonly FeatureGate[] = table.gates as FeatureGate[];

const byName = new Map(FEATURE_GATES.map((gate) => [gate.gate, gate]));
const byField = new Map<string, { gate: FeatureGate; field: GatedField }[]>();
for (const gate of FEATURE_GATES) {
  for (const field of gate.fields) {
    const key = `${field.definition}.${field.field}`;
    byField.set(key, [...(byField.get(key) ?? []), { gate, field }]);
  }
}

export function minorOf(version: string): number {
  return Number(version.split('.')[1]);
}

export function featureGate(name: string): FeatureGate {
  const gate = byName.get(name);
  if (!gate) throw new Error(`unknown feature gate ${name}`);
  return gate;
}

/** The gate's state in Kubernetes 1.<minor>, or undefined before its first stage. */
export function gateAt(gate: FeatureGate | string, minor: number): GateState | undefined {
  const row = typeof gate === 'string' ? featureGate(gate) : gate;
  const stage = row.stages.find((s) => minorOf(s.from) <= minor && (s.to === undefined || minor <= minorOf(s.to)));
  if (stage) return { gate: row, stage: stage.stage, onByDefault: stage.default };
  const last = row.stages[row.stages.length - 1];
  // After a stage with no end the gate keeps it; a gate past its last stage is removed and the feature is GA.
  return minor > minorOf(last.to ?? last.from) ? { gate: row, stage: 'stable', onByDefault: true } : undefined;
}

/** The first minor in which the gate, and so its fields, exist. */
export function gateIntroduced(gate: FeatureGate): number {
  return minorOf(gate.stages[0].from);
}

/** The first minor in which the gate is on by default, if any. */
export function gateOnByDefaultFrom(gate: FeatureGate): number | undefined {
  const stage = gate.stages.find((s) => s.default);
  return stage ? minorOf(stage.from) : undefined;
}

/** "alpha, off by default" */
export function stateText(state: GateState): string {
  return `${state.stage === 'stable' ? 'GA' : state.stage}, ${state.onByDefault ? 'on' : 'off'} by default`;
}

/** "the PodLevelResources feature gate (alpha, off by default) in 1.32; on by default from 1.34" */
export function gateSentence(state: GateState, minor: number): string {
  const on = gateOnByDefaultFrom(state.gate);
  const later = !state.onByDefault && on !== undefined && on > minor ? `; on by default from 1.${on}` : '';
  return `the ${state.gate.gate} feature gate (${stateText(state)}) in Kubernetes 1.${minor}${later}`;
}

/** Gates that guard `definition.field` for this value in this list (`where`), with their field rows. */
export function gatesOf(
  definition: string,
  field: string,
  context: { where?: string; value?: unknown; anyValue?: boolean } = {},
): { gate: FeatureGate; field: GatedField }[] {
  return (byField.get(`${definition}.${field}`) ?? []).filter(({ field: row }) => {
    if (row.where !== undefined && row.where !== context.where) return false;
    if (context.anyValue) return true;
    if (row.value !== undefined && row.value !== context.value) return false;
    if (row.valueNot !== undefined && row.valueNot === context.value) return false;
    return true;
  });
}
