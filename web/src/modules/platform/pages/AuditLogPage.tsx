import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { auditApi } from '../api';
import { auditKeys } from '../queries';
import { AuditDiff } from '../components/AuditDiff';
import type { AuditEntry, AuditQuery } from '../types';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useUsers } from '../useUsers';
import { useOrgUnits } from '../useOrgUnits';
import { auditActionColor, auditActionLabel, EntityCell, entityLabel, fieldLabel, isObject, kAuditActions, kAuditEntityTypes, type AuditNames } from '../auditWords';

const kPageSize = 50;

/** Consecutive entries of this action by one person show as one row that expands. */
const kGroupedAction = 'personal_data.viewed';

interface FilterValues {
  action?: string;
  entity_type?: string;
  actor_id?: number;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** A row of the table: one entry, or a run of `personal_data.viewed` by one person (`group`). */
interface Row {
  key: string;
  entry: AuditEntry;
  group?: AuditEntry[];
}

/**
 * An entry's reads, newest first. The server writes a burst of one person's reads as one entry
 * (`after.reads`: each read's time, request and records, named where it read one); any other
 * entry is itself.
 */
export function readsOf(entry: AuditEntry): AuditEntry[] {
  const after = entry.after;
  if (!isObject(after) || !Array.isArray(after.reads)) return [entry];
  return after.reads
    .filter(isObject)
    .map((read) => {
      const ids = Array.isArray(read.ids) ? read.ids : [];
      const one = ids.length === 1 && typeof ids[0] === 'number' ? ids[0] : null;
      return {
        ...entry,
        at: typeof read.at === 'string' ? read.at : entry.at,
        request_id: typeof read.request_id === 'string' ? read.request_id : '',
        entity_id: one,
        entity_name: typeof read.entity_name === 'string' ? read.entity_name : null,
        after: { fields: after.fields, ids },
      };
    })
    .reverse();
}

function groupRows(entries: readonly AuditEntry[]): Row[] {
  const rows: Row[] = [];
  for (const entry of entries.flatMap(readsOf)) {
    const last = rows[rows.length - 1];
    if (entry.action === kGroupedAction && last && last.entry.action === kGroupedAction && last.entry.actor_id === entry.actor_id && last.entry.actor_username === entry.actor_username) {
      last.group = [...(last.group ?? [last.entry]), entry];
      last.key = `group-${last.entry.id}`;
      continue;
    }
    rows.push({ key: String(entry.id), entry });
  }
  return rows;
}

/**
 * 系统管理 › 审计日志: who did what to which record, newest first, in words: the action
 * (分派工单), the person by name, the record by name with a link to its page, the change as field
 * lines. Filters by action, kind of record, person and date, on the server. Runs of 查看个人信息 by
 * one person fold into one row.
 */
export default function AuditLogPage() {
  const t = useT();
  const users = useUsers();
  const orgUnits = useOrgUnits();
  const names: AuditNames = { t, users, orgUnits: orgUnits.byId };
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditQuery>({});
  const entries = useCursorList(auditKeys.list(filters), (cursor, signal) => auditApi.list({ ...filters, limit: kPageSize, cursor }, signal));

  const applyFilters = (values: FilterValues) => {
    const [from, to] = values.dates ?? [null, null];
    setFilters({
      action: values.action || undefined,
      entity_type: values.entity_type || undefined,
      actor_id: values.actor_id ?? undefined,
      // Whole days in the browser's time: from the first day's start to the last day's end.
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    });
  };

  const rows = useMemo(() => groupRows(entries.items), [entries.items]);

  const actionOptions = useMemo(
    () => kAuditActions.map((action) => ({ value: action, label: auditActionLabel(t, action) })),
    [t],
  );
  const entityOptions = kAuditEntityTypes.map((type) => ({ value: type, label: entityLabel(t, type) }));

  // The person by display name; the username only for one out of sight; 系统 for the server itself.
  const actor = (entry: AuditEntry) => {
    if (entry.actor_id === null && !entry.actor_username) return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
    if (entry.actor_id === null) return entry.actor_username;
    return entry.actor_name ?? users.name(entry.actor_id, entry.actor_username || t('user.someone'));
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('audit.time'),
      key: 'at',
      width: 190,
      render: (_, row) =>
        row.group ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(row.group[row.group.length - 1].at)}
            <br />
            {formatDateTime(row.entry.at)}
          </span>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.entry.at)}</span>
        ),
    },
    { title: t('audit.actor'), key: 'actor', width: 150, render: (_, row) => actor(row.entry) },
    {
      title: t('audit.action'),
      key: 'action',
      width: 200,
      render: (_, row) => (
        <Tag color={auditActionColor(row.entry.action)} style={{ marginInlineEnd: 0 }} data-testid={`audit-action-${row.entry.id}`}>
          {row.group
            ? t('audit.viewedTimes', { action: auditActionLabel(t, row.entry.action), count: row.group.length })
            : auditActionLabel(t, row.entry.action)}
        </Tag>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, row) =>
        row.group ? (
          <Typography.Text type="secondary">{t('audit.viewedRecords', { count: row.group.length })}</Typography.Text>
        ) : (
          <EntityCell entry={row.entry} names={names} />
        ),
    },
    {
      title: t('audit.requestId'),
      key: 'request_id',
      width: 170,
      responsive: ['xl'],
      render: (_, row) => {
        const id = row.entry.request_id;
        return id ? (
          <Typography.Text className="hearth-mono" copyable={{ text: id }} type="secondary" style={{ fontSize: 12 }}>
            {id.length > 12 ? `${id.slice(0, 12)}…` : id}
          </Typography.Text>
        ) : null;
      },
    },
  ];

  const groupColumns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), key: 'at', width: 180, render: (_, entry) => formatDateTime(entry.at) },
    { title: t('audit.entity'), key: 'entity', render: (_, entry) => <EntityCell entry={entry} names={names} /> },
    {
      title: t('auditField.fields'),
      key: 'fields',
      render: (_, entry) => {
        const fields = entry.after?.fields;
        return Array.isArray(fields) ? fields.map((f) => fieldLabel(t, String(f))).join('、') : null;
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} onRefresh={() => void entries.reload()} />
      <ErrorAlert error={entries.error} />
      <Card variant="borderless">
        <Form<FilterValues>
          form={form}
          name="audit_filter"
          layout="inline"
          onValuesChange={(_, values) => applyFilters(values)}
          style={{ marginBottom: 16, rowGap: 12 }}
        >
          <Form.Item name="action" label={t('audit.filterAction')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('common.all')}
              options={actionOptions}
              notFoundContent={t('audit.empty')}
              data-testid="audit-filter-action"
            />
          </Form.Item>
          <Form.Item name="entity_type" label={t('audit.filterEntityType')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }} placeholder={t('common.all')} options={entityOptions} data-testid="audit-filter-entity-type" />
          </Form.Item>
          <Form.Item name="actor_id" label={t('audit.filterActor')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} placeholder={t('common.all')} options={users.options} data-testid="audit-filter-actor" />
          </Form.Item>
          <Form.Item name="dates" label={t('audit.filterDates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} data-testid="audit-filter-dates" />
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                applyFilters({});
              }}
              data-testid="audit-reset"
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
        <Table<Row>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={entries.loading}
          pagination={false}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (row) =>
              row.group ? (
                <Table<AuditEntry>
                  rowKey={(entry) => `${entry.id}-${entry.at}-${entry.request_id}`}
                  size="small"
                  columns={groupColumns}
                  dataSource={row.group}
                  pagination={false}
                  title={() => t('audit.groupEntries')}
                  data-testid="audit-group"
                />
              ) : (
                <AuditDiff before={row.entry.before} after={row.entry.after} entityType={row.entry.entity_type} names={names} />
              ),
            rowExpandable: (row) => !!row.group || row.entry.before !== null || row.entry.after !== null,
          }}
          locale={{ emptyText: t('audit.empty') }}
          data-testid="audit-table"
        />
        <CursorListFooter list={entries} pageSize={kPageSize} />
      </Card>
    </>
  );
}
