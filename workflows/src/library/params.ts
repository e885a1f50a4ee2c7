// Reading the params a machine config gives an action or guard. Configs are data, so a wrong
// param is reported by the static check before a case runs, and thrown if it still gets here.
import type { Params } from '../config.ts';

export function stringParam(params: Params | undefined, name: string): string {
  const value = params?.[name];
  if (typeof value !== 'string' || value === '') throw new Error(`param "${name}" must be a non-empty string`);
  return value;
}

export function optionalStringParam(params: Params | undefined, name: string): string | undefined {
  return params?.[name] === undefined ? undefined : stringParam(params, name);
}

export function stringListParam(params: Params | undefined, name: string): string[] {
  const value = params?.[name];
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    throw new Error(`param "${name}" must be a non-empty list of strings`);
  }
  return value as string[];
}

export function oneOfParam<T extends string>(params: Params | undefined, name: string, allowed: readonly T[]): T {
  const value = stringParam(params, name);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`param "${name}" must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Turns a param reader into a static-check answer: the reader's message, or undefined. */
export function paramsProblem(read: () => unknown): string | undefined {
  try {
    read();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
