declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: Array<{ name: string; configs?: string[] }>;
  }

  /** The S3-compatible test server (only access key S3RVER / S3RVER). */
  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Resolves with the bound address once listening. */
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
