import type { InterviewReport } from '@quorum/shared';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { ExportButtons, type ExportSource } from './ExportButtons';
import { ReportView } from './ReportView';

interface Props {
  report: InterviewReport;
  source: ExportSource;
  beforeExport?: () => Promise<void>;
  onClose: () => void;
}

/**
 * The report as a page of its own over the room: room to read, and what the browser prints (the
 * print stylesheet hides the room behind it), so "Save as PDF" gives a clean document.
 */
export function ReportDialog({ report, source, beforeExport, onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);
  const onCloseLatest = useRef(onClose);
  onCloseLatest.current = onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const room = document.getElementById('root');
    if (room) room.inert = true;
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onCloseLatest.current();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (room) room.inert = false;
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div className="report-page" role="dialog" aria-modal="true" aria-label={`Report: ${report.title}`} data-testid="report-page">
      <div className="report-page__bar">
        <strong className="report-page__title">{report.title}</strong>
        <ExportButtons source={source} beforeExport={beforeExport} />
        <button type="button" className="button button--small" data-testid="report-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button ref={close} type="button" className="button button--small button--primary" data-testid="report-close" onClick={onClose}>
          Close
        </button>
      </div>
      <ReportView report={report} />
    </div>,
    document.body,
  );
}
