import { ClientEvent, ServerEvent, callPairAllowed, isPolite, mayRecord, type CallPeer, type CallSignal, type CallSignalBody, type IceConfig, type MediaState, type RecordingConsent, type RecordingState, type Role } from '@quorum/shared';
import type { RoomSession, Self } from '../sync/roomSession';
import { request, type RoomSocket } from '../sync/roomSocket';
import { listDevices, openLocalMedia, cameraProblem, type DeviceChoice, type Devices } from './localMedia';
import { PeerLink, type MediaKind } from './peerLink';
import { CallRecorder } from './recording/recorder';
import { saveRecording } from './recording/recordingStore';
import type { LinkStats } from './stats';

export interface RemoteParty {
  peer: CallPeer;
  stream: MediaStream;
  /** What the remote side says about its own microphone and camera; null until it has said. */
  media: MediaState | null;
  stats: LinkStats | null;
  state: RTCPeerConnectionState;
  iceRestarts: number;
}

export interface CallSnapshot {
  status: 'idle' | 'joining' | 'joined';
  sessionId: string;
  role: Role | null;
  /** Interviewer and candidate always; an observer once the interviewer lets them. */
  canSpeak: boolean;
  local: MediaStream | null;
  micOn: boolean;
  cameraOn: boolean;
  hasMic: boolean;
  hasCamera: boolean;
  /** Why a device is missing (a refused microphone, no camera), for the person to act on. */
  notice: string | null;
  /** The call could not be joined. */
  error: string | null;
  devices: Devices;
  choice: DeviceChoice;
  members: CallPeer[];
  remotes: RemoteParty[];
  /** The call's recording consent, as the server holds it. */
  recording: RecordingState;
  /** This browser is recording right now. */
  recordingHere: boolean;
  /** What happened to a request or a recording (declined, stopped, could not start), in words. */
  recordingNotice: string | null;
}

interface ActiveRecording {
  recorder: CallRecorder;
  /** Server clock at the first frame. */
  started: Promise<number>;
  title: string;
}

interface Entry {
  link: PeerLink;
  peer: CallPeer;
  media: MediaState | null;
  missingSince: number | null;
}

const STATS_EVERY_MS = 1_000;
/** A member missing from the list this long (a server restart, a reload) is let go; one back sooner keeps its connection. */
const MISSING_GRACE_MS = 10_000;
const RETRY_SIGNAL_MS = 1_000;
const SIGNAL_ATTEMPTS = 4;

const randomSessionId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
};

/**
 * This tab's side of the room's call: local devices, one PeerLink per remote member, and the
 * signalling over the room's Socket.IO connection. It rejoins the call after every room rejoin
 * (a reconnect, a server restart) and keeps the media connections that survived.
 */
export class CallSession {
  private readonly socket: RoomSocket;
  private readonly room: RoomSession;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  /** Signals from sessions this tab does not know yet (they raced their own arrival in the list). */
  private readonly early: CallSignal[] = [];
  /** Lists that arrived while the join was in flight: one of them may be newer than the join's answer. */
  private readonly earlyLists: CallPeer[][] = [];
  private snapshot: CallSnapshot;
  private rtc: RTCConfiguration = {};
  private lastSelf: Self | null = null;
  private statsTimer: number | undefined;
  private iceTimer: number | undefined;
  private unsubscribeRoom: () => void = () => {};
  private active: ActiveRecording | null = null;

