import type { InterviewReport } from '@quorum/shared';
import { useState } from 'react';
import { ExportButtons, type ExportSource } from './ExportButtons';
import { ReportDialog } from './ReportDialog';

interface Props {
  report: InterviewReport;
  source: ExportSource;
  /** Saves pending edits first, so a download holds what is on screen. */
  beforeExport?: () => Promise<void>;
  openLabel: string;
}

/** Opening the report as a printable page, and downloading it. */
export function ReportActions({ report, source, beforeExport, openLabel }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div className="report-actions">
      <button type="button" className="button button--small button--primary" data-testid="open-report" onClick={() => setOpen(true)}>
        {openLabel}
      </button>
      <ExportButtons source={source} beforeExport={beforeExport} />
      {open && <ReportDialog report={report} source={source} beforeExport={beforeExport} onClose={() => setOpen(false)} />}
    </div>
  );
}
