import { useEffect, useMemo, useState } from 'react';
import type { EncryptionChoice } from '@shared/transfers.schema';
import { EncryptionPicker } from './EncryptionPicker';
import type { LakeErrorShape } from '@shared/errors';
import type { InspectedFile, TransferItem, TransferSource } from '@shared/transfers.schema';
import { routeHref } from '../../../app/route';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Badge, Loading } from '../../../components/Layout';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatBytes } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { crawlerPrefixUri, FINAL_STATES } from './transfer-sources';
import { TransferRow } from './TransferRow';
import type { TransfersState } from './useTransfers';

/** Destination templates offered for a drop (DOMAIN.md zones); '' keeps the proposed keys. */
const TEMPLATES = [
  { value: '', label: 'As proposed (the dataset’s own prefix at a bucket’s root)' },
  { value: 'raw/{dataset}/year={yyyy}/month={mm}/', label: 'raw/{dataset}/year={yyyy}/month={mm}/' },
  { value: 'landing/{dataset}/', label: 'landing/{dataset}/' },
];

/**
 * A drop onto a prefix: what each file is and where it would go (transfers.inspect), then the
 * queue's preflight. Files with findings are held here for a decision; the rest upload.
 */
export function UploadDialog({
  prefix,
  sources,
  byPath,
  transfers,
  onClose,
}: {
  prefix: string;
  sources: TransferSource[];
  byPath: boolean;
  transfers: TransfersState;
  onClose: (uploaded: boolean) => void;
}) {
  const lake = useLake();
  const [template, setTemplate] = useState('');
  const [encryption, setEncryption] = useState<EncryptionChoice>({ mode: 'bucketDefault' });
  const [inspected, setInspected] = useState<InspectedFile[]>();
  const [error, setError] = useState<LakeErrorShape>();
  const [batchId, setBatchId] = useState<string>();
  const [isStarting, setStarting] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    setInspected(undefined);
    lake.call('transfers.inspect', { to: prefix, sources, ...(template ? { template } : {}) }).then(
      (answer) => isCurrent && setInspected(answer.files),
      (e: unknown) => isCurrent && setError(toErrorShape(e)),
    );
    return () => {
      isCurrent = false;
    };
  }, [lake, prefix, sources, template]);

  const items: TransferItem[] = useMemo(
    () => (batchId ? (transfers.snapshot?.transfers ?? []).filter((t) => t.batchId === batchId) : []),
    [batchId, transfers.snapshot],
  );

  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      const answer = await lake.call('transfers.enqueue', {
        to: prefix,
        sources,
        ...(template ? { template } : {}),
        encryption,
        onConflict: 'ask',
        onFindings: 'hold',
      });
      setBatchId(answer.batchId);
      transfers.refresh();
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setStarting(false);
    }
  };

  const held = items.filter((t) => t.state === 'held');
  const isFinished = items.length > 0 && items.every((t) => FINAL_STATES.has(t.state));
  const done = items.filter((t) => t.state === 'done');
  const crawlerPrefixes = [...new Set(done.filter((t) => !t.quarantined).map(crawlerPrefixUri))];
  const bytesTotal = items.reduce((sum, t) => sum + t.size, 0);
  const bytesDone = items.reduce((sum, t) => sum + (t.state === 'done' ? t.size : t.bytesDone), 0);
  const close = () => onClose(done.length > 0);
  const where = prefix.replace(/\/$/, '');

  const footer = !batchId ? (
    <>
      <button type="button" className="button" onClick={close}>
        Cancel
      </button>
      <button
        type="button"
        className="button primary"
        onClick={() => void start()}
        disabled={!inspected || isStarting}
        data-testid="upload-start"
      >
        Check and upload {sources.length} file{sources.length === 1 ? '' : 's'}
      </button>
    </>
  ) : (
    <>
      {held.length > 1 && (
        <>
          <button
            type="button"
            className="button"
            onClick={() =>
              void transfers.act('transfers.resolve', { ids: held.map((t) => t.id), action: 'skip' })
            }
          >
            Skip all held
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void transfers.act('transfers.resolve', { ids: held.map((t) => t.id), action: 'quarantine' })
            }
          >
            Quarantine all held
          </button>
        </>
      )}
      <button type="button" className="button primary" onClick={close} data-testid="upload-close">
        {isFinished ? 'Done' : 'Close (uploads go on in Transfers)'}
      </button>
    </>
  );

  return (
    <Dialog title={`Upload to s3://${where}/`} onClose={close} footer={footer} testId="upload-dialog" wide>
      {(error ?? transfers.error) && (
        <ErrorBanner
          error={(error ?? transfers.error)!}
          onDismiss={() => (error ? setError(undefined) : transfers.dismissError())}
        />
      )}
      {!batchId && (
        <>
          <p>
            Each CSV is checked against its dataset (recognised from its header) before a byte is sent. Files
            with findings are held back for you to decide.
          </p>
          <label className="upload-template">
            <span>Destination</span>
            <select
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
              data-testid="upload-template"
            >
              {TEMPLATES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <EncryptionPicker value={encryption} onChange={setEncryption} />
          {!inspected && !error && <Loading label="Reading headers…" />}
          {inspected && (
            <table className="data-table upload-plan" data-testid="upload-plan">
              <thead>
                <tr>
                  <th>File</th>
                  <th className="num">Size</th>
                  <th>Dataset</th>
                  <th>Goes to</th>
                </tr>
              </thead>
              <tbody>
                {inspected.map((f) => (
                  <tr key={f.source} data-testid="upload-plan-file" data-name={f.name}>
                    <td className="mono">{f.name}</td>
                    <td className="num">{formatBytes(f.size)}</td>
                    <td>
                      {f.dataset ? (
                        <Badge tone="accent">{f.dataset}</Badge>
                      ) : (
                        <span className="muted">
                          {f.isCsv ? 'not recognised' : 'not a CSV (not validated)'}
                        </span>
                      )}
                    </td>
                    <td className="mono upload-dest" title={f.uri}>
                      {f.uri}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {batchId && (
        <>
          <ProgressBar
            progress={{
              done: bytesDone,
              total: Math.max(bytesTotal, 1),
              message: `${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)} · ${done.length} of ${items.length} files uploaded${held.length ? ` · ${held.length} held` : ''}`,
            }}
            label="Upload of this drop"
          />
          {held.length > 0 && (
            <p className="upload-held-note" data-testid="upload-held-note">
              {held.length} file{held.length === 1 ? ' has' : 's have'} findings and{' '}
              {held.length === 1 ? 'is' : 'are'} held back. {byPath ? 'Fix and recheck, upload' : 'Upload'}{' '}
              {held.length === 1 ? 'it' : 'each'} to <code>quarantine/</code> (away from valid data), or skip
              it.
            </p>
          )}
          <ul className="transfer-list" data-testid="upload-items">
            {items.map((item) => (
              <TransferRow
                key={item.id}
                item={item}
                act={transfers.act}
                canRecheck={byPath}
                showCrawlerLink={false}
              />
            ))}
          </ul>
          {crawlerPrefixes.length > 0 && isFinished && (
            <div className="upload-crawlers" data-testid="upload-crawlers">
              Uploaded. Catalog the new data:{' '}
              {crawlerPrefixes.map((uri) => (
                <a key={uri} href={routeHref('catalog', 'crawlers', { prefix: uri })} className="mono">
                  crawlers for {uri}
                </a>
              ))}
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
