import type { ConsentRole, RoomCalibration } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { loadRoomCalibration, setConsent } from '../../calibration/calibrationApi';
import { RequestError } from '../../http';
import { describeError } from '../../ui/errorMessages';
import '../../styles/calibration.css';

/** The other person's answer comes in without a reload, at this pace, while the card is on screen. */
const REFRESH_MS = 15_000;

const other: Record<ConsentRole, ConsentRole> = { interviewer: 'candidate', candidate: 'interviewer' };
const otherName: Record<ConsentRole, string> = { interviewer: 'The candidate', candidate: 'Your interviewer' };

const ask: Record<ConsentRole, string> = {
  interviewer:
    'Offer this interview to other interviewers as a calibration exercise: they watch the board, the code and the timeline, score it blind on the same rubric and compare. They never see the title, names, your notes or your scores.',
  candidate:
    'May other interviewers practise their scoring on this interview? They would watch the board, the code and the timeline without your name or the title, and never see your interviewer’s notes or scores.',
};

function statusLine(calibration: RoomCalibration, role: ConsentRole): string {
  const theirs = calibration.consent[other[role]];
  const them = otherName[role];
  switch (calibration.status) {
    case 'declined':
      return calibration.consent[role] === false ? 'Not offered: you said no.' : `Not offered: ${them.toLowerCase()} said no.`;
    case 'awaiting-consent':
      if (theirs === true) return `${them} has agreed; it is offered once you agree too.`;
      return calibration.consent[role] === true ? `${them} has not answered yet.` : 'Offered only if you both agree.';
    case 'awaiting-end':
      return 'You both agreed: it opens once the interview has ended and the scorecard is submitted.';
    case 'awaiting-scorecard':
      return 'You both agreed: it opens once the scorecard is submitted.';
    case 'open':
      return `Open for calibration: ${calibration.calibrations} ${calibration.calibrations === 1 ? 'interviewer has' : 'interviewers have'} scored it.`;
  }
}

/** One person's consent to calibration: asked of both, either may withdraw at any time. */
export function CalibrationConsent({ roomId, token, role }: { roomId: string; token: string; role: ConsentRole }) {
  const [calibration, setCalibration] = useState<RoomCalibration | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const refresh = () =>
      loadRoomCalibration(roomId, token, controller.signal).then(setCalibration, () => {
        // A missed refresh leaves the last answer on screen; the next one tries again.
      });
    void refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [roomId, token]);

  const answer = async (consent: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setCalibration(await setConsent(roomId, token, consent));
    } catch (failure) {
      setError(failure instanceof RequestError ? describeError(failure) : 'Could not save your answer. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const mine = calibration?.consent[role] ?? null;
  return (
    <section className="card calibration-consent" data-testid="calibration-consent" data-status={calibration?.status} aria-labelledby="calibration-consent-heading">
      <h3 id="calibration-consent-heading">Calibration</h3>
      <p className="small">{ask[role]}</p>
      {calibration && (
        <p className="muted small" role="status" data-testid="calibration-consent-status">
          {statusLine(calibration, role)}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="calibration-consent__actions">
        {mine === true ? (
          <button type="button" className="button button--small button--secondary" disabled={busy} onClick={() => void answer(false)} data-testid="calibration-withdraw">
            Withdraw my consent
          </button>
        ) : (
          <>
            <button type="button" className="button button--small button--primary" disabled={busy || !calibration} onClick={() => void answer(true)} data-testid="calibration-allow">
              {role === 'interviewer' ? 'Offer it' : 'Allow'}
            </button>
            {mine === null && (
              <button type="button" className="button button--small button--ghost" disabled={busy || !calibration} onClick={() => void answer(false)} data-testid="calibration-decline">
                No, thanks
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
