// Which files of a folder tree are manifests to read: shared by the CLI's inputs and the editor's workspace index.

/** A YAML file, by name. */
export const YAML_FILE = /\.ya?ml$/i;

/** Folders never walked: dependencies and version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
