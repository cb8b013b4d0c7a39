import { Tag, TreeSelect, type TreeSelectProps } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { kindLabel, kKindColors } from '../labels';
import { toTreeSelectData, type OrgTreeNode, type OrgTreeSelectNode } from '../orgTree';

/** Picks one org unit from the tree; each node shows its kind. Works as a Form.Item control. */
export function OrgUnitTreeSelect({ tree, ...props }: { tree: OrgTreeNode[] } & TreeSelectProps<number>) {
  const t = useT();
  return (
    <TreeSelect<number>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={toTreeSelectData(tree)}
      treeDefaultExpandAll
      treeTitleRender={(node) => {
        const unit = node as unknown as OrgTreeSelectNode;
        return (
          <span>
            {unit.title}
            <Tag color={kKindColors[unit.kind]} style={{ marginInlineStart: 8, fontSize: 11, lineHeight: '16px' }}>
              {kindLabel(t, unit.kind)}
            </Tag>
          </span>
        );
      }}
      {...props}
    />
  );
}
