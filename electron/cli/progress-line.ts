import type { JobProgress } from '@shared/jobs.schema';

/** A one-line progress display on stderr, only when stderr is a terminal (never in pipes or CI logs). */
export class ProgressLine {
  private readonly enabled = Boolean(process.stderr.isTTY);
  private shown = false;

  constructor(private readonly label: string) {}

  update(progress: JobProgress): void {
    if (!this.enabled) return;
    const { done, total, unit, message } = progress;
    let text = `${this.label}: `;
    if (total !== undefined && total > 0) {
      const ratio = Math.min(1, done / total);
      const width = 24;
      const filled = Math.round(ratio * width);
      text += `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(ratio * 100)}%`;
    } else {
      text += `${done.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
    }
    if (message) text += ` ${message}`;
    process.stderr.write(`\r\x1b[2K${text.slice(0, (process.stderr.columns || 100) - 1)}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
