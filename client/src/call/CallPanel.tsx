import { useState } from 'react';
import type { RoomSession } from '../sync/roomSession';
import { roleLabel } from '../room/roleLabels';
import type { CallSession, CallSnapshot, RemoteParty } from './callSession';
import { useCallSession, useCallSnapshot } from './useCallSession';
import { RecIndicator, RecordButton, RecordingPrompt } from './recording/RecordingControls';
import { RecordingList } from './recording/RecordingList';
import { VideoTile } from './VideoTile';
import '../styles/call.css';

/** The room's call: a dock at the top of the side column that can fold to one line. */
export function CallPanel({ session }: { session: RoomSession }) {
  const call = useCallSession(session);
  const snapshot = useCallSnapshot(call);
  // On a narrow screen the dock starts folded, so it does not sit on the question panel.
  const [folded, setFolded] = useState(() => window.matchMedia('(max-width: 900px)').matches);
  const connected = snapshot.remotes.filter((remote) => remote.state === 'connected').length;
  return (
    <aside className="call-dock" aria-label="Call" data-testid="call-panel" data-status={snapshot.status} data-folded={folded}>
      <header className="call-dock__header">
        <span className="call-dock__title">
          <span className="call-dock__live" data-live={snapshot.status === 'joined'} aria-hidden="true" />
          Call
          {snapshot.status === 'joined' && (
            <span className="call-dock__count" data-testid="call-connected">
              {connected === 0 ? 'waiting for others' : `${connected} connected`}
            </span>
          )}
          <RecIndicator snapshot={snapshot} />
        </span>
        {folded && <FoldedActions call={call} snapshot={snapshot} />}
        <button type="button" className="call-dock__fold" onClick={() => setFolded(!folded)} aria-expanded={!folded} aria-label={folded ? 'Show the call' : 'Fold the call away'}>
          {folded ? '▴' : '▾'}
        </button>
      </header>
      {snapshot.status === 'joined' && <RecordingPrompt call={call} snapshot={snapshot} />}
      <div className="call-dock__body" hidden={folded}>
        {snapshot.status === 'joined' ? <InCall call={call} snapshot={snapshot} /> : <JoinCard call={call} snapshot={snapshot} />}
        <RecordingList roomId={session.roomId} />
      </div>
    </aside>
  );
}

/** The one action that matters while folded: join, or mute and unmute. */
function FoldedActions({ call, snapshot }: { call: CallSession; snapshot: CallSnapshot }) {
  if (snapshot.status === 'idle') {
    return (
      <button type="button" className="call-button call-button--small call-button--join" onClick={() => void call.join()}>
        {snapshot.role === 'observer' ? 'Listen in' : 'Join'}
      </button>
    );
  }
  if (snapshot.status !== 'joined' || !snapshot.canSpeak || !snapshot.hasMic) return null;
  return (
    <button type="button" className="call-button call-button--small" data-on={snapshot.micOn} onClick={() => void call.setMic(!snapshot.micOn)}>
      {snapshot.micOn ? 'Mute' : 'Unmute'}
    </button>
  );
}

function JoinCard({ call, snapshot }: { call: CallSession; snapshot: CallSnapshot }) {
  const listener = snapshot.role === 'observer';
  return (
    <div className="call-join">
      <p className="call-join__text">
        {listener
          ? 'Listen to the interview. You join muted; the interviewer can let you speak.'
          : 'Talk face to face. Audio and video go straight between your browsers, never through a third party.'}
      </p>
      <button type="button" className="button button--primary" data-testid="call-join" disabled={snapshot.status === 'joining'} onClick={() => void call.join()}>
        {snapshot.status === 'joining' ? 'Joining…' : listener ? 'Listen in' : 'Join the call'}
      </button>
      {snapshot.error && (
        <p className="call-notice" role="alert">
          {snapshot.error}
        </p>
      )}
    </div>
  );
}

