import { fileSlug } from '../../../lib/download';

export type ExportFormat = 'bundle' | 'xlsx' | 'pdf';

export interface FormatInfo {
  format: ExportFormat;
  label: string;
  /** One line under the label in the menu: what the file is for. */
  detail: string;
  /** Without the dot, as the save dialog takes it. */
  extension: string;
}

export const FORMATS: Record<ExportFormat, FormatInfo> = {
  bundle: {
    format: 'bundle',
    label: 'Report bundle (.lakereport)',
    detail: 'Data, charts and PDF summary, self-checking; opens offline in Lakedesk',
    extension: 'lakereport',
  },
  xlsx: {
    format: 'xlsx',
    label: 'Excel (.xlsx)',
    detail: 'A sheet per table with number formats, chart data and an About sheet',
    extension: 'xlsx',
  },
  pdf: {
    format: 'pdf',
    label: 'PDF',
    detail: 'The summary: headline figures, charts, tables and the SQL',
    extension: 'pdf',
  },
};

/** The name a save dialog proposes: `Gross profit` → `gross-profit.lakereport`. */
export function defaultFileName(title: string, format: ExportFormat): string {
  return `${fileSlug(title)}.${FORMATS[format].extension}`;
}

/**
 * Where browser mode serves an export the core wrote to its downloads folder. The name is the
 * core's own (`ExportedFile.fileName`), encoded so it stays one path segment.
 */
export function downloadHref(fileName: string): string {
  return `/download/${encodeURIComponent(fileName)}`;
}

/**
 * Hands a browser-mode export to the browser's own download (an attachment from the same origin,
 * authorised by the session cookie). A plain link click: no blob of the file in the page's memory.
 */
export function startDownload(fileName: string): void {
  const link = document.createElement('a');
  link.href = downloadHref(fileName);
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
