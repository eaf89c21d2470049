import { ChartMark } from './ChartMark';
import { wrapLabel, type ReportQuestion } from './chartText';

const WIDTH = 360;
const ROW = 30;
const LABEL_WIDTH = 150;
const BAR_X = 158;
const BAR_WIDTH = 160;
const AXIS = 18;

/** A bar per criterion on a 1–4 scale; used while a question has fewer than three scores. */
export function BarChart({ question, label }: { question: ReportQuestion; label: string }) {
  const height = question.criteria.length * ROW + AXIS;
  const x = (level: number) => BAR_X + (BAR_WIDTH * level) / 4;
  return (
    <svg className="chart chart--bars" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      {[1, 2, 3, 4].map((level) => (
        <g key={level}>
          <line className="chart__grid" x1={x(level)} x2={x(level)} y1={0} y2={height - AXIS} />
          <text className="chart__tick" x={x(level)} y={height - 4} textAnchor="middle">
            {level}
          </text>
        </g>
      ))}
      {question.criteria.map((criterion, row) => {
        const y = row * ROW;
        return (
          <g key={criterion.id}>
            <text className={criterion.score == null ? 'chart__label chart__label--muted' : 'chart__label'} x={0} y={y + ROW / 2 + 4}>
              <title>{criterion.name}</title>
              {wrapLabel(criterion.name, Math.floor(LABEL_WIDTH / 6.2), 1)[0]}
            </text>
            <rect className="chart__track" x={BAR_X} y={y + 7} width={BAR_WIDTH} height={ROW - 14} rx={3} />
            {criterion.score == null ? (
              <text className="chart__value chart__label--muted" x={BAR_X + 6} y={y + ROW / 2 + 4}>
                not scored
              </text>
            ) : (
              <ChartMark criterion={criterion}>
                <rect x={BAR_X} y={y + 7} width={x(criterion.score) - BAR_X} height={ROW - 14} rx={3} />
                <text className="chart__value" x={x(criterion.score) + 6} y={y + ROW / 2 + 4}>
                  {criterion.score}/4
                </text>
              </ChartMark>
            )}
          </g>
        );
      })}
    </svg>
  );
}
