export { discoverPlugins, pluginFoldersFromEnv, isPluginPackage, type PluginLocation, type DiscoverOptions } from './discover.ts';
export { readPluginPackage, readScenario, type PluginPackage, type ItemSource, type ScenarioSource } from './read-package.ts';
export { loadPlugins, type LoadedPlugin, type RefusedPlugin, type PluginLoadReport, type LoadContext } from './load-plugins.ts';
export { checkItem, type ItemCheckContext } from './check-item.ts';
export { checkItemShape, checkManifestShape } from './check-schema.ts';
export { formatProblem, type PluginProblem } from './problem.ts';
export { namespacedCode } from './namespaced-code.ts';