function InCall({ call, snapshot }: { call: CallSession; snapshot: CallSnapshot }) {
  const [settings, setSettings] = useState(false);
  const { local, micOn, cameraOn, canSpeak, role } = snapshot;
  // The interviewer hands the floor to a listener on their line, and takes it back from a speaking observer below.
  const speakingObservers = role === 'interviewer' ? snapshot.members.filter((member) => member.role === 'observer' && member.canSpeak) : [];
  const floorButton = (sessionId: string, allowed: boolean) => (
    <button type="button" className="call-button call-button--small" data-testid="call-allow-speak" onClick={() => void call.allowSpeak(sessionId, allowed)}>
      {allowed ? 'Let speak' : 'Take the floor back'}
    </button>
  );
  const sendsVideo = role !== 'observer';
  // Listeners get a line, not a tile: there is nothing of theirs to see or hear.
  const speakers = snapshot.remotes.filter((remote) => remote.peer.canSpeak);
  const listeners = snapshot.remotes.filter((remote) => !remote.peer.canSpeak);
  const tile = (remote: RemoteParty, compact: boolean) => (
    <VideoTile
      key={remote.peer.sessionId}
      testId="call-remote"
      compact={compact}
      action={compact && role === 'interviewer' ? floorButton(remote.peer.sessionId, true) : undefined}
      stream={remote.stream}
      name={remote.peer.name}
      label={roleLabel[remote.peer.role]}
      videoOn={Boolean(remote.media?.video && remote.stream.getVideoTracks().length > 0)}
      audioOn={Boolean(remote.media?.audio)}
      stats={remote.stats}
      state={remote.state}
      data={{
        role: remote.peer.role,
        'bytes-in-audio': remote.stats?.bytesIn.audio ?? 0,
        'bytes-in-video': remote.stats?.bytesIn.video ?? 0,
        'bytes-out-audio': remote.stats?.bytesOut.audio ?? 0,
        'bytes-out-video': remote.stats?.bytesOut.video ?? 0,
        relayed: remote.stats?.relayed ?? false,
        'ice-restarts': remote.iceRestarts,
      }}
    />
  );
  return (
    <>
      <div className="call-tiles" data-count={speakers.length}>
        {speakers.length === 0 && <p className="call-tiles__empty">Nobody else is in the call yet.</p>}
        {speakers.map((remote) => tile(remote, false))}
        {canSpeak && <VideoTile self testId="call-self" stream={local} name="You" label={sendsVideo ? 'self-view' : 'listening'} videoOn={cameraOn && snapshot.hasCamera} audioOn={micOn && snapshot.hasMic} />}
      </div>
      {listeners.length > 0 && <div className="call-listeners">{listeners.map((remote) => tile(remote, true))}</div>}
      {snapshot.notice && (
        <p className="call-notice" role="alert" data-testid="call-notice">
          {snapshot.notice}
        </p>
      )}
      {snapshot.recordingNotice && (
        <p className="call-hint" role="status" data-testid="call-record-notice">
          {snapshot.recordingNotice}
        </p>
      )}
      {role === 'observer' && !canSpeak && <p className="call-hint">You are listening. The interviewer can let you speak.</p>}
      <div className="call-controls" role="toolbar" aria-label="Call controls">
        {canSpeak && (
          <button
            type="button"
            className="call-button"
            data-testid="call-mic"
            data-on={micOn && snapshot.hasMic}
            aria-pressed={!micOn}
            onClick={() => void call.setMic(!(micOn && snapshot.hasMic))}
          >
            {micOn && snapshot.hasMic ? 'Mute' : snapshot.hasMic ? 'Unmute' : 'Try again'}
          </button>
        )}
        {canSpeak && sendsVideo && (
          <button type="button" className="call-button" data-testid="call-camera" data-on={cameraOn} aria-pressed={!cameraOn} onClick={() => void call.setCamera(!cameraOn)}>
            {cameraOn ? 'Video off' : 'Video on'}
          </button>
        )}
        {canSpeak && (
          <button type="button" className="call-button" aria-expanded={settings} onClick={() => setSettings(!settings)} data-testid="call-settings">
            Devices
          </button>
        )}
        <button type="button" className="call-button call-button--leave" data-testid="call-leave" onClick={() => void call.leave()}>
          Leave
        </button>
      </div>
      <RecordButton call={call} snapshot={snapshot} />
      {settings && canSpeak && <DevicePicker call={call} snapshot={snapshot} />}
      {speakingObservers.length > 0 && (
        <ul className="call-floor" aria-label="Observers who may speak">
          {speakingObservers.map((observer) => (
            <li key={observer.sessionId} className="call-floor__item">
              <span>{observer.name} may speak</span>
              {floorButton(observer.sessionId, false)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DevicePicker({ call, snapshot }: { call: CallSession; snapshot: CallSnapshot }) {
  const current = (kind: 'audio' | 'video') => {
    const track = kind === 'audio' ? snapshot.local?.getAudioTracks()[0] : snapshot.local?.getVideoTracks()[0];
    return (kind === 'audio' ? snapshot.choice.audioId : snapshot.choice.videoId) ?? track?.getSettings().deviceId ?? '';
  };
  const field = (kind: 'audio' | 'video', label: string, devices: MediaDeviceInfo[], none?: string) => (
    <label className="call-devices__field">
      {label}
      <select value={current(kind)} onChange={(event) => void call.chooseDevice(kind, event.target.value)} data-testid={`call-device-${kind}`} disabled={none !== undefined && devices.length === 0}>
        {none !== undefined && devices.length === 0 && <option value="">{none}</option>}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || `${label} ${index + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="call-devices">
      {field('audio', 'Microphone', snapshot.devices.audioinput)}
      {snapshot.role !== 'observer' && field('video', 'Camera', snapshot.devices.videoinput, 'No camera')}
    </div>
  );
}
