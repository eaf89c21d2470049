import {
  ClientEvent,
  ErrorCode,
  estimateOffset,
  keptRuns,
  ROOM_PROTOCOL,
  RoomViewFeed,
  ServerEvent,
  type ClockSample,
  type CodeRun,
  type FeedbackParts,
  type InterviewReport,
  type Scorecard,
  type ScorecardDraft,
  type Ack,
  type AckError,
  type ChatMessage,
  type Summoned,
  type ClientPayload,
  type ClientResults,
  type DocName,
  type JoinResult,
  type Participant,
  type Phase,
  type QueueStatus,
  type RunOutcome,
  type RoomPatch,
  type RoomView,
  type TimerAction,
} from '@quorum/shared';
import { awarenessUser } from './awarenessUser';
import { closeEffect, type FailureCode } from './docCloses';
import { RoomDocs, type DocStatus } from './roomDocs';
import { createRoomSocket, request, type RoomSocket } from './roomSocket';

export type Self = JoinResult['self'];
export type RoomError = AckError['error'];
export type GuestRole = ClientPayload<typeof ClientEvent.reissueLink>['role'];

/** Why the room page gave up: the server's error, or a close code that ends the session. */
export interface RoomFailure {
  code: FailureCode;
  message: string;
}

/** Something the person should know while they keep working: a limit hit, a document that stalled. */
export interface RoomNotice {
  /** A newer notice with the same key replaces the older one. */
  key: string;
  /** An ErrorCode, `close:<code>` for a document connection the server closed, or `reconnected`. */
  code: string;
  /** The server's own wording, when it sent one. */
  message?: string;
  /** The stalled document a Retry reconnects. */
  doc?: DocName;
  /** Transient notices go away on their own. */
  transient: boolean;
}

export interface SessionSnapshot {
  /** `failed` is final: the room does not exist or the token was refused. */
  status: 'connecting' | 'joined' | 'failed';
  failure: RoomFailure | null;
  self: Self | null;
  view: RoomView | null;
  participants: Participant[];
  socketConnected: boolean;
  browserOnline: boolean;
  docs: Partial<Record<DocName, DocStatus>>;
  /** Non-fatal problems, newest last, shown as dismissible notices. */
  notices: RoomNotice[];
  /** Server time minus this device's time, so every clock shows the server's countdown. */
  clockOffset: number;
  /** Interviewer and observers: the scorecard as last saved. */
  scorecard: Scorecard | null;
  /** Candidate: the feedback the interviewer released, if any. */
  feedback: InterviewReport | null;
  /** Peer rooms: this person's own link into the second half, once the roles have swapped. */
  nextHalfUrl: string | null;
  /**
   * Peer rooms: the roles had already swapped when this page opened the room, so the person came
   * back on purpose (to finish a scorecard, to read feedback) and is not sent on at once.
   */
  arrivedAfterSwap: boolean;
  /** Peer rooms: the partner never arrived; the person's place back at the front of the queue. */
  partnerVanished: QueueStatus | null;
  /** The room's last code runs this person may see, oldest first, whoever pressed Run. */
  runs: CodeRun[];
  /** The room chat, oldest first. */
  chat: ChatMessage[];
  /** The interviewer's latest "bring everyone to me"; `seq` tells two summons by the same person apart. */
  summon: (Summoned & { seq: number }) | null;
}

interface Credentials {
  roomId: string;
  token: string;
  name: string;
  deviceId: string;
}

/** Join failures that no retry can fix. */
const fatalCodes = new Set<string>(['room_not_found', 'unauthorized', 'forbidden', 'bad_request', 'room_full']);
/** Acknowledgements that mean a limit was hit; the action's own message says what failed, a notice says why. */
const limitCodes = new Set<string>(['rate_limited', 'payload_too_large']);

/**
 * What a refusal means once this page had joined: a link that worked a moment ago was revoked
 * while we were away; a room in use did not expire, the server came back without it.
 */
const refusedAfterJoining: Partial<Record<string, FailureCode>> = { unauthorized: 'link_revoked', room_not_found: 'room_lost' };

const RETRY_JOIN_MS = 2_000;
const CLOCK_SAMPLES = 4;

/**
 * Everything one open room needs on the wire: the Socket.IO connection, the join handshake (again
 * after every reconnect), the Yjs documents, and the reaction to the browser going off- and online.
 * One instance per room page, so two rooms (or two test pages) never share state.
 */
