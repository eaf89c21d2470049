import type { CallSignalBody } from '@quorum/shared';
import { readStats, type LinkStats } from './stats';

export type MediaKind = 'audio' | 'video';

export interface PeerLinkOptions {
  /** The polite side yields when both offer at once. */
  polite: boolean;
  config: RTCConfiguration;
  send(body: CallSignalBody): void;
  onChange(): void;
  /** The remote side started over (a new offer this connection cannot take); the owner replaces the link. */
  onBroken(signal: CallSignalBody): void;
  /** Never connected within the time allowed; the owner replaces the link with a fresh one. */
  onStuck(): void;
}

/** Trickled candidates go out in one event per burst, so a gathering phase stays far below the event rate limit. */
const CANDIDATE_BATCH_MS = 80;
/** A connection that stays disconnected this long gets an ICE restart (network change, Wi-Fi to cable). */
const RESTART_AFTER_MS = 2_500;
/** A connection not up this long after it started (a lost offer, candidates that went nowhere) tries again. */
const CONNECT_WITHIN_MS = 6_000;

/**
 * One RTCPeerConnection to one remote call session, negotiated with the "perfect negotiation"
 * pattern: either side may offer at any time (a new track, an ICE restart), and in a collision
 * the impolite side's offer wins while the polite side rolls back its own.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly remote = new MediaStream();
  stats: LinkStats | null = null;
  /** ICE restarts this side asked for; shown in the tile's details. */
  iceRestarts = 0;
  private readonly options: PeerLinkOptions;
  private readonly senders: Partial<Record<MediaKind, RTCRtpSender>> = {};
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private inbox: Promise<void> = Promise.resolve();
  private candidates: RTCIceCandidateInit[] = [];
  private candidateTimer: number | undefined;
  private restartTimer: number | undefined;
  private closed = false;
  private everConnected = false;

  constructor(options: PeerLinkOptions) {
    this.options = options;
    this.pc = new RTCPeerConnection(options.config);
    this.pc.onnegotiationneeded = () => void this.offer();
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.queueCandidate(candidate.toJSON());
    };
    this.pc.ontrack = ({ track }) => {
      for (const old of this.remote.getTracks().filter((known) => known.kind === track.kind && known !== track)) this.remote.removeTrack(old);
      this.remote.addTrack(track);
      track.onmute = track.onunmute = () => options.onChange();
      options.onChange();
    };
    this.pc.onconnectionstatechange = () => {
      this.watchConnection();
      options.onChange();
    };
    this.watchConnection();
  }

  get state(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  /** Sends this track (or nothing, with null) for its kind; only a first track of a kind needs negotiating. */
  async setTrack(kind: MediaKind, track: MediaStreamTrack | null, stream: MediaStream | null): Promise<void> {
    const sender = this.senders[kind];
    if (sender) {
      await sender.replaceTrack(track);
      return;
    }
    if (track && stream) this.senders[kind] = this.pc.addTrack(track, stream);
  }

  /** Stops offering a kind at all (an observer whose floor was taken back), so the next offer says recvonly. */
  stopSending(kind: MediaKind): void {
    const sender = this.senders[kind];
    const transceiver = this.pc.getTransceivers().find((t) => t.sender === sender);
    if (!sender || !transceiver) return;
    void sender.replaceTrack(null);
    transceiver.direction = 'recvonly';
    delete this.senders[kind];
  }

  receive(signal: CallSignalBody): void {
    this.inbox = this.inbox.then(() => this.handle(signal)).catch((error: unknown) => console.warn('call signal failed', error));
  }

  restartIce(): void {
    if (this.closed) return;
    this.iceRestarts += 1;
    this.pc.restartIce();
  }

  setConfiguration(config: RTCConfiguration): void {
    this.pc.setConfiguration(config);
  }

  async sample(): Promise<LinkStats> {
    this.stats = readStats(await this.pc.getStats(), this.stats);
    return this.stats;
  }

  close(): void {
    this.closed = true;
    window.clearTimeout(this.candidateTimer);
    window.clearTimeout(this.restartTimer);
    this.pc.close();
    for (const track of this.remote.getTracks()) track.stop();
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      if (this.pc.localDescription) this.options.send({ description: this.pc.localDescription.toJSON() as RTCSessionDescriptionInit & { type: 'offer' } });
    } catch (error) {
      console.warn('call offer failed', error);
    } finally {
      this.makingOffer = false;
    }
  }

  private async handle({ description, candidates }: CallSignalBody): Promise<void> {
    if (this.closed) return;
    const { pc } = this;
    if (description) {
      const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.options.polite && collision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswer = description.type === 'answer';
      try {
        await pc.setRemoteDescription(description);
      } catch (error) {
        if (description.type !== 'offer') throw error;
        // A peer that lost its connection object (a reload after a long outage) offers new DTLS keys; start afresh.
        this.options.onBroken({ description, candidates });
        return;
      } finally {
        this.settingRemoteAnswer = false;
      }
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        if (pc.localDescription) this.options.send({ description: pc.localDescription.toJSON() as RTCSessionDescriptionInit & { type: 'answer' } });
      }
    }
    for (const candidate of candidates ?? []) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        if (!this.ignoreOffer) throw error;
      }
    }
  }

  private async withdrawOffer(): Promise<void> {
    try {
      await this.pc.setLocalDescription({ type: 'rollback' });
    } catch (error) {
      console.warn('call offer rollback failed', error);
    }
  }

  private queueCandidate(candidate: RTCIceCandidateInit): void {
    this.candidates.push(candidate);
    if (this.candidateTimer !== undefined) return;
    this.candidateTimer = window.setTimeout(() => {
      this.candidateTimer = undefined;
      const batch = this.candidates.splice(0, 32);
      if (batch.length > 0 && !this.closed) this.options.send({ candidates: batch as CallSignalBody['candidates'] });
      if (this.candidates.length > 0) this.queueCandidate(this.candidates.shift()!);
    }, CANDIDATE_BATCH_MS);
  }

  private watchConnection(): void {
    window.clearTimeout(this.restartTimer);
    if (this.closed) return;
    const state = this.pc.connectionState;
    if (state === 'connected') {
      this.everConnected = true;
      return;
    }
    if (state === 'failed') this.restartIce();
    this.restartTimer = window.setTimeout(
      () => {
        // A connection that never came up can be stuck in a way an ICE restart does not cure (after a
        // rolled-back offer Chromium may gather nothing): the polite side starts over with a fresh one.
        if (!this.everConnected && this.options.polite) return this.options.onStuck();
        // The impolite side waiting on an answer that never comes (its offer or the answer was lost,
        // or the polite side started over) ignores every offer as a collision: it withdraws its own
        // and offers afresh, which a polite side takes whatever it was doing.
        if (this.pc.signalingState === 'have-local-offer') void this.withdrawOffer();
        this.restartIce();
        this.watchConnection();
      },
      state === 'disconnected' ? RESTART_AFTER_MS : CONNECT_WITHIN_MS,
    );
  }
}
