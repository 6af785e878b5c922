import { useEffect, useState } from 'react';
import { Icon } from './Icon';

/** Copies a text (an S3 URI, an id) to the clipboard and says so for a moment. */
export function CopyButton({
  text,
  label = 'Copy',
  testId,
}: {
  text: string;
  label?: string;
  testId?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1600);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    // navigator.clipboard needs a secure context: Electron's app:// and browser mode's 127.0.0.1 are.
    const write = navigator.clipboard?.writeText(text);
    if (!write) return setState('failed');
    write.then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button
      type="button"
      className="button small subtle copy-button"
      onClick={copy}
      title={`Copy ${text}`}
      data-testid={testId ?? 'copy-button'}
      data-copied={state === 'copied' || undefined}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={13} />
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
