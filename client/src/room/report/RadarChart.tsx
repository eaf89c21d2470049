import { scoredCriteria, wrapLabel, type ReportQuestion } from './chartText';
import { ChartMark } from './ChartMark';

const WIDTH = 390;
const CENTER = { x: WIDTH / 2, y: 0 };
const RADIUS = 82;
const LABEL_GAP = 12;
const LINE = 12;
const MARGIN = 8;

interface Point {
  x: number;
  y: number;
}

const at = (cos: number, sin: number, radius: number): Point => ({ x: CENTER.x + cos * radius, y: CENTER.y + sin * radius });
const pointList = (points: Point[]) => points.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** One axis per criterion, rings at levels 1–4; used once a question has three or more scores. */
export function RadarChart({ question, label }: { question: ReportQuestion; label: string }) {
  const scored = new Set(scoredCriteria(question));
  const axes = question.criteria.map((criterion, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / question.criteria.length;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const place = at(cos, sin, RADIUS + LABEL_GAP);
    const lines = wrapLabel(criterion.name, 16, 3);
    // Labels above the chart grow upwards, those below grow downwards, those beside it centre.
    const firstLineY = sin < -0.3 ? place.y - (lines.length - 1) * LINE : sin > 0.3 ? place.y + 9 : place.y - ((lines.length - 1) * LINE) / 2 + 3;
    const anchor = cos > 0.3 ? ('start' as const) : cos < -0.3 ? ('end' as const) : ('middle' as const);
    return { criterion, cos, sin, lines, x: place.x, firstLineY, anchor, point: at(cos, sin, (RADIUS * (criterion.score ?? 0)) / 4) };
  });
  const ring = (level: number) => pointList(axes.map(({ cos, sin }) => at(cos, sin, (RADIUS * level) / 4)));
  // The box fits the rings and the labels, however many axes there are and wherever they fall.
  const top = Math.min(...axes.flatMap((axis) => [axis.sin * RADIUS, axis.firstLineY - LINE])) - MARGIN;
  const bottom = Math.max(...axes.flatMap((axis) => [axis.sin * RADIUS, axis.firstLineY + (axis.lines.length - 1) * LINE + 4])) + MARGIN;

  return (
    <svg className="chart chart--radar" viewBox={`0 ${top.toFixed(0)} ${WIDTH} ${(bottom - top).toFixed(0)}`} role="img" aria-label={label}>
      {[1, 2, 3, 4].map((level) => (
        <polygon key={level} className={level === 4 ? 'chart__ring chart__ring--outer' : 'chart__ring'} points={ring(level)} />
      ))}
      {axes.map(({ criterion, cos, sin, lines, x, firstLineY, anchor }) => {
        const end = at(cos, sin, RADIUS);
        return (
          <g key={criterion.id}>
            <line className="chart__axis" x1={CENTER.x} y1={CENTER.y} x2={end.x} y2={end.y} />
            <text className={scored.has(criterion) ? 'chart__label' : 'chart__label chart__label--muted'} textAnchor={anchor}>
              <title>{criterion.name}</title>
              {lines.map((line, index) => (
                <tspan key={index} x={x} y={firstLineY + index * LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      <polygon className="chart__shape" points={pointList(axes.filter(({ criterion }) => scored.has(criterion)).map(({ point }) => point))} />
      {axes.map(({ criterion, point }) =>
        scored.has(criterion) ? (
          <ChartMark key={criterion.id} criterion={criterion}>
            <circle cx={point.x} cy={point.y} r={5} />
          </ChartMark>
        ) : null,
      )}
    </svg>
  );
}
