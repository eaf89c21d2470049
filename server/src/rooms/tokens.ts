import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@quorum/shared';
import type { TokenHashes } from '../store/index.js';

/** 256 random bits; the client keeps it in the URL fragment, the store keeps only its hash. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newRoomId(): string {
  return randomBytes(12).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The role a token grants, compared in constant time so timing reveals nothing about a hash. */
export function roleForToken(hashes: TokenHashes, token: string): Role | null {
  const candidate = Buffer.from(hashToken(token));
  for (const [role, hash] of Object.entries(hashes) as [Role, string][]) {
    const expected = Buffer.from(hash);
    if (expected.length === candidate.length && timingSafeEqual(expected, candidate)) return role;
  }
  return null;
}