  constructor(room: RoomSession) {
    this.room = room;
    this.socket = room.connection;
    this.snapshot = {
      status: 'idle',
      sessionId: randomSessionId(),
      role: room.getSnapshot().self?.role ?? null,
      canSpeak: room.getSnapshot().self?.role !== 'observer',
      local: null,
      micOn: true,
      cameraOn: true,
      hasMic: false,
      hasCamera: false,
      notice: null,
      error: null,
      devices: { audioinput: [], videoinput: [] },
      choice: {},
      members: [],
      remotes: [],
      recording: { status: 'off', endedBy: null },
      recordingHere: false,
      recordingNotice: null,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.snapshot;

  start(): void {
    this.socket.on(ServerEvent.callPeers, this.onPeers);
    this.socket.on(ServerEvent.callSignal, this.onSignal);
    this.socket.on(ServerEvent.callRecording, this.onRecording);
    window.addEventListener('online', this.onOnline);
    this.lastSelf = this.room.getSnapshot().self;
    this.unsubscribeRoom = this.room.subscribe(() => {
      const { self, status } = this.room.getSnapshot();
      // Every room join hands out a new `self`: the connection is new, so the call is joined again on it.
      if (status !== 'joined' || self === this.lastSelf) return;
      this.lastSelf = self;
      if (this.snapshot.status === 'joined') void this.announce();
    });
  }

  stop(): void {
    if (this.snapshot.status !== 'idle') void request(this.socket, ClientEvent.callLeave, {});
    this.teardown();
    this.socket.off(ServerEvent.callPeers, this.onPeers);
    this.socket.off(ServerEvent.callSignal, this.onSignal);
    this.socket.off(ServerEvent.callRecording, this.onRecording);
    window.removeEventListener('online', this.onOnline);
    this.unsubscribeRoom();
    this.listeners.clear();
  }

  async join(): Promise<void> {
    if (this.snapshot.status !== 'idle') return;
    this.set({ status: 'joining', error: null, role: this.room.getSnapshot().self?.role ?? null });
    if (this.snapshot.canSpeak) await this.openDevices(true);
    const joined = await this.announce();
    if (!joined) {
      this.stopLocal();
      return;
    }
    this.statsTimer = window.setInterval(() => void this.sampleStats(), STATS_EVERY_MS);
    void this.refreshDevices();
  }

  async leave(): Promise<void> {
    await request(this.socket, ClientEvent.callLeave, {});
    this.teardown();
  }

  async setMic(on: boolean): Promise<void> {
    let track = this.localTrack('audio');
    if (on && !track) {
      // The microphone was refused or missing: ask again, keeping the camera as it is.
      const { stream, notice } = await openLocalMedia(this.snapshot.choice, false);
      track = stream?.getAudioTracks()[0];
      if (!track) return this.set({ notice });
      const local = this.snapshot.local ?? new MediaStream();
      local.addTrack(track);
      this.set({ local: cloneStream(local), hasMic: true, notice: null });
    }
    if (track) track.enabled = on;
    // No track at all on the wire while muted: nothing, not even silence, leaves the browser.
    await this.eachLink((link) => link.setTrack('audio', on ? (track ?? null) : null, this.snapshot.local));
    this.set({ micOn: on });
    this.tellMedia();
  }

  async setCamera(on: boolean): Promise<void> {
    const local = this.snapshot.local ?? new MediaStream();
    const current = this.localTrack('video');
    if (!on) {
      // Stopping the track turns the camera light off, which a person trusts more than a black tile.
      current?.stop();
      if (current) local.removeTrack(current);
      await this.eachLink((link) => link.setTrack('video', null, local));
      this.set({ cameraOn: false, local: cloneStream(local) });
      this.tellMedia();
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: this.snapshot.choice.videoId ? { deviceId: { exact: this.snapshot.choice.videoId } } : true });
      const track = stream.getVideoTracks()[0]!;
      local.addTrack(track);
      await this.eachLink((link) => link.setTrack('video', track, local));
      this.set({ cameraOn: true, hasCamera: true, local: cloneStream(local), notice: null });
    } catch (error) {
      this.set({ cameraOn: false, notice: cameraProblem(error) });
    }
    this.tellMedia();
  }

