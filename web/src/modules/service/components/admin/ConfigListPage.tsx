import type { ReactNode } from 'react';
import { Button, Card, Popconfirm, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/i18n/useT';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import type { ConfigList } from '../../useConfigList';
import { ErrorAlert } from '../../../../shared/ui/ErrorAlert';

/**
 * The shape of the service centre's configuration pages (分派规则, SLA 策略, 标准答复): a header
 * with refresh and "new", the error of the last read, optional filters, then the records in a
 * table. `onNew` absent hides the "new" button (for people who may only look). The dialogs go in
 * `children`.
 */
export function ConfigListPage<T extends { id: number }>({
  title,
  description,
  newLabel,
  newTestId,
  onNew,
  list,
  toolbar,
  columns,
  order,
  emptyText,
  tableTestId,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  newLabel: ReactNode;
  newTestId: string;
  onNew?: () => void;
  list: ConfigList<T>;
  toolbar?: ReactNode;
  columns: TableColumnsType<T>;
  /** The order rows are shown in; the server's when absent. */
  order?: (a: T, b: T) => number;
  emptyText: ReactNode;
  tableTestId: string;
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        onRefresh={() => void list.reload()}
        extra={
          <>
            {onNew && (
              <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid={newTestId}>
                {newLabel}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={list.error} />
      <Card variant="borderless" styles={{ body: { paddingTop: toolbar ? 16 : 8 } }}>
        {toolbar}
        <Table<T>
          rowKey="id"
          columns={columns}
          dataSource={order ? [...list.items].sort(order) : list.items}
          loading={list.loading}
          pagination={false}
          size="middle"
          locale={{ emptyText }}
          data-testid={tableTestId}
        />
      </Card>
      {children}
    </>
  );
}

/** 删除 with its confirmation, for a row of a configuration table. */
export function DeleteAction({ confirm, onConfirm, testId }: { confirm: ReactNode; onConfirm: () => Promise<void>; testId: string }) {
  const t = useT();
  return (
    <Popconfirm title={confirm} okButtonProps={{ danger: true }} onConfirm={onConfirm}>
      <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={testId}>
        {t('serviceAdmin.ruleDelete')}
      </Button>
    </Popconfirm>
  );
}
