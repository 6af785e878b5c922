import { useState } from 'react';
import type { DeviceCodePrompt } from '@shared/accounts.schema';
import { Icon } from '../../components/Icon';
import { formatRemaining } from './sign-in-status';
import { useNow } from './useNow';

/**
 * What the person needs to approve a sign-in: the page to open and the code to compare there.
 * The link opens a new tab in browser mode; in the desktop app the same click (and the sign-in
 * itself) opens the system browser, since the window denies new windows and hands https links on.
 */
export function DeviceCodeCard({
  prompt,
  organisation,
  onCancel,
  compact,
}: {
  prompt: DeviceCodePrompt;
  organisation: string;
  onCancel: () => void;
  compact?: boolean;
}) {
  const now = useNow(1000);
  const [isCopied, setCopied] = useState(false);
  const left = new Date(prompt.expiresAt).getTime() - now;
  const href = prompt.verificationUriComplete ?? prompt.verificationUri;

  const copy = () => {
    void navigator.clipboard?.writeText(prompt.userCode).then(
      () => setCopied(true),
      () => undefined,
    );
  };

  return (
    <div
      className={compact ? 'device-code compact' : 'device-code'}
      role="group"
      aria-label={`Sign-in code for ${organisation}`}
      data-testid="device-code"
    >
      <div className="device-code-text">
        <div className="device-code-title">Approve the sign-in to {organisation} in your browser</div>
        <ol className="device-code-steps">
          <li>
            Open{' '}
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              className="device-code-link"
              data-testid="device-code-link"
            >
              the sign-in page
              <Icon name="chevron" size={12} />
            </a>{' '}
            <span className="mono muted device-code-url">{prompt.verificationUri}</span>
          </li>
          <li>Check that it shows this code, then approve.</li>
        </ol>
      </div>
      <div className="device-code-box">
        <button
          type="button"
          className="device-code-value"
          title="Copy the code"
          onClick={copy}
          data-testid="device-code-value"
        >
          {prompt.userCode}
        </button>
        <div className="device-code-meta">
          {isCopied ? 'Copied · ' : ''}
          {left > 0 ? `Code valid for ${formatRemaining(left)}` : 'Code expired'}
        </div>
      </div>
      <button
        type="button"
        className="button small subtle"
        onClick={onCancel}
        data-testid="device-code-cancel"
      >
        Cancel
      </button>
    </div>
  );
}
