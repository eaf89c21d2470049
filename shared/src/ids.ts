import { z } from 'zod';

/** Room ids are random base64url strings; the pattern keeps them safe in URLs and Redis keys. */
export const RoomId = z.string().regex(/^[A-Za-z0-9_-]{10,32}$/, 'must be 10–32 URL-safe characters');
export type RoomId = z.infer<typeof RoomId>;

/** Capability tokens: 32 random bytes in base64url (256 bits). */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 43-character capability token');
export type Token = z.infer<typeof Token>;

/** A device identity kept in the browser; it names a person across visits without an account. */
export const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'must be 22–64 URL-safe characters (at least 128 random bits)');
export type DeviceId = z.infer<typeof DeviceId>;

export const DisplayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters');
