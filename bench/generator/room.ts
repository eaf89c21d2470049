import { ClientEvent, ServerEvent } from '@quorum/shared';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import type { DocClient } from '../clients/doc-client.js';
import type { Templates } from '../clients/content.js';
import { emit, joinRoomSocket } from '../clients/room-socket.js';
import { load } from '../config.js';
import { ROLES } from '../clients/address.js';
import type { Addressing, Role, RoomAddress } from '../clients/address.js';
import type { Tracker } from './tracker.js';

const SETUP_TIMEOUT_MS = 60_000;
const TYPED = 'abcdefghijklmnopqrstuvwxyz (){};=.\n';

export interface RoomContext {
  addressing: Addressing;
  templates: Templates;
  tracker: Tracker;
  /** Question ids for Socket.IO room events; empty for the reference servers. */
  questions: string[];
}

const between = ([low, high]: readonly [number, number]) => low + Math.random() * (high - low);

/**
 * One interview: interviewer, candidate and observer, each with the `code` and `board` documents
 * (and, on Quorum, the Socket.IO room connection). The candidate types in `code`, the interviewer
 * moves whiteboard elements; everyone else receives (checking the seeded content once, then only identifying updates).
 */
export class Room {
  private readonly docs = new Map<Role, { code: DocClient; board: DocClient }>();
  private readonly sockets = new Map<Role, Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;
  private typing = false;
  private cursor = 0;
  private events = 0;
  private askedId = '';
  private paused = false;
  private eventSentAt: number | undefined;

  constructor(
    readonly index: number,
    private readonly address: RoomAddress,
    private readonly context: RoomContext,
  ) {}

  /** Interviewer first (uploading the seeded documents), then the others, who download them. */
  async setup(): Promise<void> {
    const { addressing, templates, tracker } = this.context;
    const open = (role: Role, seeded: boolean) => {
      const server = addressing.serverFor(role, this.index);
      const clients = {
        code: addressing.client(this.address, role, 'code', server, tracker, seeded ? templates.code.update : undefined),
        board: addressing.client(this.address, role, 'board', server, tracker, seeded ? templates.board.update : undefined),
      };
      this.docs.set(role, clients);
      return clients;
    };
    const interviewer = open('interviewer', true);
    await Promise.all([interviewer.code.open(), interviewer.board.open()]);
    await Promise.all([interviewer.code.roundTrip(), interviewer.board.roundTrip()]);
    const complete = (clients: { code: DocClient; board: DocClient }) =>
      Promise.all([
        clients.code.until(() => clients.code.doc.getText('code').length >= templates.code.length, SETUP_TIMEOUT_MS),
        clients.board.until(() => clients.board.doc.getMap('elements').size >= templates.board.ids.length, SETUP_TIMEOUT_MS),
      ]);
    await Promise.all(
      (['candidate', 'observer'] as const).map(async (role) => {
        const clients = open(role, false);
        await Promise.all([clients.code.open(), clients.board.open()]);
        await complete(clients);
      }),
    );
    this.docs.get('candidate')!.code.startWriting();
    interviewer.board.startWriting();
    for (const [role, clients] of this.docs) {
      if (role !== 'candidate') clients.code.receiveOnly();
      if (role !== 'interviewer') clients.board.receiveOnly();
    }
    if (this.context.questions.length > 0) await this.joinRoomSockets();
  }

  start(): void {
    this.running = true;
    this.cursor = Math.floor(Math.random() * this.context.templates.code.length);
    this.later(Math.random() * load.pauseMs[1], this.burst);
    this.later(Math.random() * load.moveEveryMs, this.move);
    if (this.sockets.size > 0) this.later(Math.random() * load.roomEventEveryMs, this.roomEvent);
  }

