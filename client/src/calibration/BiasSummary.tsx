import type { CalibrationBias } from '@quorum/shared';
import { biasDetail, signedLevels, verdictTitle } from './labels';

/** Where the person's scores sit against the others' over every exercise they scored. */
export function BiasSummary({ bias }: { bias: CalibrationBias }) {
  const areas = bias.verdict === 'too-few' ? [] : bias.areas.filter((area) => area.meanDeviation !== 0).slice(0, 4);
  return (
    <section className={`card bias bias--${bias.verdict}`} data-testid="calibration-bias" data-verdict={bias.verdict} aria-labelledby="bias-heading">
      <p className="bias__eyebrow">Your tendency</p>
      <h2 id="bias-heading">{verdictTitle[bias.verdict]}</h2>
      <p className="muted">{biasDetail(bias)}</p>
      {bias.meanDeviation !== null && <BiasScale value={bias.meanDeviation} />}
      {areas.length > 0 && (
        <ul className="bias__areas" aria-label="Most off by criterion">
          {areas.map((area) => (
            <li key={area.name}>
              <span>{area.name}</span>
              <span className="bias__value">{signedLevels(area.meanDeviation)}</span>
              <span className="muted small">
                {area.scoredCriteria} {area.scoredCriteria === 1 ? 'score' : 'scores'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** −2 … +2 levels, with the in-line band around zero. */
function BiasScale({ value }: { value: number }) {
  const clamped = Math.max(-2, Math.min(2, value));
  return (
    <div className="bias-scale" aria-hidden="true">
      <div className="bias-scale__track">
        <span className="bias-scale__band" />
        <span className="bias-scale__mark" style={{ left: `${((clamped + 2) / 4) * 100}%` }} />
      </div>
      <div className="bias-scale__labels">
        <span>Harsher</span>
        <span>In line</span>
        <span>More lenient</span>
      </div>
    </div>
  );
}
