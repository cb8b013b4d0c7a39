import { useState } from 'react';
import { AutoComplete, Button, Card, Flex, Form, Input, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { isMessageKey, valueLabel, type Translate } from '../../../app/i18n/i18nContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { auditApi } from '../api';
import { auditKeys } from '../queries';
import { AuditDiff } from '../components/AuditDiff';
import type { AuditEntry, AuditQuery } from '../types';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kPageSize = 50;

// Known values for the filter suggestions; any other value may be typed.
const kActions = [
  'org_unit.created',
  'org_unit.updated',
  'user.created',
  'user.updated',
  'session.created',
  'session.revoked',
  'personal_data.viewed',
  'customer.created',
  'customer.updated',
  'customer.merged',
  'customer.anonymized',
  'personal_data.revealed',
];
const kEntityTypes = ['org_unit', 'user', 'customer'];

function actionLabel(t: Translate, action: string): string | null {
  const key = `action.${action}`;
  return isMessageKey(key) ? t(key) : null;
}

const entityLabel = (t: Translate, type: string) => valueLabel(t, 'entity', type);

function actionColor(action: string): string {
  if (action.endsWith('.created')) return 'green';
  if (action.endsWith('.updated')) return 'blue';
  if (action.endsWith('.deleted') || action.endsWith('.disabled')) return 'red';
  return 'default';
}

interface FilterValues {
  action?: string;
  entity_type?: string;
  entity_id?: string;
}

export default function AuditLogPage() {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditQuery>({});
  const entries = useCursorList(auditKeys.list(filters), (cursor, signal) => auditApi.list({ ...filters, limit: kPageSize, cursor }, signal));

  const applyFilters = (values: FilterValues) =>
    setFilters({
      action: values.action?.trim() || undefined,
      entity_type: values.entity_type?.trim() || undefined,
      entity_id: values.entity_id?.trim() || undefined,
    });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      key: 'at',
      width: 180,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actor_username',
      key: 'actor',
      width: 140,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => {
        const label = actionLabel(t, action);
        return (
          <Space size={6} wrap>
            <Tag color={actionColor(action)} className="hearth-mono" style={{ marginInlineEnd: 0 }}>
              {action}
            </Tag>
            {label && <Typography.Text type="secondary">{label}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, entry) => (
        <span>
          {entityLabel(t, entry.entity_type)}
          {entry.entity_id !== null && entry.entity_id !== undefined && (
            <Typography.Text type="secondary"> #{entry.entity_id}</Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'request_id',
      key: 'request_id',
      render: (id: string | null) =>
        id ? (
          <Typography.Text className="hearth-mono" copyable={{ text: id }} type="secondary">
            {id.length > 18 ? `${id.slice(0, 18)}…` : id}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        onRefresh={() => void entries.reload()}
      />
      <ErrorAlert error={entries.error} />
      <Card variant="borderless">
        <Form<FilterValues> form={form} name="audit_filter" layout="inline" onFinish={applyFilters} style={{ marginBottom: 16, rowGap: 12 }}>
          <Form.Item name="action" label={t('audit.filterAction')}>
            <AutoComplete
              allowClear
              style={{ width: 240 }}
              placeholder={t('common.all')}
              options={kActions.map((action) => ({
                value: action,
                label: (
                  <Flex justify="space-between" gap={8}>
                    <span className="hearth-mono">{action}</span>
                    <Typography.Text type="secondary">{actionLabel(t, action)}</Typography.Text>
                  </Flex>
                ),
              }))}
              showSearch={{
                filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()),
              }}
              data-testid="audit-filter-action"
            />
          </Form.Item>
          <Form.Item name="entity_type" label={t('audit.filterEntityType')}>
            <AutoComplete
              allowClear
              style={{ width: 180 }}
              placeholder={t('common.all')}
              options={kEntityTypes.map((type) => ({ value: type, label: `${type} · ${entityLabel(t, type)}` }))}
              data-testid="audit-filter-entity-type"
            />
          </Form.Item>
          <Form.Item name="entity_id" label={t('audit.filterEntityId')}>
            <Input allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <CursorTable<AuditEntry>
          list={entries}
          columns={columns}
          expandable={{
            expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
            rowExpandable: (entry) => entry.before !== null || entry.after !== null,
          }}
          locale={{ emptyText: t('audit.empty') }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}
