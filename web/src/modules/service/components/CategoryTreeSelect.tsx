import { Form, Select, TreeSelect, type TreeSelectProps } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { gradeOptions, kindOptions } from '../labels';
import type { CategoryNode } from '../useCategories';

/** Picks a ticket category from the tree of active ones (`useCategories().tree`), searching by name. */
export function CategoryTreeSelect({ tree, ...props }: { tree: CategoryNode[] } & Omit<TreeSelectProps<number>, 'treeData'>) {
  return <TreeSelect<number> treeData={tree} allowClear showSearch treeNodeFilterProp="title" {...props} />;
}

/** A category filter over a list (案例库, 标准答复): 240 wide, cleared to `undefined`. */
export function CategoryFilter({
  tree,
  value,
  onChange,
  placeholder,
  testId,
}: {
  tree: CategoryNode[];
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  placeholder: string;
  testId: string;
}) {
  const t = useT();
  return (
    <CategoryTreeSelect
      tree={tree}
      value={value}
      onChange={(next?: number) => onChange(next ?? undefined)}
      placeholder={placeholder}
      aria-label={t('ticket.category')}
      style={{ width: 240 }}
      data-testid={testId}
    />
  );
}

/**
 * The kind, grade and category a rule or policy applies to (分派规则, SLA 策略), each optional
 * ("any"); for a form whose values have `kind`, `grade` and `category_id`.
 */
export function TicketScopeFields({ categories }: { categories: CategoryNode[] }) {
  const t = useT();
  const any = t('serviceAdmin.ruleAny');
  return (
    <>
      <Form.Item name="kind" label={t('serviceAdmin.ruleKind')}>
        <Select allowClear options={kindOptions(t)} placeholder={any} />
      </Form.Item>
      <Form.Item name="grade" label={t('serviceAdmin.ruleGrade')}>
        <Select allowClear options={gradeOptions(t)} placeholder={any} />
      </Form.Item>
      <Form.Item name="category_id" label={t('serviceAdmin.ruleCategory')}>
        <CategoryTreeSelect tree={categories} placeholder={any} />
      </Form.Item>
    </>
  );
}
