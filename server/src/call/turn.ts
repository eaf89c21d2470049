import { createHmac } from 'node:crypto';
import type { IceConfig } from '@quorum/shared';
import type { CallConfig } from '../config.js';

/**
 * TURN REST credentials (the convention coturn's `use-auth-secret` checks): the username is
 * `<expiry unix seconds>:<identity>` and the password is base64(HMAC-SHA1(secret, username)).
 * The TURN server recomputes the HMAC with the same secret, so no password is ever stored or shared.
 */
export function turnCredential(secret: string, identity: string, expiresAtSeconds: number): { username: string; credential: string } {
  const username = `${expiresAtSeconds}:${identity}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/** The ICE servers one call member may use, its TURN credential good for `turnTtlSeconds`. */
export function iceConfigFor(config: CallConfig, identity: string, now: number): IceConfig {
  const iceServers: IceConfig['iceServers'] = [];
  if (config.stunUrls.length > 0) iceServers.push({ urls: config.stunUrls });
  if (config.turnUrls.length === 0 || !config.turnSecret) return { iceServers, iceTransportPolicy: config.iceTransportPolicy, expiresAt: null };
  const expiresAtSeconds = Math.floor(now / 1000) + config.turnTtlSeconds;
  iceServers.push({ urls: config.turnUrls, ...turnCredential(config.turnSecret, identity, expiresAtSeconds) });
  return { iceServers, iceTransportPolicy: config.iceTransportPolicy, expiresAt: expiresAtSeconds * 1000 };
}
