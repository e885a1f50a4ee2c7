export { ItemRegistry, type RegisteredItem, type RegisterOutcome } from './item-registry.ts';
export { definitionHash } from './definition-hash.ts';
export { recordPublishedDefinition, listStoredDefinitions, saveDraft, publishDraft, type StoredDefinition } from './definition-store.ts';
export {
  applyOverlay, validateOverlay, saveOverlay, findOverlay, assertValidOverlay, basePromisedDays,
  type ItemOverlay, type EffectiveSettings,
} from './overlay.ts';
