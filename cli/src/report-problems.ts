// Problems print as the server logs a refused plugin, `file#pointer: message`, with paths relative
// to where the author runs the command so an editor can jump to them.
import { relative, resolve } from 'node:path';
import { formatProblem, type PluginProblem } from '@bianmin/core/plugin-loading';

export function displayPath(file: string): string {
  return relative(process.cwd(), resolve(file)) || file;
}

export function printProblems(problems: readonly PluginProblem[]): void {
  for (const p of problems) console.log(formatProblem({ ...p, file: displayPath(p.file) }));
}
