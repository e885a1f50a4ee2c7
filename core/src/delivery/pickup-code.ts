// The code an applicant shows at the window or types at a self-service terminal.
import { randomInt } from 'node:crypto';

/** A random six-digit code (leading zeros kept), from the system's CSPRNG so it cannot be guessed. */
export function generatePickupCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}
