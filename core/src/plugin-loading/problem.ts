import type { Problem } from '@bianmin/contract';

/** One reason a plugin is refused: a Problem in one of its files. */
export interface PluginProblem extends Problem {
  file: string;
}

export function formatProblem(p: PluginProblem): string {
  return `${p.file}${p.pointer ? `#${p.pointer}` : ''}: ${p.message}`;
}
