/** The user-metadata keys (`x-amz-meta-…`) Lakedesk writes on every object it uploads. */
export const META = {
  sha256: 'lakedesk-sha256',
  dataset: 'lakedesk-dataset',
  uploadedBy: 'lakedesk-uploaded-by',
  uploadedAt: 'lakedesk-uploaded-at',
  sourceName: 'lakedesk-source-name',
  /** Ties an object to the transfer that wrote it, so a completion whose answer was lost is recognised. */
  transferId: 'lakedesk-transfer-id',
} as const;

/**
 * S3 sends metadata as HTTP headers, which carry US-ASCII only: anything else (a file name in
 * Japanese, a dataset with an accent) is percent-encoded, and decoded on the way back.
 */
export function encodeMetaValue(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) && !value.includes('%') ? value : encodeURIComponent(value);
}

export function decodeMetaValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface LakedeskMetadata {
  sha256?: string;
  dataset?: string;
  uploadedBy?: string;
  uploadedAt?: string;
  sourceName?: string;
}

/** What Lakedesk recorded on an object, or undefined when it did not upload it. */
export function lakedeskMetadataOf(metadata: Record<string, string>): LakedeskMetadata | undefined {
  const found: LakedeskMetadata = {};
  for (const field of ['sha256', 'dataset', 'uploadedBy', 'uploadedAt', 'sourceName'] as const) {
    const value = metadata[META[field]];
    if (value !== undefined) found[field] = decodeMetaValue(value);
  }
  return Object.keys(found).length > 0 ? found : undefined;
}
