import { defineComposeRule } from './types';

/** Docker Compose v2 prints: "the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion". */
export const rule = defineComposeRule({
  id: 'compose-version-obsolete',
  defaultSeverity: 'hint',
  summary: 'The top-level version: is obsolete in the Compose Specification and ignored',
  checkFile(model, context) {
    if (!model.versionPair) return;
    context.report({
      pair: model.versionPair,
      target: 'pair',
      message: 'The attribute `version` is obsolete: Compose ignores it (the Compose Specification has no file versions). Remove it to avoid confusion.',
      unnecessary: true,
    });
  },
});
