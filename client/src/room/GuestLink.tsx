import { useState } from 'react';
import { updateRecentRoom } from '../lobby/recentRooms';
import type { GuestRole, RoomSession } from '../sync/roomSession';
import { CopyButton } from '../ui/CopyButton';
import { describeError } from '../ui/errorMessages';
import { InlineError } from '../ui/InlineError';
import { roleLabel } from './roleLabels';

type Step = { step: 'idle' } | { step: 'confirming' } | { step: 'busy' } | { step: 'failed'; message: string };

const who: Record<GuestRole, string> = { candidate: 'The candidate', observer: 'Every observer' };

/** One guest link in the invite menu: copy it, or revoke it (after a confirmation) and show the new one. */
export function GuestLink({ session, role, initialUrl }: { session: RoomSession; role: GuestRole; initialUrl: string | undefined }) {
  const [url, setUrl] = useState(initialUrl);
  const [reissued, setReissued] = useState(false);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const label = `${roleLabel[role]} link`;

  const reissue = async () => {
    setState({ step: 'busy' });
    const result = await session.reissueLink(role);
    if (!result.ok) return setState({ step: 'failed', message: describeError(result.error) });
    setUrl(result.data.url);
    setReissued(true);
    setState({ step: 'idle' });
    updateRecentRoom(session.roomId, role === 'candidate' ? { candidateUrl: result.data.url } : { observerUrl: result.data.url });
  };

  return (
    <section className="guest-link" aria-label={label} data-testid={`guest-link-${role}`}>
      <div className="invite__row">
        <strong>{label}</strong>
        <span className="button-row">
          {url && <CopyButton text={url} label={`Copy ${role} link`} testId={`invite-copy-${role}`} />}
          {state.step !== 'confirming' && (
            <button
              type="button"
              className="button button--small button--ghost"
              data-testid={`invite-revoke-${role}`}
              disabled={state.step === 'busy'}
              onClick={() => setState({ step: 'confirming' })}
            >
              {state.step === 'busy' ? 'Reissuing…' : url ? 'Revoke…' : 'New link…'}
            </button>
          )}
        </span>
      </div>
      {!url && <p className="muted small">This link was created on another device. Issue a new one to share it from here.</p>}
      {state.step === 'confirming' && (
        <div className="guest-link__confirm" role="group" aria-label={`Revoke the ${role} link?`}>
          <p className="small">
            {who[role]} using the current link is disconnected now and needs the new link to come back.
          </p>
          <span className="button-row">
            <button type="button" className="button button--small button--danger" data-testid={`invite-revoke-confirm-${role}`} onClick={() => void reissue()}>
              Revoke and reissue
            </button>
            <button type="button" className="button button--small" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </span>
        </div>
      )}
      {reissued && url && (
        <label className="field">
          <span className="field__label success-note">New link issued. Send it to the {role === 'candidate' ? 'candidate' : 'observers'}:</span>
          <input readOnly value={url} data-testid={`invite-new-link-${role}`} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      <InlineError message={state.step === 'failed' ? state.message : null} block />
    </section>
  );
}
