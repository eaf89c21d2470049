import type { InterviewReport } from '@quorum/shared';
import type { ExportSource } from '../report/ExportButtons';
import { ReportActions } from '../report/ReportActions';
import { ReportView } from '../report/ReportView';

/** What the candidate reads once the interviewer releases feedback; only the released parts are present. */
export function FeedbackReport({ report, source }: { report: InterviewReport; source: ExportSource }) {
  return (
    <section className="feedback" data-testid="feedback-report" aria-label="Your feedback">
      <ReportActions report={report} source={source} openLabel="Open as a page" />
      <ReportView report={report} kicker="Your feedback" />
    </section>
  );
}
