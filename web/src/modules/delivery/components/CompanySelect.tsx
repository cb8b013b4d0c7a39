import { useMemo } from 'react';
import type { TreeSelectProps } from 'antd';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { OrgUnitTreeSelect } from '../../platform/components/OrgUnitTreeSelect';
import type { OrgTreeNode } from '../../platform/orgTree';

/** The tree without its projects: the units a fund may belong to. */
function withoutProjects(tree: readonly OrgTreeNode[]): OrgTreeNode[] {
  return tree
    .filter((node) => node.kind !== 'project')
    .map((node) => ({ ...node, children: node.children ? withoutProjects(node.children) : undefined }));
}

/** The companies (org units that are not projects) the user sees, as a tree; empty for a project's people. */
export function useCompanyTree() {
  const { tree, byId } = useOrgUnits();
  const companies = useMemo(() => withoutProjects(tree), [tree]);
  return { companies, byId };
}

/**
 * A company whose 一路同行 fund it is, chosen from the org tree (城市公司, and the region or group
 * above it; no project): also one without a fund yet. Works as a Form.Item control.
 */
export function CompanySelect(props: Omit<TreeSelectProps<number>, 'treeData'>) {
  const { companies } = useCompanyTree();
  return <OrgUnitTreeSelect tree={companies} {...props} />;
}
