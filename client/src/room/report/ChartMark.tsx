import type { ReactNode } from 'react';
import { criterionSummary, type ReportCriterion } from './chartText';

/** One scored criterion on a chart, coloured by its level, with its score as a tooltip. */
export function ChartMark({ criterion, children }: { criterion: ReportCriterion; children: ReactNode }) {
  return (
    <g className={`chart__mark chart-level-${criterion.score}`} data-testid="chart-mark" data-criterion={criterion.id} data-score={criterion.score}>
      <title>{criterionSummary(criterion)}</title>
      {children}
    </g>
  );
}
