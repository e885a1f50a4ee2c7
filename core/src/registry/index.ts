export { ItemRegistry, type RegisteredItem, type RegisterOutcome } from './item-registry.ts';
export { definitionHash } from './definition-hash.ts';
export {
  recordPublishedDefinitions, listStoredVersions, readStoredDefinitions, listStoredDefinitions, saveDraft, publishDraft, type StoredDefinition, type StoredVersion,
} from './definition-store.ts';
export {
  applyOverlay, validateOverlay, saveOverlay, findOverlay, assertValidOverlay, basePromisedDays,
  type ItemOverlay, type EffectiveSettings,
} from './overlay.ts';
