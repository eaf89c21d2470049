/** The peer format in four steps, beside the queue, so nobody joins without knowing what follows. */
export function HowItWorks() {
  return (
    <aside className="card practice-how" aria-labelledby="how-heading">
      <h2 id="how-heading">How it works</h2>
      <ol className="practice-how__steps">
        <li>
          <strong>Get paired.</strong> First come, first served: the longest-waiting person on your track, at most one level
          apart, whose preferred role fits yours.
        </li>
        <li>
          <strong>First half.</strong> One of you interviews, with a question set picked for the other’s level that leaves out
          questions they have already had.
        </li>
        <li>
          <strong>Swap.</strong> At half time, or earlier when you both agree, you move to a fresh room with the roles reversed
          and a new question set.
        </li>
        <li>
          <strong>Feedback both ways.</strong> Each interviewer scores and releases feedback, so you both leave with a report
          on your own answers, kept in your history.
        </li>
      </ol>
    </aside>
  );
}
