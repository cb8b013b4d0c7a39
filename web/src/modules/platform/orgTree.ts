import { kOrgUnitKinds, type OrgUnit } from './types';

export interface OrgTreeNode extends OrgUnit {
  children?: OrgTreeNode[];
}

/**
 * Builds the forest from the flat list. A unit whose parent is not in the list (outside the
 * caller's scope) becomes a root. Siblings are sorted by kind order, then name.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const unit of units) nodes.set(unit.id, { ...unit });
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const order = (a: OrgTreeNode, b: OrgTreeNode) =>
    kOrgUnitKinds.indexOf(a.kind) - kOrgUnitKinds.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id;
  const sortDeep = (list: OrgTreeNode[]) => {
    list.sort(order);
    for (const node of list) if (node.children) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}

/** Ids of every node that has children: for "expand all". */
export function parentIds(tree: readonly OrgTreeNode[]): number[] {
  const ids: number[] = [];
  const walk = (list: readonly OrgTreeNode[]) => {
    for (const node of list) {
      if (node.children?.length) {
        ids.push(node.id);
        walk(node.children);
      }
    }
  };
  walk(tree);
  return ids;
}

export interface OrgTreeSelectNode {
  value: number;
  title: string;
  kind: OrgUnit['kind'];
  children?: OrgTreeSelectNode[];
}

/** The tree in antd TreeSelect's shape. */
export function toTreeSelectData(tree: readonly OrgTreeNode[]): OrgTreeSelectNode[] {
  return tree.map((node) => ({
    value: node.id,
    title: node.name,
    kind: node.kind,
    children: node.children ? toTreeSelectData(node.children) : undefined,
  }));
}

/** "集团 / 华东区域 / 上海公司": the names from the root down to the unit. */
export function orgPath(byId: ReadonlyMap<number, OrgUnit>, id: number | null, separator = ' / '): string {
  const names: string[] = [];
  const seen = new Set<number>();
  let current = id === null ? undefined : byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parent_id === null ? undefined : byId.get(current.parent_id);
  }
  return names.join(separator);
}