  close(): void {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const { code, board } of this.docs.values()) {
      code.close();
      board.close();
    }
    for (const socket of this.sockets.values()) socket.disconnect();
  }

  private async joinRoomSockets(): Promise<void> {
    const { addressing } = this.context;
    for (const role of ROLES) {
      const url = addressing.url(addressing.socketServerFor(role, this.index));
      this.sockets.set(role, await joinRoomSocket(url, this.address.roomId, this.address.tokens![role], role));
    }
    this.sockets.get('candidate')!.on(ServerEvent.patch, () => {
      if (this.eventSentAt === undefined) return;
      this.context.tracker.roomEvent.record(performance.now() - this.eventSentAt);
      this.eventSentAt = undefined;
    });
    const ack = await emit(this.sockets.get('interviewer')!, ClientEvent.ask, { questionId: this.context.questions[0] });
    if (!ack.ok || !ack.data?.askedId) throw new Error(`question:ask refused: ${ack.error?.message}`);
    this.askedId = ack.data.askedId;
  }

  private later(ms: number, run: () => void): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) run();
    }, ms);
    this.timers.add(timer);
  }

  /** A typing burst: keystrokes at a drawn rate, the cursor at 10/s, then a pause. */
  private burst = (): void => {
    const rate = between(load.typingRate);
    const endsAt = performance.now() + between(load.burstMs);
    this.typing = true;
    const key = () => {
      if (performance.now() >= endsAt) {
        this.typing = false;
        this.later(between(load.pauseMs), this.burst);
        return;
      }
      this.keystroke();
      this.later(1000 / rate, key);
    };
    const cursor = () => {
      if (!this.typing) return;
      this.announceCursor();
      this.later(1000 / load.cursorRate, cursor);
    };
    key();
    cursor();
  };

  private keystroke(): void {
    const client = this.docs.get('candidate')!.code;
    const text = client.doc.getText('code');
    const chars = TYPED.slice(Math.floor(Math.random() * 30)).slice(0, 1 + Math.floor(Math.random() * 3));
    const at = performance.now();
    const key = client.change(() => {
      this.cursor = Math.min(this.cursor, text.length);
      // Now and then a correction: delete and retype in one transaction, so it still inserts.
      if (this.cursor > 0 && Math.random() < 0.1) {
        this.cursor -= 1;
        text.delete(this.cursor, 1);
      }
      text.insert(this.cursor, chars);
      this.cursor += chars.length;
    });
    this.context.tracker.sentUpdate(key, at);
  }

  private announceCursor(): void {
    const client = this.docs.get('candidate')!.code;
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(client.doc.getText('code'), this.cursor));
    const at = performance.now();
    this.context.tracker.sentAwareness(client.announce({ user: { name: 'candidate' }, cursor: { anchor: position, head: position } }), at);
  }

  /** One element dragged a little, with the pointer that dragged it. */
  private move = (): void => {
    const client = this.docs.get('interviewer')!.board;
    const elements = client.doc.getMap<Record<string, unknown>>('elements');
    const ids = this.context.templates.board.ids;
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const element = elements.get(id)!;
    const x = Number(element.x) + Math.round(Math.random() * 20 - 10);
    const y = Number(element.y) + Math.round(Math.random() * 20 - 10);
    const at = performance.now();
    const key = client.change(() =>
      elements.set(id, { ...element, x, y, version: Number(element.version) + 1, versionNonce: Math.floor(Math.random() * 2 ** 31), updated: Date.now() }),
    );
    this.context.tracker.sentUpdate(key, at);
    this.context.tracker.sentAwareness(client.announce({ user: { name: 'interviewer' }, pointer: { x, y }, button: 'down' }), at);
    this.later(load.moveEveryMs, this.move);
  };

  /** Alternately asks the next question and pauses or restarts its clock. */
  private roomEvent = (): void => {
    const { tracker, questions } = this.context;
    this.events += 1;
    const ask = this.events % 2 === 0;
    const [event, payload] = ask
      ? [ClientEvent.ask, { questionId: questions[(this.events / 2) % questions.length] }]
      : [ClientEvent.timer, { askedId: this.askedId, control: { action: this.paused ? 'start' : 'pause' } }];
    const sentAt = performance.now();
    this.eventSentAt = sentAt;
    emit(this.sockets.get('interviewer')!, event, payload).then(
      (ack) => {
        tracker.roomEventAck.record(performance.now() - sentAt);
        if (!ack.ok) return tracker.error(`${event}: ${ack.error?.message}`);
        if (ask && ack.data?.askedId) this.askedId = ack.data.askedId;
        this.paused = ask ? false : !this.paused;
      },
      (error: unknown) => tracker.error(`${event}: ${(error as Error).message}`),
    );
    this.later(load.roomEventEveryMs, this.roomEvent);
  };
}
