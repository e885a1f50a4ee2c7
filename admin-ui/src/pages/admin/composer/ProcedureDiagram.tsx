import { useMemo } from 'react';
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { eventLabel, stateLabel } from '../../../format/labels.ts';
import { machineGraph } from './machineGraph.ts';

/** The compiled machine, drawn left to right. Loaded lazily: only the composer needs xyflow. */
export default function ProcedureDiagram({ config, stepNames }: { config: Record<string, unknown>; stepNames: Record<string, string> }) {
  const { nodes, edges } = useMemo(() => {
    const g = machineGraph(config, (id) => stateLabel(id, stepNames));
    const nodes: Node[] = g.nodes.map((n) => ({
      id: n.id,
      position: { x: n.depth * 190, y: n.row * 80 },
      data: { label: n.label },
      style: {
        width: 150,
        fontSize: 12,
        borderColor: n.initial ? '#c62828' : n.final ? '#389e0d' : '#999',
        borderWidth: n.initial || n.final ? 2 : 1,
      },
    }));
    const edges: Edge[] = g.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: eventLabel(e.event),
      labelStyle: { fontSize: 10 },
      markerEnd: { type: MarkerType.ArrowClosed },
      style: { strokeWidth: 1 },
    }));
    return { nodes, edges };
  }, [config, stepNames]);

  return (
    <div style={{ height: 500, border: '1px solid #f0f0f0' }} data-testid="procedure-diagram">
      <ReactFlow nodes={nodes} edges={edges} fitView nodesConnectable={false} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
