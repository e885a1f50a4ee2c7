// An XState machine config (JSON) → boxes and arrows for the procedure diagram. Nested states are
// flattened to dotted ids (reviewing.firstReview); columns follow the distance from the initial state.

export interface GraphNode {
  id: string;
  label: string;
  depth: number;
  row: number;
  final: boolean;
  initial: boolean;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  event: string;
}

type StateConfig = {
  initial?: string;
  type?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, unknown>;
  always?: unknown;
};

function targetsOf(t: unknown): string[] {
  if (!t) return [];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.flatMap(targetsOf);
  if (typeof t === 'object') return targetsOf((t as { target?: unknown }).target);
  return [];
}

/** Resolves `#machine.a.b`, `.child`, and sibling names against the state at `path`. */
function resolve(target: string, path: string[], machineId: string | undefined): string {
  if (target.startsWith('#')) {
    const ref = target.slice(1);
    const parts = ref.split('.');
    return (machineId && parts[0] === machineId ? parts.slice(1) : parts).join('.');
  }
  if (target.startsWith('.')) return [...path, target.slice(1)].join('.');
  return [...path.slice(0, -1), target].join('.');
}

/** A compound state's arrows land on its initial leaf, so the picture follows what happens. */
function entry(id: string, index: Map<string, StateConfig>): string {
  const s = index.get(id);
  if (s?.states && s.initial) return entry(`${id}.${s.initial}`, index);
  return id;
}

export function machineGraph(config: Record<string, unknown>, labels: (path: string) => string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const machineId = typeof config.id === 'string' ? config.id : undefined;
  const index = new Map<string, StateConfig>();
  const walk = (states: Record<string, StateConfig> | undefined, path: string[]) => {
    for (const [name, s] of Object.entries(states ?? {})) {
      const p = [...path, name];
      index.set(p.join('.'), s);
      walk(s.states, p);
    }
  };
  walk(config.states as Record<string, StateConfig>, []);

  const leaves = [...index.keys()].filter((id) => !index.get(id)!.states);
  const rawEdges: GraphEdge[] = [];
  const addEdges = (id: string, s: StateConfig, from: string[]) => {
    for (const [event, t] of Object.entries(s.on ?? {})) {
      for (const target of targetsOf(t)) {
        const to = entry(resolve(target, id.split('.'), machineId), index);
        if (!index.has(to)) continue;
        for (const src of from) rawEdges.push({ id: `${src}-${event}-${to}`, source: src, target: to, event });
      }
    }
  };
  // A compound state's own transitions (e.g. WITHDRAW on reviewing) leave from each of its leaves.
  for (const [id, s] of index) addEdges(id, s, s.states ? leaves.filter((l) => l.startsWith(`${id}.`)) : [id]);
  const seen = new Set<string>();
  const edges = rawEdges.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));

  const initial = entry(typeof config.initial === 'string' ? config.initial : (leaves[0] ?? ''), index);
  const depth = new Map<string, number>([[initial, 0]]);
  const queue = [initial];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of edges) {
      if (e.source === id && !depth.has(e.target)) {
        depth.set(e.target, depth.get(id)! + 1);
        queue.push(e.target);
      }
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const rows = new Map<number, number>();
  const nodes = leaves.map((id) => {
    const d = depth.get(id) ?? maxDepth + 1;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    return { id, label: labels(id), depth: d, row, final: index.get(id)!.type === 'final', initial: id === initial };
  });
  return { nodes, edges };
}
