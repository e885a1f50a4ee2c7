// Targets and the state graph: every target names a state, every state can be reached from the
// initial one, and from every reachable state some final state can be reached (no case gets
// stuck). Targets resolve as xstate v5 does: `#id.path`, `.child`, or `sibling.path`.
import type { StateNode } from './config-tree.ts';
import { descendants } from './config-tree.ts';
import type { Problem } from '@bianmin/contract';
import { pointerTo } from './issue.ts';

function childByPath(from: StateNode, path: string[]): StateNode | undefined {
  return path.reduce<StateNode | undefined>((node, key) => node?.children.find((c) => c.key === key), from);
}

function resolveTarget(root: StateNode, source: StateNode, target: string): StateNode | undefined {
  if (target.startsWith('#')) {
    const [id, ...path] = target.slice(1).split('.');
    const owner = [root, ...descendants(root)].find((node) => node.id === id);
    return owner && childByPath(owner, path);
  }
  if (target.startsWith('.')) return childByPath(source, target.slice(1).split('.'));
  return source.parent && childByPath(source.parent, target.split('.'));
}

/** The atomic state a transition into `node` ends in (following `initial`). */
function enteredLeaf(node: StateNode): StateNode {
  const initial = node.children.find((child) => child.key === node.initial) ?? node.children[0];
  return initial === undefined ? node : enteredLeaf(initial);
}

function ancestorsAndSelf(node: StateNode): StateNode[] {
  return node.parent ? [node, ...ancestorsAndSelf(node.parent)] : [node];
}

function closure(start: StateNode[], next: (node: StateNode) => StateNode[]): Set<StateNode> {
  const seen = new Set(start);
  const queue = [...start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const other of next(node)) if (!seen.has(other)) { seen.add(other); queue.push(other); }
  }
  return seen;
}

export function checkReachability(root: StateNode): Problem[] {
  const issues: Problem[] = [];
  const states = descendants(root);
  const leaves = states.filter((node) => node.children.length === 0);
  const edges = new Map<StateNode, StateNode[]>(leaves.map((leaf) => [leaf, []]));

  for (const source of [root, ...states]) {
    for (const transition of source.transitions) {
      if (transition.target === undefined) continue;
      const resolved = resolveTarget(root, source, transition.target);
      if (resolved === undefined || resolved === root) {
        issues.push({ pointer: pointerTo(transition.pointer, 'target'), message: `unknown target state "${transition.target}"` });
        continue;
      }
      // A transition declared on a compound state is taken from each of its atomic states.
      for (const leaf of leaves) {
        if (ancestorsAndSelf(leaf).includes(source) && !leaf.final) edges.get(leaf)!.push(enteredLeaf(resolved));
      }
    }
  }
  if (root.children.length === 0) return issues;

  const reachable = closure([enteredLeaf(root)], (leaf) => edges.get(leaf) ?? []);
  const reported = new Set<StateNode>();
  for (const node of states) {
    const isReachable = [node, ...descendants(node)].some((n) => reachable.has(n));
    if (!isReachable && !(node.parent && reported.has(node.parent))) {
      issues.push({ pointer: node.pointer, message: `state "${node.path.join('.')}" cannot be reached from the initial state` });
      reported.add(node);
    } else if (!isReachable) {
      reported.add(node);
    }
  }

  const predecessors = new Map<StateNode, StateNode[]>();
  for (const [from, tos] of edges) for (const to of tos) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
  const canFinish = closure(leaves.filter((leaf) => leaf.final), (leaf) => predecessors.get(leaf) ?? []);
  for (const leaf of leaves) {
    if (reachable.has(leaf) && !canFinish.has(leaf)) {
      issues.push({ pointer: leaf.pointer, message: `no final state can be reached from "${leaf.path.join('.')}"` });
    }
  }
  return issues;
}
