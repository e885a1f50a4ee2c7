// What a bench run cost in CPU, read from /proc (Linux): the server process's CPU time (all its
// threads) and the share of the machine's time the hypervisor gave to other guests (steal).
// Throughput on a shared VM swings with steal; the server's CPU time per request does much less,
// so it is the figure to compare two versions of the code by.
import { readFileSync } from 'node:fs';

export interface CpuReading {
  /** Server process user + system time, ms. */
  processMs: number;
  /** Machine-wide jiffies: all, idle (with iowait), and stolen. */
  total: number;
  idle: number;
  steal: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function readCpu(pid: number): CpuReading | null {
  try {
    // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const processMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    return { processMs, total: cpu.slice(0, 8).reduce((a, b) => a + b, 0), idle: (cpu[3] ?? 0) + (cpu[4] ?? 0), steal: cpu[7] ?? 0 };
  } catch {
    return null;
  }
}

/**
 * "server CPU 412 µs/request, load generator 95 µs/request, idle 3 %, steal 9 %" between two
 * readings, or '' where /proc is not there. `generatorMs`: the load generator's own CPU time over
 * the run. With the idle share it shows how much of the two cores was left for the server at all.
 */
export function describeCpu(before: CpuReading | null, after: CpuReading | null, requests: number, generatorMs?: number) {
  if (!before || !after || requests === 0) return { text: '', usPerRequest: null, generatorUsPerRequest: null, idlePercent: null, stealPercent: null };
  const usPerRequest = ((after.processMs - before.processMs) * 1000) / requests;
  const generatorUsPerRequest = generatorMs === undefined ? null : (generatorMs * 1000) / requests;
  const jiffies = after.total - before.total;
  const share = (n: number) => (jiffies > 0 ? (100 * n) / jiffies : 0);
  const idlePercent = share(after.idle - before.idle);
  const stealPercent = share(after.steal - before.steal);
  const generator = generatorUsPerRequest === null ? '' : `, load generator ${generatorUsPerRequest.toFixed(0)} µs/request`;
  return {
    text: `server CPU ${usPerRequest.toFixed(0)} µs/request${generator}, idle ${idlePercent.toFixed(0)} %, steal ${stealPercent.toFixed(0)} %`,
    usPerRequest,
    generatorUsPerRequest,
    idlePercent,
    stealPercent,
  };
}
