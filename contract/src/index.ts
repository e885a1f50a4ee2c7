// @bianmin/contract — the public, versioned plugin contract. Plugins import only this package; the
// package's major version is the `contractVersion` a manifest states.
import manifestSchema from '../schemas/manifest.schema.json' with { type: 'json' };
import scenarioSchema from '../schemas/scenario.schema.json' with { type: 'json' };

export type {
  PluginManifest, ItemDefinition, ItemGuide, LegalBasis, TimeLimit, Fee, ProcessStep, Appointment,
  Contact, Material, ItemForm, Procedure, ReviewStep, Referral, DocumentSpec, Delivery, Bundle,
  SealDefinition, DeliveryModeDefinition, Level, Role, ProcedureKind, DocumentKind, SealKind,
} from './manifest.generated.ts';
export type { Scenario, ScenarioStep, ScenarioExpectation } from './scenario.generated.ts';
export type {
  Actor, CaseEvent, Signature, CaseContext, Effect, ActionArgs, ActionResult, PluginAction, PluginGuard,
  ValidationIssue, PluginValidator, PluginCode,
} from './runtime.ts';
export type { Problem } from './problem.ts';
export { GUIDE_ELEMENTS } from './guide-elements.ts';
export { definePlugin, type PluginDefinition } from './define-plugin.ts';

/** Major version of the contract; a manifest states it in `contractVersion`. */
export const CONTRACT_VERSION = '1';
export { manifestSchema, scenarioSchema };
