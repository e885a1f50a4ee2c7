// Reading event payload fields the standard events define.
import type { WorkflowEvent } from '../context.ts';

/** A payload field that must be a list of ids; anything else is a malformed event. */
export function payloadStrings(event: WorkflowEvent, field: string): string[] {
  const value = event.payload?.[field];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error(`${event.type}: payload.${field} must be a list of material ids`);
  }
  return value;
}

/** Present and not empty: not undefined/null, not a blank string, not an empty list. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
