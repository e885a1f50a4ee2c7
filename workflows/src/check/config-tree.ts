// Reads an untrusted JSON machine config into a tree of states and transitions with the JSON
// pointer of every part, reporting what does not have the expected shape. The other checks work
// on this tree, so they need not care about the shorthand forms xstate accepts (a transition as
// a bare target string, an action as a bare name, a single object instead of a list).
import type { Problem } from '@bianmin/contract';
import { pointerTo } from './issue.ts';

export interface RefNode {
  /** The name, or undefined when the reference has no usable name (reported as a shape issue). */
  type: string | undefined;
  params: unknown;
  pointer: string;
}

export interface TransitionNode {
  event: string;
  target: string | undefined;
  pointer: string;
  guard: RefNode | undefined;
  actions: RefNode[];
}

export interface StateNode {
  key: string;
  path: string[];
  pointer: string;
  id: string | undefined;
  final: boolean;
  initial: string | undefined;
  parent: StateNode | undefined;
  children: StateNode[];
  transitions: TransitionNode[];
  /** entry and exit actions. */
  actions: RefNode[];
}

const UNSUPPORTED: Record<string, string> = {
  after: 'delayed transitions are not allowed: deadlines are fired by the core\'s sweeper, not timers',
  invoke: 'invoked actors are not allowed: a case machine is pure',
  always: 'eventless transitions are not supported in case machines',
  history: 'history states are not supported in case machines',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function readRef(value: unknown, pointer: string, what: string, issues: Problem[]): RefNode {
  if (typeof value === 'string') return { type: value, params: undefined, pointer };
  if (isObject(value) && typeof value.type === 'string') return { type: value.type, params: value.params, pointer };
  issues.push({ pointer, message: `${what} must be a name or { type, params }` });
  return { type: undefined, params: undefined, pointer };
}

function readActions(value: unknown, pointer: string, issues: Problem[]): RefNode[] {
  return Array.isArray(value)
    ? value.map((item, i) => readRef(item, pointerTo(pointer, i), 'an action', issues))
    : value === undefined ? [] : [readRef(value, pointer, 'an action', issues)];
}

function readTransitions(event: string, value: unknown, pointer: string, issues: Problem[]): TransitionNode[] {
  const listed = Array.isArray(value);
  return asList(value).map((item, i) => {
    const at = listed ? pointerTo(pointer, i) : pointer;
    if (typeof item === 'string') return { event, target: item, pointer: at, guard: undefined, actions: [] };
    if (!isObject(item)) {
      issues.push({ pointer: at, message: 'a transition must be a target or { target, guard, actions }' });
      return { event, target: undefined, pointer: at, guard: undefined, actions: [] };
    }
    if (item.target !== undefined && typeof item.target !== 'string') {
      issues.push({ pointer: pointerTo(at, 'target'), message: 'a target must be one state (a string)' });
    }
    return {
      event,
      target: typeof item.target === 'string' ? item.target : undefined,
      pointer: at,
      guard: item.guard === undefined ? undefined : readRef(item.guard, pointerTo(at, 'guard'), 'a guard', issues),
      actions: readActions(item.actions, pointerTo(at, 'actions'), issues),
    };
  });
}

function readState(
  key: string, value: unknown, pointer: string, parent: StateNode | undefined, issues: Problem[],
): StateNode {
  const node: StateNode = {
    key, path: parent ? [...parent.path, key] : [], pointer, id: undefined, final: false, initial: undefined,
    parent, children: [], transitions: [], actions: [],
  };
  if (!isObject(value)) {
    issues.push({ pointer, message: 'a state must be an object' });
    return node;
  }
  for (const [field, message] of Object.entries(UNSUPPORTED)) {
    if (field in value || value.type === field) issues.push({ pointer: pointerTo(pointer, field in value ? field : 'type'), message });
  }
  if (value.type === 'parallel') {
    issues.push({ pointer: pointerTo(pointer, 'type'), message: 'parallel states are not supported: a case is in one state at a time' });
  }
  node.final = value.type === 'final';
  node.id = typeof value.id === 'string' ? value.id : undefined;
  node.initial = typeof value.initial === 'string' ? value.initial : undefined;
  if (isObject(value.states)) {
    node.children = Object.entries(value.states).map(([child, childValue]) =>
      readState(child, childValue, pointerTo(pointer, 'states', child), node, issues));
  } else if (value.states !== undefined) {
    issues.push({ pointer: pointerTo(pointer, 'states'), message: 'states must be an object of named states' });
  }
  if (node.children.length > 0 && (node.initial === undefined || !node.children.some((c) => c.key === node.initial))) {
    issues.push({ pointer: pointerTo(pointer, 'initial'), message: `initial must name one of the child states (${node.children.map((c) => c.key).join(', ')})` });
  }
  if (node.final && node.children.length > 0) {
    issues.push({ pointer: pointerTo(pointer, 'type'), message: 'a final state cannot have child states' });
  }
  if (isObject(value.on)) {
    node.transitions = Object.entries(value.on).flatMap(([event, transitions]) =>
      readTransitions(event, transitions, pointerTo(pointer, 'on', event), issues));
  } else if (value.on !== undefined) {
    issues.push({ pointer: pointerTo(pointer, 'on'), message: 'on must map event types to transitions' });
  }
  node.actions = [
    ...readActions(value.entry, pointerTo(pointer, 'entry'), issues),
    ...readActions(value.exit, pointerTo(pointer, 'exit'), issues),
  ];
  return node;
}

/** The root state node of the config, or undefined when the config is not an object at all. */
export function readConfigTree(config: unknown, issues: Problem[]): StateNode | undefined {
  if (!isObject(config)) {
    issues.push({ pointer: '', message: 'a machine config must be an object' });
    return undefined;
  }
  if (typeof config.id !== 'string' || config.id === '') {
    issues.push({ pointer: '/id', message: 'the machine needs an id (targets use #<id>.<state>)' });
  }
  const root = readState('', config, '', undefined, issues);
  root.id = typeof config.id === 'string' ? config.id : undefined;
  if (root.children.length === 0) issues.push({ pointer: '/states', message: 'the machine has no states' });
  return root;
}

export function descendants(node: StateNode): StateNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}
