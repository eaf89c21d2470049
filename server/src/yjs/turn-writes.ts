import type { Duplex } from 'node:stream';

/**
 * Holds each socket's writes until the end of the event-loop turn, then lets them go together:
 * every frame ws sends is a syscall of its own, and under load one turn reads many messages
 * whose relays go to the same few sockets, so corking folds them into one `writev` per socket.
 * A quiet server reads one message a turn and writes as soon as that message is handled, as before.
 */
export class TurnWrites {
  private corked = new Set<Duplex>();

  /** Corks `socket` until this turn's writes are done; call it before writing. */
  hold(socket: Duplex): void {
    if (this.corked.has(socket)) return;
    if (this.corked.size === 0) setImmediate(this.release);
    socket.cork();
    this.corked.add(socket);
  }

  private readonly release = (): void => {
    const sockets = this.corked;
    this.corked = new Set();
    for (const socket of sockets) socket.uncork();
  };
}
