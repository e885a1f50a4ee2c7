// The plain-JSON shape of a case machine config, as the templates produce it and as an admin's
// `procedure.config` must be written: actions and guards are referenced by name, never inlined,
// so a config can be stored, diffed and checked without running it.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Params = { [key: string]: JsonValue };

export interface ActionRef {
  type: string;
  params?: Params;
}

/** A guard by name; the combinators `and` ({ guards }) and `not` ({ guard }) nest references. */
export interface GuardRef {
  type: string;
  params?: Params;
}

export interface TransitionJson {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  description?: string;
}

export interface StateJson {
  type?: 'final';
  initial?: string;
  states?: Record<string, StateJson>;
  on?: Record<string, TransitionJson[]>;
  entry?: ActionRef[];
  exit?: ActionRef[];
  description?: string;
  meta?: Params;
}

export interface MachineConfigJson extends StateJson {
  /** Machine id; targets inside nested states use `#<id>.<path>`. */
  id: string;
  initial: string;
  states: Record<string, StateJson>;
}

/** Nested references as a param value: references are plain JSON by construction. */
export function refsAsParam(refs: Array<ActionRef | GuardRef>): JsonValue {
  return refs as unknown as JsonValue;
}

/** The id every template gives its machine. */
export const CASE_MACHINE_ID = 'case';
