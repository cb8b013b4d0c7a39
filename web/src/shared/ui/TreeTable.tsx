import type { Key, ReactNode } from 'react';
import { Table, type TableColumnsType } from 'antd';

/**
 * A whole tree in a table (组织架构, 工单分类): unpaged, rows keyed by `id` with their `children`
 * indented under them, opened as `expanded` says.
 */
export function TreeTable<T extends { id: number }>({
  rows,
  columns,
  loading,
  expanded,
  onExpandedChange,
  emptyText,
  testId,
}: {
  rows: T[];
  columns: TableColumnsType<T>;
  loading: boolean;
  expanded: readonly Key[];
  onExpandedChange: (keys: readonly Key[]) => void;
  emptyText: ReactNode;
  testId: string;
}) {
  return (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="middle"
      expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: onExpandedChange, indentSize: 24 }}
      locale={{ emptyText }}
      data-testid={testId}
    />
  );
}
