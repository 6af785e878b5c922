import { useWorkspace } from '../../app/WorkspaceContext';
import type { PageProps } from '../../app/Shell';
import { AwsClustersPage } from './aws/AwsClustersPage';
import { LocalClustersPage } from './LocalClustersPage';

/** Clusters: EMR clusters and steps in an AWS workspace, the lake's own jobs in a local one. */
export function ClustersPage(props: PageProps) {
  const { active } = useWorkspace();
  return active?.kind === 'aws' ? (
    <AwsClustersPage {...props} workspace={active} />
  ) : (
    <LocalClustersPage {...props} />
  );
}
