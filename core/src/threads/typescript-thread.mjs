// The entry of every worker thread the core starts: loads the thread's own TypeScript module
// (workerData.module, a file URL) through tsx's import API. The server runs under `node --import
// tsx`, but on Node 20 tsx's loader serves the main thread only, and a test runner's thread has none.
// In a piscina pool, the default export runs each task: `{ name, input }` calls the module's `name`.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const module = await tsImport(workerData.module, workerData.module);

export default function runTask({ name, input }) {
  return module[name](input);
}
