// A state value as the API and the fixtures write it: `reviewing.siteInspection`.
import type { StateValue } from 'xstate';

export function stateValueToPath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) throw new Error(`a case is in one state at a time, got ${JSON.stringify(value)}`);
  const key = keys[0]!;
  const child = value[key];
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0)
    ? key
    : `${key}.${stateValueToPath(child)}`;
}
