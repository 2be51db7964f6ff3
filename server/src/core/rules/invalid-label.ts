import { asMap, getMap, getPair, keyText, nodeSpan, scalarText, type MapNode, type YamlPath } from '../parse/nodes';
import { labelKeyErrors, labelValueErrors } from '../kubernetes/names';
import { kindValidation } from '../kubernetes/object-validation';
import { apiFieldPath } from '../model/containers';
import { defineRule, type RuleContext } from './types';

const TEMPLATED = /\{\{|\$\{/;
/** ValidateAnnotations: all annotations of an object together. */
const TOTAL_ANNOTATION_SIZE = 256 * 1024;

function checkLabels(context: RuleContext, labels: MapNode | undefined, path: YamlPath): void {
  for (const pair of labels?.items ?? []) {
    const key = keyText(pair);
    if (key === undefined || TEMPLATED.test(key)) continue;
    const keyErrors = labelKeyErrors(key);
    // ValidateLabels: field.Invalid(fldPath, k, msg) for keys and field.Invalid(fldPath, v, msg) for values.
    if (keyErrors.length) context.report({ pair, message: `${apiFieldPath(path)}: Invalid value: ${JSON.stringify(key)}: ${keyErrors.join(', ')}` });
    const value = scalarText(pair.value) ?? '';
    if (TEMPLATED.test(value) || !nodeSpan(pair.value)) continue;
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length) context.report({ pair, target: 'value', message: `${apiFieldPath(path)}: Invalid value: ${JSON.stringify(value)}: ${valueErrors.join(', ')}` });
  }
}

function checkAnnotations(context: RuleContext, annotations: MapNode | undefined, path: YamlPath): void {
  let total = 0;
  for (const pair of annotations?.items ?? []) {
    const key = keyText(pair);
    if (key === undefined || TEMPLATED.test(key)) continue;
    total += key.length + (scalarText(pair.value)?.length ?? 0);
    // ValidateAnnotations checks the lower-cased key: upper case is allowed in annotation keys.
    const errors = labelKeyErrors(key.toLowerCase());
    if (errors.length) context.report({ pair, message: `${apiFieldPath(path)}: Invalid value: ${JSON.stringify(key)}: ${errors.join(', ')}` });
  }
  if (total > TOTAL_ANNOTATION_SIZE) {
    const holder = annotations?.items[0];
    if (holder) context.report({ pair: holder, message: `${apiFieldPath(path)}: Too long: may not be more than ${TOTAL_ANNOTATION_SIZE} bytes` });
  }
}

export const rule = defineRule({
  id: 'invalid-label',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'A label key or value, a selector label, or an annotation key that the API server rejects (keys: [prefix/]name of 63 characters; values: 63 characters, alphanumeric at both ends).',
  checkDocument(document, context) {
    const metadata = getMap(document.root, 'metadata');
    checkLabels(context, getMap(metadata, 'labels'), ['metadata', 'labels']);
    checkAnnotations(context, getMap(metadata, 'annotations'), ['metadata', 'annotations']);
    // Built-in workloads: the pod template's metadata and the selector's labels are ObjectMeta and labels too.
    if (!kindValidation(document.apiVersion, document.kind)) return;
    const templates: YamlPath[] = [['spec', 'template'], ['spec', 'jobTemplate'], ['spec', 'jobTemplate', 'spec', 'template'], ['template']];
    for (const templatePath of templates) {
      let node: MapNode | undefined = document.root;
      for (const step of templatePath) node = getMap(node, step as string);
      const templateMetadata = getMap(node, 'metadata');
      if (!templateMetadata) continue;
      checkLabels(context, getMap(templateMetadata, 'labels'), [...templatePath, 'metadata', 'labels']);
      checkAnnotations(context, getMap(templateMetadata, 'annotations'), [...templatePath, 'metadata', 'annotations']);
    }
    const selector = getPair(getMap(document.root, 'spec'), 'selector');
    const selectorMap = asMap(selector?.value);
    // A ReplicationController's or Service's selector is a plain label map; apps/v1's a LabelSelector.
    const matchLabels = getMap(selectorMap, 'matchLabels');
    if (matchLabels) checkLabels(context, matchLabels, ['spec', 'selector', 'matchLabels']);
    else if (selectorMap && !getPair(selectorMap, 'matchExpressions')) checkLabels(context, selectorMap, ['spec', 'selector']);
  },
});
