import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { DidChangeWatchedFilesNotification, type Connection, type DidChangeWatchedFilesParams, type InitializeParams } from 'vscode-languageserver/node';
import { findConfigFile } from '../config-lookup';
import { CONFIG_FILE_NAMES, isConfigFile, mergeConfig, parseConfigFile, type ConfigFile } from '../core/config-file';
import { DEFAULT_KUBERNETES_VERSION, defaultSettings, normalizeSettings, type Settings } from '../core/settings';

/**
 * Settings per document: from workspace/configuration when the client supports it (any LSP client may not),
 * else from the last didChangeConfiguration body; then merged with the nearest `.sidecarlint.yaml`
 * (see docs/configuration.md for the precedence).
 */
export class SettingsStore {
  private global: Settings;
  private readonly perUri = new Map<string, Promise<Settings>>();
  /** Parsed config files by path (undefined: the file vanished or cannot be read). */
  private readonly configFiles = new Map<string, ConfigFile | undefined>();
  /** Workspace folder paths: the search for a config file stops at the folder that holds the document. */
  private workspaceFolders: string[] = [];
  supportsConfiguration = false;
  private canWatchFiles = false;

  constructor(
    private readonly connection: Connection,
    private readonly base: () => Partial<Settings>,
  ) {
    this.global = defaultSettings(base());
  }

  /** Called on didChangeConfiguration: forget what we fetched and take the pushed values when there are any. */
  changed(pushed: unknown): void {
    this.perUri.clear();
    const section = pushed && typeof pushed === 'object' ? (pushed as { sidecar?: unknown }).sidecar : undefined;
    if (section) this.global = normalizeSettings(section, defaultSettings(this.base()));
  }

  /** Takes what initialize tells about the workspace and the client's file watching. */
  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.setWorkspaceFolders(folders);
    this.canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  /**
   * Re-reads config files when the client reports a change to one; `others` hears about the other watched files
   * (kustomize inputs). Asks the client to watch them when it can register watchers itself (VS Code can); other
   * clients must send the events on their own.
   */
  watchConfigFiles(onChange: () => void, others?: { globs: readonly string[]; changed(event: DidChangeWatchedFilesParams): void }): void {
    // One handler per connection: the other watchers (the workspace index) get every event through `others`.
    this.connection.onDidChangeWatchedFiles((event) => {
      others?.changed(event);
      if (!event.changes.some((change) => isConfigFile(change.uri))) return;
      this.configFilesChanged();
      onChange();
    });
    if (this.canWatchFiles) {
      const globs = [...CONFIG_FILE_NAMES.map((name) => `**/${name}`), ...(others?.globs ?? [])];
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
  }

  /** The workspace folders, as file system paths. */
  folders(): readonly string[] {
    return this.workspaceFolders;
  }

  /** From initialize (`workspaceFolders`, else `rootUri`) and workspace folder changes. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.map(filePath).filter((p): p is string => !!p);
    this.perUri.clear();
  }

  /** Called when a `.sidecarlint.yaml` was created, changed or deleted: read config files again. */
  configFilesChanged(): void {
    this.configFiles.clear();
    this.perUri.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    let settings = this.perUri.get(uri);
    if (!settings) {
      const editor = this.supportsConfiguration
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'sidecar' })
            .then((section: unknown) => normalizeSettings(section, defaultSettings(this.base())))
            .catch(() => this.global)
        : Promise.resolve(this.global);
      settings = editor.then((values) => this.withConfigFile(uri, values));
      this.perUri.set(uri, settings);
    }
    return settings;
  }

  /**
   * The settings for the status bar, fetched afresh: the client asks right after a setting changed, possibly
   * before its didChangeConfiguration reached us, and must not get the cached, older answer.
   */
  async current(uri?: string): Promise<Settings> {
    const key = uri ?? '';
    this.forget(key);
    return uri || this.supportsConfiguration ? this.get(key) : this.global;
  }

  /** The innermost workspace folder that holds a file path (kustomizations are looked for up to it). */
  workspaceFolderOf(file: string): string | undefined {
    return this.workspaceFolders.filter((f) => isInside(path.dirname(file), f)).sort((a, b) => b.length - a.length)[0];
  }

  /** The config file that applies to a document and what it holds, for the status bar and problem reports. */
  configFor(uri: string): { path: string; config: ConfigFile } | undefined {
    const file = filePath(uri);
    if (!file) return undefined;
    const directory = path.dirname(file);
    const folder = this.workspaceFolders.filter((f) => isInside(directory, f)).sort((a, b) => b.length - a.length)[0];
    const found = findConfigFile(directory, (candidate) => this.readConfig(candidate) !== undefined, folder);
    const config = found ? this.readConfig(found) : undefined;
    return found && config ? { path: found, config } : undefined;
  }

  private withConfigFile(uri: string, editor: Settings): Settings {
    const found = this.configFor(uri);
    return found ? mergeConfig(editor, found.config.settings, DEFAULT_KUBERNETES_VERSION) : editor;
  }

  private readConfig(file: string): ConfigFile | undefined {
    if (this.configFiles.has(file)) return this.configFiles.get(file);
    let config: ConfigFile | undefined;
    try {
      config = parseConfigFile(fs.readFileSync(file, 'utf8'));
      for (const problem of config.problems) this.connection.console.warn(`sidecar: ${file} (offset ${problem.start}): ${problem.message}`);
    } catch {
      // Missing or unreadable: as if there were no file here.
      config = undefined;
    }
    this.configFiles.set(file, config);
    return config;
  }
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isInside(directory: string, folder: string): boolean {
  const relative = path.relative(folder, directory);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