/** A session before it has connected: the state every field starts from. */
export function initialSnapshot(browserOnline: boolean): SessionSnapshot {
  return {
    status: 'connecting',
    failure: null,
    self: null,
    view: null,
    participants: [],
    socketConnected: false,
    browserOnline,
    docs: {},
    notices: [],
    clockOffset: 0,
    scorecard: null,
    feedback: null,
    nextHalfUrl: null,
    arrivedAfterSwap: false,
    partnerVanished: null,
    runs: [],
    chat: [],
    summon: null,
  };
}

export class RoomSession {
  readonly roomId: string;
  private readonly socket: RoomSocket = createRoomSocket();
  private readonly credentials: Credentials;
  private readonly listeners = new Set<() => void>();
  private snapshot: SessionSnapshot;
  private roomDocs: RoomDocs | null = null;
  /** The room's view, whole on joining and patched by every change after. */
  private readonly feed = new RoomViewFeed();
  private resyncing = false;
  private retryTimer: number | undefined;
  private stopped = false;
  /** Rejoined after a lost connection; "Reconnected" is said once the documents caught up too. */
  private reconnecting = false;

  constructor(credentials: Credentials) {
    this.credentials = { ...credentials };
    this.roomId = credentials.roomId;
    this.snapshot = initialSnapshot(navigator.onLine);
  }

  /** The capability token, for the HTTP endpoints that need it (the question bank). */
  get token(): string {
    return this.credentials.token;
  }

  get docs(): RoomDocs | null {
    return this.roomDocs;
  }

