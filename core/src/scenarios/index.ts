export { runScenario, type ScenarioOutcome } from './run-scenario.ts';
export { ScenarioClock, DEFAULT_SCENARIO_START } from './scenario-clock.ts';
export { scenarioRuntime, type ScenarioRuntime } from './scenario-runtime.ts';
