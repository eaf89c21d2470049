import type { HistoryEntry } from '@quorum/shared';
import { seriesOf, type SeriesPoint } from './topicSeries';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 40, right: 34, top: 14, bottom: 40 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
/** Date labels closer than this overlap; the rest are thinned out. */
const MIN_LABEL_GAP = 70;

export interface ChartLine {
  topic: string;
  color: string;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The day under an interview, or only its time when the label before it names the same day. */
function axisLabel(at: number, labelledBefore: number | undefined): string {
  const sameDay = labelledBefore !== undefined && new Date(labelledBefore).toDateString() === new Date(at).toDateString();
  return sameDay ? timeFormat.format(at) : dayFormat.format(at);
}

/**
 * Scores (0–100) per topic across interviews, oldest on the left. Interviews sit at even steps
 * rather than by date, so a burst of practice on one day stays readable.
 */
export function TopicChart({ entries, lines, overallColor }: { entries: HistoryEntry[]; lines: ChartLine[]; overallColor: string }) {
  const x = (index: number) => PAD.left + (entries.length === 1 ? PLOT_W / 2 : (index * PLOT_W) / (entries.length - 1));
  const y = (score: number) => PAD.top + PLOT_H * (1 - score / 100);
  const labelEvery = Math.max(1, Math.ceil((MIN_LABEL_GAP * entries.length) / PLOT_W));
  const labelled = entries.flatMap((entry, index) => (index % labelEvery === 0 || index === entries.length - 1 ? [{ entry, index }] : []));
  const series = [
    { key: 'overall', label: 'Overall', color: overallColor, points: seriesOf(entries, (entry) => entry.overall), dashed: true },
    ...lines.map(({ topic, color }) => ({ key: topic, label: topic, color, points: seriesOf(entries, (entry) => entry.topics[topic]), dashed: false })),
  ];

  return (
    <svg className="topic-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={describe(series)} data-testid="topic-chart">
      {[0, 25, 50, 75, 100].map((score) => (
        <g key={score}>
          <line className="chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(score)} y2={y(score)} />
          <text className="chart__tick" x={PAD.left - 8} y={y(score) + 4} textAnchor="end">
            {score}
          </text>
        </g>
      ))}
      {labelled.map(({ entry, index }, k) => (
        <text key={entry.roomId} className="chart__tick" x={x(index)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle">
          {axisLabel(entry.at, labelled[k - 1]?.entry.at)}
        </text>
      ))}
      {series.map(({ key, label, color, points, dashed }) => (
        <g key={key} className="topic-chart__line" data-testid="topic-line" data-topic={key} style={{ color }}>
          {points.length > 1 && (
            <polyline
              points={points.map((point) => `${x(point.index)},${y(point.score)}`).join(' ')}
              fill="none"
              stroke="currentColor"
              strokeWidth={dashed ? 1.5 : 2.5}
              strokeDasharray={dashed ? '5 4' : undefined}
            />
          )}
          {points.map((point) => (
            <circle key={point.index} cx={x(point.index)} cy={y(point.score)} r={dashed ? 3 : 4.5} fill="currentColor">
              <title>{pointTitle(label, point)}</title>
            </circle>
          ))}
        </g>
      ))}
    </svg>
  );
}

function pointTitle(label: string, point: SeriesPoint): string {
  return `${label}: ${point.score} / 100 · ${point.entry.title}, ${dayFormat.format(point.entry.at)}`;
}

function describe(series: { label: string; points: SeriesPoint[] }[]): string {
  const parts = series
    .filter(({ points }) => points.length > 0)
    .map(({ label, points }) => `${label} ${points.map((point) => point.score).join(', then ')}`);
  return `Scores over time. ${parts.join('; ')}.`;
}