  /** Features with a protocol of their own (the call) talk over this same connection. */
  get connection(): RoomSocket {
    return this.socket;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  start(): void {
    const { socket } = this;
    socket.on('connect', () => {
      this.set({ socketConnected: true });
      void this.join();
    });
    socket.on('disconnect', (reason) => {
      this.set({ socketConnected: false });
      // The server hung up on purpose (a restart, a kick); socket.io leaves reconnecting to us.
      if (reason === 'io server disconnect' && !this.stopped && this.snapshot.status !== 'failed') {
        this.scheduleRetry(() => socket.connect());
      }
    });
    socket.on(ServerEvent.state, (view) => this.receiveView(view));
    socket.on(ServerEvent.patch, (patch) => this.receivePatch(patch));
    socket.on(ServerEvent.presence, (participants) => this.set({ participants }));
    socket.on(ServerEvent.error, (error) => this.handleServerError(error));
    socket.on(ServerEvent.scorecard, (scorecard) => this.set({ scorecard }));
    socket.on(ServerEvent.feedback, (feedback) => this.set({ feedback }));
    socket.on(ServerEvent.swapped, ({ url }) => this.set({ nextHalfUrl: url }));
    socket.on(ServerEvent.partnerVanished, (partnerVanished) => this.set({ partnerVanished }));
    socket.on(ServerEvent.run, (run) => this.set({ runs: [...this.snapshot.runs.filter((known) => known.id !== run.id), run].slice(-keptRuns) }));
    socket.on(ServerEvent.chatMessage, (message) => this.set({ chat: mergeChat(this.snapshot.chat, [message]) }));
    socket.on(ServerEvent.summoned, (summon) => this.set({ summon: { ...summon, seq: (this.snapshot.summon?.seq ?? 0) + 1 } }));
    window.addEventListener('offline', this.handleOffline);
    window.addEventListener('online', this.handleOnline);
    if (navigator.onLine) socket.connect();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    window.removeEventListener('offline', this.handleOffline);
    window.removeEventListener('online', this.handleOnline);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.roomDocs?.destroy();
    this.roomDocs = null;
    this.listeners.clear();
  }

  dismissNotice(key: string): void {
    this.set({ notices: this.snapshot.notices.filter((notice) => notice.key !== key) });
  }

  /** Reconnects a document the server refused, once the person has dealt with the cause. */
  retryDoc(name: DocName): void {
    this.dismissNotice(`doc:${name}`);
    this.roomDocs?.reconnect(name);
  }

  async rename(name: string): Promise<Ack<undefined>> {
    const result = await this.send(ClientEvent.rename, { name });
    if (result.ok) {
      this.credentials.name = name;
      const { self } = this.snapshot;
      if (self) {
        this.set({ self: { ...self, name } });
        this.roomDocs?.setUser(awarenessUser(name, self.color, self.id));
      }
    }
    return result;
  }

  ask(questionId: string) {
    return this.send(ClientEvent.ask, { questionId });
  }

  addCustomQuestion(input: ClientPayload<typeof ClientEvent.addCustom>) {
    return this.send(ClientEvent.addCustom, input);
  }

  revealHint(askedId: string) {
    return this.send(ClientEvent.revealHint, { askedId });
  }

  setPhase(phase: Phase) {
    return this.send(ClientEvent.setPhase, { phase });
  }

  /** Steers a question's clock, or the whole interview's with `askedId` null. */
  controlTimer(askedId: string | null, control: TimerAction) {
    return this.send(ClientEvent.timer, { askedId, control });
  }

  setStage(askedId: string, index: number) {
    return this.send(ClientEvent.setStage, { askedId, index });
  }

  saveScorecard(draft: ScorecardDraft) {
    return this.send(ClientEvent.saveScorecard, { draft });
  }

  submitScorecard() {
    return this.send(ClientEvent.submitScorecard, {});
  }

  releaseFeedback(parts: FeedbackParts) {
    return this.send(ClientEvent.releaseFeedback, { parts });
  }

  /** A peer room's vote to swap roles; at half time it swaps at once. */
  swap() {
    return this.send(ClientEvent.swap, {});
  }

  /** Shares a run's outcome with the room; the server adds who ran it and when. */
  publishRun(run: RunOutcome) {
    return this.send(ClientEvent.publishRun, { run });
  }

  async sendChat(text: string) {
    const result = await this.send(ClientEvent.sendChat, { text });
    if (result.ok) this.set({ chat: mergeChat(this.snapshot.chat, [result.data]) });
    return result;
  }

  /** Interviewer: everyone else in the room starts following this person's view. */
  summonEveryone() {
    return this.send(ClientEvent.summon, {});
  }

  /** Revokes a guest link and returns the new one; whoever used the old link is disconnected. */
  reissueLink(role: GuestRole) {
    return this.send(ClientEvent.reissueLink, { role });
  }

  private async send<E extends Exclude<keyof ClientResults, typeof ClientEvent.join>>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<Ack<ClientResults[E]>> {
    const result = await request(this.socket, event, payload);
    if (!result.ok && limitCodes.has(result.error.code)) {
      this.notify({ key: `ack:${result.error.code}`, code: result.error.code, transient: true });
    }
    return result;
  }

  private async join(): Promise<void> {
    const { roomId, token, name, deviceId } = this.credentials;
    const result = await request(this.socket, ClientEvent.join, { roomId, token, name, deviceId });
    if (this.stopped) return;
    if (result.ok) {
      const { self, protocol } = result.data;
      if (protocol !== ROOM_PROTOCOL) {
        return this.fail({ code: ErrorCode.BadRequest, message: 'This page is from another version of Quorum. Reload it to rejoin.' });
      }
      // Joined before, so this is the way back after the connection (or the server) went away.
      if (this.snapshot.self) this.reconnecting = true;
      this.ensureDocs(self);
      this.set({ status: 'joined', self, failure: null });
      this.announceReconnected();
      void this.syncClock();
      void this.loadRuns();
      void this.loadChat();
      return;
    }
    if (fatalCodes.has(result.error.code)) {
      const code = (this.snapshot.self && refusedAfterJoining[result.error.code]) || result.error.code;
      this.fail({ ...result.error, code });
      return;
    }
    // Transient (server busy, restarting): try again while the socket stays up.
    this.scheduleRetry(() => {
      if (this.socket.connected) void this.join();
    });
  }

  /** After every (re)join: what ran while this page was away. */
  private async loadRuns(): Promise<void> {
    const result = await request(this.socket, ClientEvent.listRuns, {});
    if (result.ok) this.set({ runs: result.data.runs });
  }

  /** After every (re)join: what was said before this page opened, or while it was offline. */
  private async loadChat(): Promise<void> {
    const result = await request(this.socket, ClientEvent.chatHistory, {});
    if (result.ok && !this.stopped) this.set({ chat: mergeChat(this.snapshot.chat, result.data.messages) });
  }

  private receiveView(view: RoomView): void {
    this.resyncing = false;
    if (this.feed.receiveView(view)) this.showView();
  }

  private receivePatch(patch: RoomPatch): void {
    const outcome = this.feed.receivePatch(patch);
    if (outcome === 'applied') this.showView();
    if (outcome === 'gap') void this.resync();
  }

  /** Versions were missed (a patch lost across a reconnect): the whole view again, once. */
  private async resync(): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    const result = await request(this.socket, ClientEvent.resync, {});
    if (!result.ok) this.resyncing = false;
  }

