// The server's error shape is `{ error: { code, message, details? } }`; details may name JSON pointers.
import type { Problem } from '@bianmin/contract';

export type { Problem };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

/** Accepts the few shapes a detail entry may take (pointer / path / instancePath, message / text). */
export function toProblems(details: unknown): Problem[] {
  if (!Array.isArray(details)) return [];
  return details.map((d: unknown) => {
    if (typeof d === 'string') return { pointer: '', message: d };
    const o = (d ?? {}) as Record<string, unknown>;
    const pointer = String(o.pointer ?? o.path ?? o.instancePath ?? o.field ?? '');
    const message = String(o.message ?? o.text ?? JSON.stringify(o));
    return { pointer, message };
  });
}
