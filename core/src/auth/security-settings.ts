// The deployment's security settings (password policy, lock-out, sessions, audit retention): one row
// edited by a network administrator, with the defaults of 等保 2.0 level 3 and seed 003 township
// items 48–49 for any value not set. Read often (every sign-in, every token check), so kept in memory
// and re-read after a minute, which is how other servers of a PostgreSQL deployment learn of a change.
import type { Knex } from 'knex';
import { readJson, writeJson } from '../store/index.ts';

export interface SecuritySettings {
  passwordMinLength: number;
  /** Of lower case, upper case, digits and other characters. */
  passwordMinClasses: number;
  /** A new password may not be any of this many previous ones (the current one included). */
  passwordHistory: number;
  /** A password older than this must be changed at sign-in; 0 = never. */
  passwordMaxAgeDays: number;
  lockoutFailures: number;
  lockoutWindowMinutes: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  auditRetentionDays: number;
}

export const DEFAULT_SECURITY_SETTINGS: Readonly<SecuritySettings> = Object.freeze({
  passwordMinLength: 10,
  passwordMinClasses: 3,
  passwordHistory: 5,
  passwordMaxAgeDays: 90,
  lockoutFailures: 5,
  lockoutWindowMinutes: 15,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  auditRetentionDays: 180,
});

/** Bounds a network administrator may set each to (the floors keep the protection meaningful). */
export const SECURITY_SETTING_BOUNDS: Readonly<Record<keyof SecuritySettings, readonly [min: number, max: number]>> = {
  passwordMinLength: [8, 128],
  passwordMinClasses: [1, 4],
  passwordHistory: [0, 24],
  passwordMaxAgeDays: [0, 365],
  lockoutFailures: [3, 20],
  lockoutWindowMinutes: [1, 1440],
  lockoutMinutes: [1, 1440],
  sessionIdleMinutes: [5, 720],
  sessionAbsoluteHours: [1, 72],
  auditRetentionDays: [180, 3650],
};

const RELOAD_MS = 60_000;

export class SecuritySettingsStore {
  private cached: SecuritySettings = { ...DEFAULT_SECURITY_SETTINGS };
  private loadedAt = 0;

  constructor(private readonly db: Knex) {}

  /** The settings as last read; re-read in the background once a minute. */
  current(): SecuritySettings {
    if (Date.now() - this.loadedAt > RELOAD_MS) {
      this.loadedAt = Date.now();
      void this.reload().catch(() => {});
    }
    return this.cached;
  }

  async reload(): Promise<SecuritySettings> {
    const row = await this.db('security_settings').where({ id: 1 }).first('settings');
    this.cached = { ...DEFAULT_SECURITY_SETTINGS, ...(row ? readJson<Partial<SecuritySettings>>(row.settings) : {}) };
    this.loadedAt = Date.now();
    return this.cached;
  }

  async update(changes: Partial<SecuritySettings>, userId: string, now: Date): Promise<SecuritySettings> {
    const next = { ...(await this.reload()), ...changes };
    const values = { settings: writeJson(next), updated_by: userId, updated_at: now.toISOString() };
    await this.db('security_settings').insert({ id: 1, ...values }).onConflict('id').merge(values);
    return this.reload();
  }
}
