import type { LakeErrorShape } from '@shared/errors';
import { Icon } from './Icon';

const TITLES: Partial<Record<LakeErrorShape['code'], string>> = {
  NO_WORKSPACE: 'No lake is open',
  NOT_FOUND: 'Not found',
  INVALID_DATA: 'The data broke a rule',
  QUERY_FAILED: 'The query failed',
  BAD_INPUT: 'That input was not accepted',
  IO: 'The file system refused',
  FORBIDDEN: 'Not allowed',
  AWS_ERROR: 'AWS refused or failed the call',
  RUN_FAILED: 'The run failed',
};

/** A failure as people should see it: what failed and what to do next, never a stack trace. */
export function ErrorBanner({
  error,
  onRetry,
  onDismiss,
  compact,
}: {
  error: LakeErrorShape;
  onRetry?: () => void;
  onDismiss?: () => void;
  compact?: boolean;
}) {
  return (
    <div
      className={compact ? 'error-banner compact' : 'error-banner'}
      role="alert"
      data-testid="error-banner"
    >
      <Icon name="alert" className="error-banner-icon" />
      <div className="error-banner-text">
        {!compact && <div className="error-banner-title">{TITLES[error.code] ?? 'Something went wrong'}</div>}
        <div className="error-banner-message" data-testid="error-message">
          {error.message}
        </div>
        {error.hint && (
          <div className="error-banner-hint" data-testid="error-hint">
            {error.hint}
          </div>
        )}
      </div>
      <div className="error-banner-actions">
        {onRetry && (
          <button type="button" className="button small" onClick={onRetry}>
            Try again
          </button>
        )}
        {onDismiss && (
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
            <Icon name="close" size={14} />
          </button>
        )}
      </div>
    </div>
  );
}
