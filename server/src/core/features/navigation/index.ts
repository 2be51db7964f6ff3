export { definition, references } from './definition';
export { prepareRename, rename, type RenameResult } from './rename';
export { documentLinks, documentSymbols, qualifiedName, workspaceSymbols } from './symbols';
