import { mayRecord } from '@quorum/shared';
import type { CallSession, CallSnapshot } from '../callSession';

/** The red dot everyone in the call sees while it is being recorded, observers included. */
export function RecIndicator({ snapshot }: { snapshot: CallSnapshot }) {
  if (snapshot.recording.status !== 'on') return null;
  return (
    <span className="call-rec" data-testid="call-rec" role="status" aria-label="This call is being recorded">
      <span className="call-rec__dot" aria-hidden="true" />
      REC
    </span>
  );
}

/**
 * The other person's request, where it cannot be missed: above the tiles, and shown even while
 * the dock is folded. Nothing records until the answer is yes.
 */
export function RecordingPrompt({ call, snapshot }: { call: CallSession; snapshot: CallSnapshot }) {
  const { recording, role } = snapshot;
  if (recording.status !== 'asked' || !role || !mayRecord(role) || recording.by === role) return null;
  return (
    <div className="call-consent" role="alertdialog" aria-labelledby="call-consent-title" data-testid="call-record-prompt">
      <p className="call-consent__title" id="call-consent-title">
        {recording.name} asks to record this call
      </p>
      <p className="call-consent__text">Each of you keeps a copy in your own browser; nothing is uploaded. Either of you can stop it at any time.</p>
      <div className="call-consent__actions">
        <button type="button" className="call-button call-button--record" data-testid="call-record-agree" onClick={() => void call.record('agree')}>
          Agree and record
        </button>
        <button type="button" className="call-button" data-testid="call-record-decline" onClick={() => void call.record('decline')}>
          Decline
        </button>
      </div>
    </div>
  );
}

/** Interviewer and candidate only: ask, withdraw the request, or stop. */
export function RecordButton({ call, snapshot }: { call: CallSession; snapshot: CallSnapshot }) {
  const { recording, role } = snapshot;
  if (!role || !mayRecord(role)) return null;
  if (recording.status === 'on') {
    return (
      <button type="button" className="call-button call-button--record call-record" data-testid="call-record-stop" onClick={() => void call.record('stop')}>
        Stop recording
      </button>
    );
  }
  if (recording.status === 'asked' && recording.by === role) {
    return (
      <button type="button" className="call-button call-record" data-testid="call-record-cancel" onClick={() => void call.record('stop')}>
        Waiting for the other person to agree · Cancel
      </button>
    );
  }
  if (recording.status === 'asked') return null;
  return (
    <button type="button" className="call-button call-record" data-testid="call-record" onClick={() => void call.record('ask')}>
      Ask to record the call
    </button>
  );
}
