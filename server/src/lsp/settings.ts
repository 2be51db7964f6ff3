import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, normalizeSettings, type Settings } from '../core/settings';

/**
 * Settings per document: from workspace/configuration when the client supports it (any LSP client may not),
 * else from the last didChangeConfiguration body.
 */
export class SettingsStore {
  private global: Settings;
  private readonly perUri = new Map<string, Promise<Settings>>();
  supportsConfiguration = false;

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

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration) return Promise.resolve(this.global);
    let settings = this.perUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'sidecar' })
        .then((section: unknown) => normalizeSettings(section, defaultSettings(this.base())))
        .catch(() => this.global);
      this.perUri.set(uri, settings);
    }
    return settings;
  }

  /** The settings used for the status bar: the last fetched or pushed ones. */
  async current(uri?: string): Promise<Settings> {
    return uri ? this.get(uri) : this.supportsConfiguration ? this.get('') : this.global;
  }
}