  async chooseDevice(kind: MediaKind, deviceId: string): Promise<void> {
    const choice = { ...this.snapshot.choice, [kind === 'audio' ? 'audioId' : 'videoId']: deviceId };
    this.set({ choice });
    const old = this.localTrack(kind);
    if (!old) return;
    const constraints = { deviceId: { exact: deviceId } };
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'audio' ? { audio: constraints } : { video: constraints });
    const track = (kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks())[0]!;
    const local = this.snapshot.local!;
    old.stop();
    local.removeTrack(old);
    local.addTrack(track);
    if (kind === 'audio') track.enabled = this.snapshot.micOn;
    const sending = kind === 'video' || this.snapshot.micOn;
    await this.eachLink((link) => link.setTrack(kind, sending ? track : null, local));
    this.set({ local: cloneStream(local) });
  }

  /** The interviewer gives an observer the floor, or takes it back. */
  allowSpeak(sessionId: string, allowed: boolean) {
    return request(this.socket, ClientEvent.callAllowSpeak, { sessionId, allowed });
  }

  /** Asks to record, agrees, declines or stops; recording starts in both browsers once both agreed. */
  async record(consent: RecordingConsent): Promise<void> {
    const ack = await request(this.socket, ClientEvent.callRecord, { consent });
    if (ack.ok) this.onRecording(ack.data);
    else this.set({ recordingNotice: ack.error.message });
  }

  /** Joins (or rejoins, after a reconnect) the call on the current connection; false when refused. */
  private async announce(): Promise<boolean> {
    const ack = await request(this.socket, ClientEvent.callJoin, { sessionId: this.snapshot.sessionId });
    if (!ack.ok) {
      if (this.snapshot.status === 'joining') this.set({ status: 'idle', error: ack.error.message });
      return false;
    }
    this.applyIce(ack.data);
    this.set({ status: 'joined' });
    this.onRecording(ack.data.recording);
    // Which list is newest cannot be told from arrival order, so take everyone any of them named;
    // someone who had already left fails to connect and goes with the next list.
    const everyone = new Map([...this.earlyLists.splice(0).flat(), ...ack.data.peers].map((peer) => [peer.sessionId, peer]));
    this.setMembers([...everyone.values()]);
    return true;
  }

  private applyIce(ice: IceConfig): void {
    this.rtc = { iceServers: ice.iceServers, iceTransportPolicy: ice.iceTransportPolicy };
    for (const { link } of this.entries.values()) link.setConfiguration(this.rtc);
    window.clearTimeout(this.iceTimer);
    if (ice.expiresAt === null) return;
    // Fresh TURN credentials well before the old ones expire, so an ICE restart never finds them stale.
    const refreshIn = Math.max(10_000, (ice.expiresAt - Date.now()) * 0.8);
    this.iceTimer = window.setTimeout(async () => {
      const fresh = await request(this.socket, ClientEvent.callIce, {});
      if (fresh.ok) this.applyIce(fresh.data);
      else this.iceTimer = window.setTimeout(() => this.applyIce(ice), 10_000);
    }, refreshIn);
  }

  private onPeers = (peers: CallPeer[]): void => {
    if (this.snapshot.status === 'joined') this.setMembers(peers);
    else if (this.snapshot.status === 'joining') this.earlyLists.push(peers);
  };

  private onSignal = (signal: CallSignal): void => {
    const entry = this.entries.get(signal.from) ?? this.linkFor(this.snapshot.members.find((peer) => peer.sessionId === signal.from));
    if (!entry) {
      if (this.early.length >= 64) this.early.shift();
      this.early.push(signal);
      return;
    }
    const { from: _from, media, ...negotiation } = signal;
    if (media) {
      entry.media = media;
      this.emit();
    }
    if (negotiation.description || negotiation.candidates) entry.link.receive(negotiation);
  };

  private onRecording = (recording: RecordingState): void => {
    const before = this.snapshot.recording;
    // An acknowledgement and the broadcast carry the same state; only a change counts.
    if (JSON.stringify(before) === JSON.stringify(recording)) return;
    let notice = this.snapshot.recordingNotice;
    if (recording.status === 'off' && before.status !== 'off' && recording.endedBy) {
      const who = recording.endedBy === this.room.getSnapshot().self?.name ? 'You' : recording.endedBy;
      notice = before.status === 'on' ? `${who} stopped the recording.` : `${who} said no to recording.`;
    } else if (recording.status !== 'off') notice = null;
    this.set({ recording, recordingNotice: notice });
    if (recording.status === 'on' && this.snapshot.status === 'joined') this.startRecording();
    else if (recording.status !== 'on') void this.finishRecording();
  };

  private startRecording(): void {
    const { role } = this.snapshot;
    if (this.active || !role || !mayRecord(role)) return;
    const speakers = [...this.entries.values()].filter((entry) => entry.missingSince === null && entry.peer.canSpeak);
    const other = speakers.find((entry) => entry.peer.role !== 'observer' && entry.peer.role !== role);
    const voices = [...speakers.map((entry) => entry.link.remote), ...(this.snapshot.local ? [this.snapshot.local] : [])];
    try {
      const recorder = new CallRecorder(voices, other?.link.remote.getVideoTracks().find((track) => track.readyState === 'live'));
      // The replay's clock is the server's: the first frame's local time, moved by the measured offset.
      const started = recorder.start().then((localStart) => localStart + this.room.getSnapshot().clockOffset);
      this.active = { recorder, started, title: other ? `Call with ${other.peer.name}` : 'Call' };
      this.set({ recordingHere: true });
    } catch (error) {
      console.warn('call recording failed to start', error);
      this.set({ recordingNotice: 'This browser cannot record the call.' });
    }
  }

  /** Stops this browser's recorder and keeps what it recorded, in this browser only. */
  private async finishRecording(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.active = null;
    this.set({ recordingHere: false });
    const startedAt = await active.started;
    const { blob, durationMs } = await active.recorder.stop();
    if (blob.size === 0) return;
    try {
      await saveRecording({ id: crypto.randomUUID(), roomId: this.room.roomId, startedAt, durationMs, mimeType: active.recorder.mimeType, title: active.title, blob });
    } catch (error) {
      console.warn('call recording not kept', error);
      this.set({ recordingNotice: 'The recording could not be kept: this browser has no room left for it.' });
    }
  }

  private onOnline = (): void => {
    for (const { link } of this.entries.values()) link.restartIce();
  };

  private setMembers(peers: CallPeer[]): void {
    const me = peers.find((peer) => peer.sessionId === this.snapshot.sessionId);
    const role = me?.role ?? this.snapshot.role;
    const canSpeak = me?.canSpeak ?? this.snapshot.canSpeak;
    const wasSpeaking = this.snapshot.canSpeak;
    this.set({ members: peers, role, canSpeak });
    if (canSpeak !== wasSpeaking) void this.floorChanged(canSpeak);
    const now = Date.now();
    for (const peer of peers) {
      if (peer.sessionId === this.snapshot.sessionId || !role || !callPairAllowed({ role }, peer)) continue;
      const entry = this.entries.get(peer.sessionId) ?? this.linkFor(peer);
      if (entry) Object.assign(entry, { peer, missingSince: null });
    }
    for (const [sessionId, entry] of this.entries) {
      if (!peers.some((peer) => peer.sessionId === sessionId)) entry.missingSince ??= now;
    }
    this.sweep();
    this.emit();
    const waiting = this.early.splice(0);
    for (const signal of waiting) this.onSignal(signal);
  }

  private linkFor(peer: CallPeer | undefined): Entry | undefined {
    if (!peer || this.snapshot.status !== 'joined') return undefined;
    const link = new PeerLink({
      polite: isPolite(this.snapshot.sessionId, peer.sessionId),
      config: this.rtc,
      send: (body) => this.send(peer.sessionId, body),
      onChange: () => this.emit(),
      onBroken: (body) => {
        this.dropLink(peer.sessionId);
        this.linkFor(peer)?.link.receive(body);
      },
      onStuck: () => {
        this.dropLink(peer.sessionId);
        this.linkFor(peer);
      },
    });
    const entry: Entry = { link, peer, media: null, missingSince: null };
    this.entries.set(peer.sessionId, entry);
    void this.attachLocal(link);
    this.send(peer.sessionId, { media: this.mediaState() });
    return entry;
  }

  private async attachLocal(link: PeerLink): Promise<void> {
    const { local, micOn, canSpeak } = this.snapshot;
    if (!local || !canSpeak) return;
    const audio = this.localTrack('audio');
    const video = this.localTrack('video');
    if (audio) {
      await link.setTrack('audio', audio, local);
      // Negotiated once, then held silent: unmuting later needs no renegotiation.
      if (!micOn) await link.setTrack('audio', null, local);
    }
    if (video && this.snapshot.role !== 'observer') await link.setTrack('video', video, local);
  }

  private dropLink(sessionId: string): void {
    this.entries.get(sessionId)?.link.close();
    this.entries.delete(sessionId);
  }

  /** An observer given the floor starts their microphone muted; one whose floor is taken back stops sending. */
  private async floorChanged(canSpeak: boolean): Promise<void> {
    if (this.snapshot.role !== 'observer' || this.snapshot.status !== 'joined') return;
    if (canSpeak) {
      this.set({ micOn: false });
      await this.openDevices(false);
      for (const { link } of this.entries.values()) await this.attachLocal(link);
    } else {
      for (const { link } of this.entries.values()) link.stopSending('audio');
      this.stopLocal();
      this.set({ micOn: false });
    }
    this.tellMedia();
  }

  private send(to: string, body: CallSignalBody, attempt = 1): void {
    void request(this.socket, ClientEvent.callSignal, { to, ...body }).then((ack) => {
      if (!ack.ok) console.warn('call signal refused', ack.error.code, ack.error.message);
      // Over the event limit (a burst of candidates) or between connections: wait a moment and try again.
      if (!ack.ok && (ack.error.code === 'rate_limited' || ack.error.code === 'unavailable') && this.entries.has(to) && attempt < SIGNAL_ATTEMPTS) {
        window.setTimeout(() => this.send(to, body, attempt + 1), RETRY_SIGNAL_MS * attempt);
      }
    });
  }

  private tellMedia(): void {
    const media = this.mediaState();
    for (const sessionId of this.entries.keys()) this.send(sessionId, { media });
  }

  private mediaState(): MediaState {
    const { micOn, cameraOn, canSpeak } = this.snapshot;
    return { audio: canSpeak && micOn && Boolean(this.localTrack('audio')), video: cameraOn && Boolean(this.localTrack('video')) };
  }

  private async openDevices(withVideo: boolean): Promise<void> {
    const { stream, notice } = await openLocalMedia(this.snapshot.choice, withVideo && this.snapshot.role !== 'observer');
    this.stopLocal();
    this.set({
      local: stream,
      notice,
      hasMic: Boolean(stream?.getAudioTracks().length),
      hasCamera: Boolean(stream?.getVideoTracks().length),
      cameraOn: Boolean(stream?.getVideoTracks().length),
    });
    const audio = stream?.getAudioTracks()[0];
    if (audio) audio.enabled = this.snapshot.micOn;
  }

  private async refreshDevices(): Promise<void> {
    this.set({ devices: await listDevices() });
  }

  private localTrack(kind: MediaKind): MediaStreamTrack | undefined {
    const stream = this.snapshot.local;
    return (kind === 'audio' ? stream?.getAudioTracks() : stream?.getVideoTracks())?.find((track) => track.readyState === 'live');
  }

  private async eachLink(action: (link: PeerLink) => Promise<void>): Promise<void> {
    await Promise.all([...this.entries.values()].map(({ link }) => action(link)));
  }

  private async sampleStats(): Promise<void> {
    this.sweep();
    await Promise.all([...this.entries.values()].map(({ link }) => link.sample().catch(() => null)));
    this.emit();
  }

  /**
   * Lets go of members missing from the list for a while. Not at once: lists can arrive out of
   * order, and a server restart empties the list while the media still flows.
   */
  private sweep(): void {
    const now = Date.now();
    for (const [sessionId, { link, missingSince }] of this.entries) {
      if (missingSince === null) continue;
      if (link.state === 'failed' || link.state === 'closed' || now - missingSince > MISSING_GRACE_MS) this.dropLink(sessionId);
    }
  }

  private stopLocal(): void {
    for (const track of this.snapshot.local?.getTracks() ?? []) track.stop();
    this.set({ local: null });
  }

  private teardown(): void {
    void this.finishRecording();
    window.clearInterval(this.statsTimer);
    window.clearTimeout(this.iceTimer);
    for (const sessionId of [...this.entries.keys()]) this.dropLink(sessionId);
    this.stopLocal();
    this.early.length = 0;
    this.earlyLists.length = 0;
    this.set({ status: 'idle', members: [], remotes: [], canSpeak: this.snapshot.role !== 'observer', recording: { status: 'off', endedBy: null } });
  }

  private emit(): void {
    // Someone missing from the list is not shown, though their connection is kept a moment.
    const remotes = [...this.entries.values()].filter((entry) => entry.missingSince === null).map(({ link, peer, media }) => ({ peer, stream: link.remote, media, stats: link.stats, state: link.state, iceRestarts: link.iceRestarts }));
    this.set({ remotes });
  }

  private set(change: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** A new stream object around the same tracks, so a video element notices the change. */
function cloneStream(stream: MediaStream): MediaStream {
  return new MediaStream(stream.getTracks());
}
