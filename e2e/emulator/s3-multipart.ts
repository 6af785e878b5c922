import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeXml, ServiceError, xml, type EmulatorReply } from './protocols';

/**
 * The multipart calls s3rver 3.7 lacks (ListParts, ListMultipartUploads, AbortMultipartUpload),
 * answered from s3rver's own files: `<data>/<bucket>/._S3rver_uploads/<uploadId>/` holds `key`,
 * `metadata`, and each part as `<n>` with its MD5 in `<n>.md5` (written once the part is stored).
 * Reading its folder keeps one source of truth, so a restarted s3rver still knows its uploads.
 */
export class S3rverMultipart {
  constructor(private readonly dataDir: string) {}

  uploadDir(bucket: string, uploadId: string): string {
    return join(this.dataDir, bucket, '._S3rver_uploads', uploadId.replace(/[^A-Za-z0-9]/g, ''));
  }

  async exists(bucket: string, uploadId: string): Promise<boolean> {
    const info = await stat(join(this.uploadDir(bucket, uploadId), 'key')).catch(() => undefined);
    return Boolean(info);
  }

  /** NoSuchUpload, as S3 answers for an aborted, completed or unknown upload id. */
  noSuchUpload(): ServiceError {
    return new ServiceError(
      404,
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    );
  }

  async listParts(bucket: string, key: string, query: URLSearchParams): Promise<EmulatorReply> {
    const uploadId = query.get('uploadId') ?? '';
    if (!(await this.exists(bucket, uploadId))) throw this.noSuchUpload();
    const dir = this.uploadDir(bucket, uploadId);
    const marker = Number(query.get('part-number-marker') ?? 0);
    const max = Math.min(1000, Number(query.get('max-parts') ?? 1000));
    const numbers = (await readdir(dir))
      .filter((name) => /^\d+\.md5$/.test(name))
      .map((name) => Number(name.slice(0, -4)))
      .filter((n) => n > marker)
      .sort((a, b) => a - b);
    const page = numbers.slice(0, max);
    const parts = await Promise.all(
      page.map(async (n) => {
        const [info, md5] = await Promise.all([
          stat(join(dir, String(n))),
          readFile(join(dir, `${n}.md5`), 'utf8'),
        ]);
        return (
          `<Part><PartNumber>${n}</PartNumber><LastModified>${info.mtime.toISOString()}</LastModified>` +
          `<ETag>"${md5.trim()}"</ETag><Size>${info.size}</Size></Part>`
        );
      }),
    );
    const truncated = numbers.length > page.length;
    return xml(
      `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
        `<Bucket>${escapeXml(bucket)}</Bucket><Key>${escapeXml(key)}</Key><UploadId>${escapeXml(uploadId)}</UploadId>` +
        `<PartNumberMarker>${marker}</PartNumberMarker><NextPartNumberMarker>${page.at(-1) ?? marker}</NextPartNumberMarker>` +
        `<MaxParts>${max}</MaxParts><IsTruncated>${truncated}</IsTruncated><StorageClass>STANDARD</StorageClass>` +
        `${parts.join('')}</ListPartsResult>`,
    );
  }

  async listUploads(bucket: string, query: URLSearchParams): Promise<EmulatorReply> {
    const prefix = query.get('prefix') ?? '';
    const root = join(this.dataDir, bucket, '._S3rver_uploads');
    const ids = await readdir(root).catch(() => [] as string[]);
    const uploads: Array<{ key: string; id: string; initiated: Date }> = [];
    for (const id of ids) {
      const key = await readFile(join(root, id, 'key'), 'utf8').catch(() => undefined);
      if (key === undefined || !key.startsWith(prefix)) continue;
      uploads.push({ key, id, initiated: (await stat(join(root, id, 'key'))).mtime });
    }
    uploads.sort((a, b) =>
      a.key === b.key ? a.initiated.getTime() - b.initiated.getTime() : a.key < b.key ? -1 : 1,
    );
    const body = uploads
      .map(
        (u) =>
          `<Upload><Key>${escapeXml(u.key)}</Key><UploadId>${u.id}</UploadId>` +
          `<Initiator><ID>emulator</ID><DisplayName>emulator</DisplayName></Initiator>` +
          `<StorageClass>STANDARD</StorageClass><Initiated>${u.initiated.toISOString()}</Initiated></Upload>`,
      )
      .join('');
    return xml(
      `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
        `<Bucket>${escapeXml(bucket)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
        `<Prefix>${escapeXml(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${body}` +
        `</ListMultipartUploadsResult>`,
    );
  }

  async abort(bucket: string, uploadId: string): Promise<EmulatorReply> {
    if (!(await this.exists(bucket, uploadId))) throw this.noSuchUpload();
    await rm(this.uploadDir(bucket, uploadId), { recursive: true, force: true });
    return { status: 204 };
  }

  /**
   * s3rver answers an UploadPart once its hash stream has finished, before the file stream has
   * flushed the part to disk; a CompleteMultipartUpload right after could read a short part.
   * Waiting here for the part's full length closes that race.
   */
  async waitForPart(bucket: string, uploadId: string, partNumber: string, length: number): Promise<void> {
    const file = join(this.uploadDir(bucket, uploadId), String(Number(partNumber)));
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const info = await stat(file).catch(() => undefined);
      if (info && info.size >= length) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
