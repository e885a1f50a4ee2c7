/** One reason a plugin is refused: the file, the JSON pointer inside it, and why. */
export interface PluginProblem {
  file: string;
  pointer: string;
  message: string;
}

export function formatProblem(p: PluginProblem): string {
  return `${p.file}${p.pointer ? `#${p.pointer}` : ''}: ${p.message}`;
}
