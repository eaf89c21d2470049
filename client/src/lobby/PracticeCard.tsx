import { followInApp } from '../routing';

/** The way into peer practice, beside creating a room: for people with nobody to interview them. */
export function PracticeCard() {
  return (
    <section className="card practice-card" aria-labelledby="practice-heading">
      <h2 id="practice-heading">Practice with a peer</h2>
      <p className="muted">
        No interviewer at hand? Get paired with someone preparing for the same track. You interview each other in turn, and
        each of you leaves with feedback.
      </p>
      <div className="button-row">
        <a className="button button--primary" href="/practice" data-testid="lobby-practice-link" onClick={followInApp}>
          Find a practice partner
        </a>
        <a className="button" href="/solo" data-testid="lobby-solo-link" onClick={followInApp}>
          Practise alone
        </a>
      </div>
    </section>
  );
}
