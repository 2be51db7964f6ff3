import { isScalar, visit, type Scalar } from 'yaml';
import { proposal, type QuickFixProvider } from './types';

/**
 * dangling-reference with a "did you mean": the name the workspace defines there (or the Service's port name),
 * written over the reference's value, which is the diagnostic's range.
 */
export const danglingReference: QuickFixProvider<'dangling-reference'> = (context) => {
  const { suggestion } = context.data;
  const node = scalarAt(context.document.yaml, context.start);
  if (!suggestion || !node) return [];
  return proposal(`Change to "${suggestion}"`, [context.editor.replaceScalar(node, suggestion)], { isPreferred: true });
};

/** The scalar that starts at a chunk offset (a diagnostic's range starts at the value it is about). */
function scalarAt(document: Parameters<typeof visit>[0], start: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(document, {
    Scalar(_, node) {
      if (node.range?.[0] !== start) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found && isScalar(found) ? found : undefined;
}
