import { useEffect, useRef } from 'react';
import { useLake } from '../lib/LakeProvider';
import { notifyOs } from '../lib/os-notification';
import { useToasts, type ToastKind } from './ToastContext';
import { useWorkspace } from './WorkspaceContext';

const CRAWL_KIND: Record<string, ToastKind> = { SUCCEEDED: 'success', FAILED: 'error', CANCELLED: 'info' };
const STEP_KIND: Record<string, ToastKind> = { COMPLETED: 'success', FAILED: 'error', INTERRUPTED: 'error' };

/**
 * Says when watched remote work ends, wherever the person is in the app: a toast for every crawl
 * (`catalog.crawlEnded`) and EMR step (`clusters.stepEnded`), and an OS notification in the desktop app
 * when its window is in the background. The core words both (`title`, `body`).
 */
export function PipelineNotices() {
  const lake = useLake();
  const { push } = useToasts();
  const { workspaces, active } = useWorkspace();
  // Read inside the listeners, so switching workspace does not drop an event between subscriptions.
  const where = useRef<(workspaceId: string) => string>(() => '');
  where.current = (workspaceId) => {
    if (workspaceId === active?.id) return '';
    const name = workspaces.find((w) => w.id === workspaceId)?.name;
    return name ? ` (${name})` : '';
  };

  useEffect(() => {
    const offCrawl = lake.on('catalog.crawlEnded', ({ workspaceId, outcome, title, body }) => {
      push({
        kind: CRAWL_KIND[outcome.status] ?? 'info',
        title: `${title}${where.current(workspaceId)}`,
        detail: body,
      });
      notifyOs(title, body);
    });
    const offStep = lake.on('clusters.stepEnded', ({ workspaceId, outcome, title, body }) => {
      push({
        kind: STEP_KIND[outcome.step.state] ?? 'info',
        title: `${title}${where.current(workspaceId)}`,
        detail: body,
      });
      notifyOs(title, body);
    });
    return () => {
      offCrawl();
      offStep();
    };
  }, [lake, push]);
  return null;
}
