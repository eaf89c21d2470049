import type { DeliveryFigures } from '@quorum/shared';
import { deliveryAdvice } from './delivery/analyse';

const WIDTH = 560;
const HEIGHT = 80;

/** Loudness over the answer, a bar a second, with the figures and plain advice beside it. */
export function DeliveryChart({ delivery }: { delivery: DeliveryFigures }) {
  const bars = delivery.envelope;
  const step = bars.length > 0 ? WIDTH / bars.length : WIDTH;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    <section className="solo-delivery" aria-labelledby="delivery-heading" data-testid="solo-delivery">
      <h3 id="delivery-heading">Delivery</h3>
      <svg className="solo-delivery__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Loudness over the answer, one bar per second">
        {bars.map((value, i) => (
          <rect key={i} x={i * step + 1} width={Math.max(1, step - 2)} y={HEIGHT - value * HEIGHT} height={Math.max(1, value * HEIGHT)} className={value < 0.15 ? 'solo-delivery__bar--quiet' : 'solo-delivery__bar'} />
        ))}
      </svg>
      <dl className="solo-delivery__figures">
        <div>
          <dt>Speaking</dt>
          <dd data-testid="delivery-speaking">{Math.round(delivery.speakingShare * 100)}% of {seconds(delivery.durationMs)}</dd>
        </div>
        <div>
          <dt>Longest pause</dt>
          <dd data-testid="delivery-longest-pause">{seconds(delivery.longestPauseMs)}</dd>
        </div>
        <div>
          <dt>Pauses over 3 s</dt>
          <dd data-testid="delivery-long-pauses">{delivery.longPauses}</dd>
        </div>
        <div>
          <dt>Pace</dt>
          <dd data-testid="delivery-pace">~{delivery.syllablesPerMinute} syllables/min</dd>
        </div>
        <div>
          <dt>Steady volume</dt>
          <dd>{Math.round(delivery.loudnessSteadiness * 100)}%</dd>
        </div>
      </dl>
      <ul className="solo-delivery__advice">
        {deliveryAdvice(delivery).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
