import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What an empty view says: why it is empty and the one thing to do next. */
export function EmptyState({
  icon,
  title,
  children,
  action,
  testId,
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="empty-state" data-testid={testId ?? 'empty-state'}>
      <div className="empty-state-icon">
        <Icon name={icon} size={28} />
      </div>
      <h2>{title}</h2>
      {children && <div className="empty-state-text">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
