import type { EncryptionChoice } from '@shared/transfers.schema';

interface Props {
  value: EncryptionChoice;
  onChange(next: EncryptionChoice): void;
}

/** Server-side encryption for one upload: the bucket's default, SSE-S3, or SSE-KMS with a key. */
export function EncryptionPicker({ value, onChange }: Props) {
  return (
    <div className="upload-template">
      <label>
        <span>Encryption</span>
        <select
          value={value.mode}
          onChange={(e) => onChange({ mode: e.target.value as EncryptionChoice['mode'] })}
          data-testid="upload-encryption"
        >
          <option value="bucketDefault">Bucket default</option>
          <option value="sse-s3">SSE-S3 (keys managed by S3)</option>
          <option value="sse-kms">SSE-KMS (a KMS key)</option>
        </select>
      </label>
      {value.mode === 'sse-kms' && (
        <label>
          <span>KMS key</span>
          <input
            type="text"
            placeholder="key id, alias/… or ARN (empty: aws/s3)"
            value={value.kmsKeyId ?? ''}
            onChange={(e) =>
              onChange(e.target.value ? { mode: 'sse-kms', kmsKeyId: e.target.value } : { mode: 'sse-kms' })
            }
            data-testid="upload-kms-key"
          />
        </label>
      )}
    </div>
  );
}
