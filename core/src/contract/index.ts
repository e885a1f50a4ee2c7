// @bianmin/core/contract — the public, versioned plugin contract. Plugins import only this.
import type { PluginManifest } from './manifest.generated.ts';
import type { PluginCode } from './runtime.ts';
import manifestSchema from './manifest.schema.json' with { type: 'json' };
import scenarioSchema from './scenario.schema.json' with { type: 'json' };

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
export { GUIDE_ELEMENTS } from './guide-elements.ts';

/** Major version of the contract; a manifest states it in `contractVersion`. */
export const CONTRACT_VERSION = '1';
export { manifestSchema, scenarioSchema };

/** A plugin written in TypeScript: its manifest and, optionally, its code, checked by the compiler. */
export type PluginDefinition = PluginManifest & PluginCode;

export function definePlugin<const T extends PluginDefinition>(plugin: T): T {
  return plugin;
}
