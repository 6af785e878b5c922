/**
 * A test for "is this URL one of our app's pages?", for the IPC sender check and navigation guard.
 * Compares scheme, host and port rather than `URL.origin`: for a custom scheme such as `app:` the
 * WHATWG origin is the opaque string "null", which would match nothing (or everything opaque).
 */
export function appUrlMatcher(appBase: string): (url: string) => boolean {
  const base = new URL(appBase);
  return (url) => {
    let candidate: URL;
    try {
      candidate = new URL(url);
    } catch {
      return false;
    }
    return candidate.protocol === base.protocol && candidate.host === base.host && base.host !== '';
  };
}
