// History rows that record a fact beside the procedure (a scan attached) rather than a step of the
// machine: they take a sequence number like a step, and replay passes over them.
export const SCAN_ATTACHED = 'SCAN_ATTACHED';

export const HISTORY_NOTES: ReadonlySet<string> = new Set([SCAN_ATTACHED]);
