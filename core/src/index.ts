// @bianmin/core — the runtime, for the processes that host it: the server (main.ts), the CLI
// (@bianmin/cli) and embedding tests. Plugins never import it: they depend on @bianmin/contract.
export { createRuntime, type RuntimeOptions, type StartedRuntime } from './runtime/create-runtime.ts';
export type { Runtime } from './runtime/runtime.ts';
export { buildServer, type ServerOptions } from './server/build-server.ts';
export { openDatabase, databaseOptionsFromEnv, migrate, type DatabaseOptions } from './store/index.ts';
export { discoverPlugins, loadPlugins, readPluginPackage, formatProblem } from './plugin-loading/index.ts';
export type { PluginProblem, PluginPackage, PluginLoadReport, LoadedPlugin, RefusedPlugin } from './plugin-loading/index.ts';
