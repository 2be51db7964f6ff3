import { applyOperation, getValueByPointer, JsonPatchError, type Operation } from 'fast-json-patch';
import type { YamlPath } from '../../parse/nodes';
import type { Origin, Origins } from './origins';

type Json = Record<string, unknown>;

/** The operations of RFC 6902, which kustomize applies with evanphx/json-patch. */
const OPERATIONS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** An operation that kustomize cannot apply: where in the operation list, and why (kustomize then fails the build). */
export interface OperationProblem {
  /** Index of the operation, and its field the problem is on. */
  index: number;
  field: 'op' | 'path' | 'from' | 'value' | undefined;
  message: string;
}

function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an operation lacks, before it is applied (op, path, from, value as RFC 6902 asks). */
function shapeProblem(operation: unknown, index: number): OperationProblem | undefined {
  if (!isMap(operation)) return { index, field: undefined, message: 'A JSON patch operation is a map with `op` and `path` (RFC 6902).' };
  const op = operation.op;
  if (typeof op !== 'string' || !OPERATIONS.has(op)) {
    return { index, field: operation.op === undefined ? undefined : 'op', message: `\`op\` must be one of add, remove, replace, move, copy, test${op === undefined ? '' : `, not ${JSON.stringify(op)}`} (RFC 6902).` };
  }
  if (typeof operation.path !== 'string') return { index, field: operation.path === undefined ? undefined : 'path', message: `The \`${op}\` operation needs a \`path\`: a JSON pointer such as /spec/template/spec/containers/- (RFC 6902).` };
  if (operation.path !== '' && !operation.path.startsWith('/')) return { index, field: 'path', message: `\`path\` is a JSON pointer and starts with "/" (RFC 6901): /${operation.path}.` };
  if ((op === 'move' || op === 'copy') && typeof operation.from !== 'string') return { index, field: undefined, message: `The \`${op}\` operation needs \`from\`, the JSON pointer of the value to ${op} (RFC 6902).` };
  if ((op === 'add' || op === 'replace' || op === 'test') && !('value' in operation)) return { index, field: undefined, message: `The \`${op}\` operation needs a \`value\` (RFC 6902).` };
  return undefined;
}

/** kustomize's (evanphx/json-patch) failure, in words, for a fast-json-patch error. */
function applyProblem(error: JsonPatchError, operation: Json, index: number): OperationProblem {
  const op = String(operation.op);
  const path = String(operation.path);
  switch (error.name) {
    case 'OPERATION_FROM_UNRESOLVABLE':
      return { index, field: 'from', message: `${op} operation does not apply: the target has nothing at ${String(operation.from)}, so there is nothing to ${op}.` };
    case 'TEST_OPERATION_FAILED':
      return { index, field: 'value', message: `test operation failed: the value at ${path} is not ${JSON.stringify(operation.value)}, so kustomize stops the build.` };
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
      return { index, field: 'path', message: `${op} operation does not apply: ${path} is not an index of the list in the target (use "-" to append).` };
    default:
      return { index, field: 'path', message: `${op} operation does not apply: the target is missing path ${path}${op === 'add' ? ' (add creates only the last step of a path)' : ''}.` };
  }
}

/** Records that a patch operation wrote the value at `pointer`, for findings to land on the operation's `value`. */
function annotateWritten(document: Json, pointer: string, origin: Origin, origins: Origins): void {
  const steps = pointer.split('/').slice(1).map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = steps.pop();
  if (key === undefined) return;
  const parentPointer = steps.length === 0 ? '' : `/${pointer.split('/').slice(1, -1).join('/')}`;
  let parent: unknown;
  try {
    parent = parentPointer === '' ? document : getValueByPointer(document, parentPointer);
  } catch {
    return;
  }
  if (typeof parent !== 'object' || parent === null) return;
  const at: string | number = Array.isArray(parent) ? (key === '-' ? parent.length - 1 : Number(key)) : key;
  const value: unknown = Array.isArray(parent) ? parent[Number(at)] : (parent as Json)[String(at)];
  origins.setKey(parent, at, origin);
  if (typeof value === 'object' && value !== null) origins.annotate(value, origin);
}

/**
 * Applies a JSON 6902 patch to a resource, in place, as kustomize does; stops at the first operation that cannot
 * apply (kustomize fails the build there) and says why. `operationOrigin(i)` is where operation i was written.
 */
export function applyJsonPatch(resource: Json, operations: readonly unknown[], origins: Origins, operationOrigin: (index: number, field: YamlPath) => Origin): OperationProblem | undefined {
  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index];
    const shape = shapeProblem(operation, index);
    if (shape) return shape;
    const op = operation as Json;
    try {
      // A copy per resource: a patch with a target that selects several must not share its values between them.
      applyOperation(resource, structuredClone(op) as unknown as Operation, true, true, true, index);
    } catch (error) {
      if (error instanceof JsonPatchError) return applyProblem(error, op, index);
      throw error;
    }
    if (op.op === 'add' || op.op === 'replace') annotateWritten(resource, String(op.path), operationOrigin(index, ['value']), origins);
  }
  return undefined;
}

/** Problems of the operations' shape alone (no target): for a JSON patch file no kustomization could apply. */
export function operationShapeProblems(operations: readonly unknown[]): OperationProblem[] {
  return operations.map((operation, index) => shapeProblem(operation, index)).filter((problem): problem is OperationProblem => !!problem);
}
