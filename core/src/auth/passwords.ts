// Passwords are hashed with Argon2id (the argon2 package: maintained, prebuilt binaries, the
// OWASP-recommended KDF). Parameters are argon2's defaults (64 MiB, t=3).
import argon2 from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
