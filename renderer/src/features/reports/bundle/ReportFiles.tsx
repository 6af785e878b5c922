import { Icon } from '../../../components/Icon';
import { Panel } from '../../../components/Layout';
import { OpenReportButton } from './OpenReportButton';
import { RecentReports } from './RecentReports';

/** Reports › Report files: open a .lakereport, or one of the recent ones. Needs no workspace. */
export function ReportFiles({ isVisible, onOpen }: { isVisible: boolean; onOpen: (path: string) => void }) {
  return (
    <div className="stack" data-testid="report-files">
      <div className="report-files-intro">
        <Icon name="package" size={28} className="report-files-icon" />
        <div className="report-files-text">
          <h2>Open an exported report</h2>
          <p className="muted">
            A <code>.lakereport</code> file holds a report&apos;s data, charts and checksums. It opens here
            with no lake, no AWS sign-in and no network, and shows whether anything in it has changed since it
            was exported. You can also drag one onto the window.
          </p>
        </div>
        <OpenReportButton primary />
      </div>
      <Panel title="Recent reports" className="flush" testId="recent-panel">
        <RecentReports isVisible={isVisible} onOpen={onOpen} />
      </Panel>
    </div>
  );
}
