// Worker threads that run this package's TypeScript modules from their own files, through one entry
// (typescript-thread.mjs, which says why it is JavaScript).
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The entry file of every thread: a piscina pool's `filename`, a plain thread's module. */
export const THREAD_ENTRY = new URL('./typescript-thread.mjs', import.meta.url);

/**
 * The process's node flags for a thread, less its TypeScript preloads (`--import x.ts`, as the bench
 * gives the server): a thread inherits them, and on Node 20 a thread cannot load one.
 */
export function threadExecArgv(): string[] {
  const kept: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const preload = ['--import', '--require', '-r'].includes(argv[i]!) ? argv[i + 1] : undefined;
    if (preload !== undefined && /\.[cm]?ts$/.test(preload)) i += 1;
    else if (!/^--(import|require)=.*\.[cm]?ts$/.test(argv[i]!)) kept.push(argv[i]!);
  }
  return kept;
}

/** The workerData that makes a thread started at THREAD_ENTRY run `moduleUrl`, with the module's own data. */
export function threadData(moduleUrl: URL, data: object = {}): object {
  return { ...data, module: moduleUrl.href };
}

/** A worker thread running the module at `moduleUrl`; it reads `data` as its workerData. */
export function startTypeScriptWorker(moduleUrl: URL, data: object, options: Omit<WorkerOptions, 'eval' | 'workerData'> = {}): Worker {
  return new Worker(THREAD_ENTRY, { execArgv: threadExecArgv(), ...options, workerData: threadData(moduleUrl, data) });
}
