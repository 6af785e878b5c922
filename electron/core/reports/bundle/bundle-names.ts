/** The envelope of every bundle: what it is, and the checksums that vouch for the rest. */
export const MANIFEST = 'manifest.json';
export const CHECKSUMS = 'checksums.json';
export const SUMMARY_PDF = 'summary.pdf';

/** Limits for members read into memory: far above any real manifest, far below a zip bomb. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;
