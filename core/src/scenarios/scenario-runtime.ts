// An in-memory runtime for replaying scenarios: a fresh SQLite database with the demo county, the
// given plugin folders, no notification channels and a scenario clock.
import { createRuntime, type StartedRuntime } from '../runtime/create-runtime.ts';
import { openDatabase } from '../store/index.ts';
import { ScenarioClock } from './scenario-clock.ts';

export interface ScenarioRuntime extends StartedRuntime {
  clock: ScenarioClock;
}

/** `root`: where the other plugins are found when not only the given folders load (see createRuntime). */
export async function scenarioRuntime(options: { pluginFolders?: string[]; onlyPluginFolders?: boolean; root?: string } = {}): Promise<ScenarioRuntime> {
  const clock = new ScenarioClock();
  const db = openDatabase({ dataDir: ':memory:' });
  const started = await createRuntime({
    db,
    env: { BIANMIN_ADMIN_PASSWORD: 'scenario-admin', BIANMIN_SECRET: 'scenario-secret-scenario-secret-0000' },
    pluginFolders: options.pluginFolders ?? [],
    onlyPluginFolders: options.onlyPluginFolders ?? false,
    ...(options.root ? { root: options.root } : {}),
    now: clock.now,
    channels: [],
    publicBaseUrl: 'http://127.0.0.1:3000',
  });
  return {
    ...started,
    clock,
    async close() {
      await started.close();
      await db.destroy();
    },
  };
}
