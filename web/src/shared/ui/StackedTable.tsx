import type { Key, ReactNode } from 'react';
import { Flex, Grid, Table, Typography, type TableColumnsType } from 'antd';
import type { ColumnType } from 'antd/es/table';

/** One cell as the column draws it: its render of the row's value, or the value itself. */
function cellOf<T extends object>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const field = column.dataIndex as keyof T | undefined;
  const value = field === undefined ? undefined : row[field];
  if (column.render) return column.render(value, row, index) as ReactNode;
  return value as ReactNode;
}

/**
 * A small bordered table of a few rows (a report's, unpaged). On a phone it stacks each row as a
 * card of label and value, one line per column, so that nothing scrolls sideways; the columns are
 * the table's own (title, dataIndex, render).
 */
export function StackedTable<T extends object>({
  rows,
  columns,
  rowKey,
  testId,
}: {
  rows: T[];
  columns: TableColumnsType<T>;
  rowKey: (row: T) => Key;
  testId: string;
}) {
  const narrow = !Grid.useBreakpoint().md;
  if (!narrow) {
    return <Table<T> rowKey={rowKey} size="small" bordered columns={columns} dataSource={rows} pagination={false} data-testid={testId} />;
  }
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {rows.map((row, index) => (
        <div key={rowKey(row)} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '6px 12px' }}>
          {(columns as ColumnType<T>[]).map((column) => (
            <Flex key={String(column.key)} justify="space-between" gap={12} style={{ padding: '3px 0', fontSize: 13 }}>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {column.title as ReactNode}
              </Typography.Text>
              <span style={{ textAlign: 'right', overflowWrap: 'anywhere', minWidth: 0 }}>{cellOf(column, row, index)}</span>
            </Flex>
          ))}
        </div>
      ))}
    </Flex>
  );
}