  private showView(): void {
    const view = this.feed.view!;
    this.set(this.snapshot.view ? { view } : { view, arrivedAfterSwap: Boolean(view.pairing?.nextRoomId) });
  }

  /** A few round trips, NTP-style; the fastest one bounds the error best. */
  private async syncClock(): Promise<void> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < CLOCK_SAMPLES; i += 1) {
      const sentAt = Date.now();
      const result = await request(this.socket, ClientEvent.clockSync, { clientTime: sentAt });
      if (!result.ok || this.stopped) break;
      samples.push({ sentAt, serverTime: result.data.serverTime, receivedAt: Date.now() });
    }
    if (samples.length > 0) this.set({ clockOffset: estimateOffset(samples) });
  }

  private ensureDocs(self: Self): void {
    if (this.roomDocs) return;
    this.roomDocs = new RoomDocs({
      roomId: this.roomId,
      token: this.credentials.token,
      deviceId: this.credentials.deviceId,
      role: self.role,
      user: awarenessUser(self.name, self.color, self.id),
      onStatus: (docs) => {
        this.set({ docs });
        this.announceReconnected();
      },
      onClose: (name, code) => this.handleDocClose(name, code),
    });
    if (navigator.onLine) this.roomDocs.connect();
  }

  /** Final: no reconnect loop, the page explains what happened instead. */
  private fail(failure: RoomFailure): void {
    this.set({ status: 'failed', failure });
    window.clearTimeout(this.retryTimer);
    this.socket.disconnect();
    this.roomDocs?.disconnect();
  }

  private handleServerError(error: RoomError): void {
    // The server pushes `unauthorized` only when it revokes this connection's link, then hangs up.
    if (error.code === 'unauthorized') return this.fail({ code: 'link_revoked', message: error.message });
    this.notify({ key: 'server', code: error.code, message: error.message, transient: false });
  }

  private handleDocClose(name: DocName, code: number): void {
    const effect = closeEffect(code);
    if (effect.kind === 'fatal') {
      // A document can be refused before the room is (its ticket is bought first): read it the same way.
      const failure = (this.snapshot.self && refusedAfterJoining[effect.failure]) || effect.failure;
      return this.fail({ code: failure, message: `The server closed the ${name} document (${code}).` });
    }
    if (effect.kind === 'quiet') return;
    this.notify({ key: `doc:${name}`, code: `close:${code}`, doc: name, transient: effect.kind === 'transient' });
  }

  /** Says "Reconnected" once the room is back in full: joined again, and every open document synced. */
  private announceReconnected(): void {
    const { status, docs } = this.snapshot;
    const synced = Object.values(docs).every((doc) => doc.refusedCode !== null || (doc.connected && doc.synced));
    if (!this.reconnecting || status !== 'joined' || !synced) return;
    this.reconnecting = false;
    this.notify({ key: 'connection', code: 'reconnected', transient: true });
  }

  private notify(notice: RoomNotice): void {
    this.set({ notices: [...this.snapshot.notices.filter((known) => known.key !== notice.key), notice] });
  }

  private scheduleRetry(action: () => void): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      if (!this.stopped) action();
    }, RETRY_JOIN_MS);
  }

  /**
   * Closing the connections ourselves makes "offline" visible at once and lets them come back
   * the moment the network returns, instead of waiting out a ping timeout or a backoff.
   */
  private handleOffline = (): void => {
    this.set({ browserOnline: false });
    this.socket.disconnect();
    this.roomDocs?.disconnect();
  };

  private handleOnline = (): void => {
    this.set({ browserOnline: true });
    if (this.snapshot.status === 'failed') return;
    this.socket.connect();
    this.roomDocs?.connect();
  };

  private set(change: Partial<SessionSnapshot>): void {
    if (this.stopped) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** Each message once (the sender hears its own broadcast and its acknowledgement), in the server's order. */
export function mergeChat(known: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map(known.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
