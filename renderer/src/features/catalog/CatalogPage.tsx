import { useWorkspace } from '../../app/WorkspaceContext';
import type { PageProps } from '../../app/Shell';
import { AwsCatalogPage } from './aws/AwsCatalogPage';
import { LocalCatalogPage } from './LocalCatalogPage';

/** The catalog: Glue and Lake Formation in an AWS workspace, the lake's own crawl in a local one. */
export function CatalogPage(props: PageProps) {
  const { active } = useWorkspace();
  return active?.kind === 'aws' ? (
    <AwsCatalogPage {...props} workspace={active} />
  ) : (
    <LocalCatalogPage {...props} />
  );
}
