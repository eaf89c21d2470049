import type { HistoryEntry } from '@quorum/shared';
import type { ChartLine } from './TopicChart';

const WIDTH = 640;
const ROW = 30;
const LABEL_WIDTH = 170;
const BAR_X = 180;
const BAR_WIDTH = 380;
const AXIS = 20;

/**
 * One interview has no trend to draw: its lines would all be single points on top of each other.
 * Bars show each score side by side instead, until a second interview gives them a direction.
 */
export function FirstInterviewBars({ entry, lines, overallColor }: { entry: HistoryEntry; lines: ChartLine[]; overallColor: string }) {
  const rows = [
    { key: 'overall', label: 'Overall', color: overallColor, score: entry.overall },
    ...lines.map(({ topic, color }) => ({ key: topic, label: topic, color, score: entry.topics[topic] ?? null })),
  ];
  const height = rows.length * ROW + AXIS;
  const x = (score: number) => BAR_X + (BAR_WIDTH * score) / 100;
  return (
    <svg className="chart topic-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Scores of your one interview so far, ${entry.title}`} data-testid="topic-bars">
      {[0, 25, 50, 75, 100].map((tick) => (
        <g key={tick}>
          <line className="chart__grid" x1={x(tick)} x2={x(tick)} y1={0} y2={height - AXIS} />
          <text className="chart__tick" x={x(tick)} y={height - 5} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const top = index * ROW + 6;
        return (
          <g key={row.key} data-testid="topic-bar" data-topic={row.key}>
            <text className="chart__label" x={LABEL_WIDTH} y={top + 13} textAnchor="end">
              {row.label}
            </text>
            {row.score === null ? (
              <text className="chart__tick" x={BAR_X + 4} y={top + 13}>
                not scored
              </text>
            ) : (
              <>
                <rect x={BAR_X} y={top} width={Math.max(2, x(row.score) - BAR_X)} height={18} rx={3} fill={row.color} opacity={row.key === 'overall' ? 0.55 : 0.9} />
                <text className="chart__value" x={x(row.score) + 6} y={top + 13}>
                  {Math.round(row.score)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
