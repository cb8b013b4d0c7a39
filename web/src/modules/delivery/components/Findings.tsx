import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Grid, Input, Segmented, Select, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormModal } from '../../../shared/ui/FormModal';
import { requiredText } from '../../../shared/ui/formRules';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { ApiError } from '../../../shared/api/client';
import { deliveryApi } from '../api';
import { findingKeys, findingsChanged } from '../queries';
import { findingStatusLabel, formatMinute, inspectionKindLabel, kFindingStatusColors, severityOptions } from '../labels';
import { closeErrorText } from '../errors';
import { kFindingStatuses, type DeliveryBatch, type Finding, type FindingQuery, type FindingStatus, type Severity } from '../types';
import { SeverityTag } from './Tags';
import { FindingPhotos } from './FindingPhotos';

const kPageSize = 100;

/** "渗漏 › 卫生间渗漏" from the server's path "渗漏/卫生间渗漏". */
const categoryText = (path: string) => (path ? path.split('/').join(' › ') : '—');

/**
 * 问题清单 of a batch: its findings by unit code, where, category, severity and status (open ones
 * first to begin with), filtered by status and severity; 关闭 with a note for customer relations.
 * On a phone the rows are cards.
 */
export function FindingsBoard({ batch, writable }: { batch: DeliveryBatch; writable: boolean }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const closing = useModalTarget<Finding>();
  const [status, setStatus] = useState<FindingStatus | 'all'>('open');
  const [severity, setSeverity] = useState<Severity | undefined>();
  const query: FindingQuery = { batch_id: batch.id, ...(status === 'all' ? {} : { status }), ...(severity ? { severity } : {}), limit: kPageSize };
  const findings = useCursorList(findingKeys.list(query), (cursor, signal) => deliveryApi.listFindings({ ...query, cursor }, signal));
  const empty = status === 'open' ? t('finding.emptyOpen') : t('finding.empty');

  const unit = (f: Finding) => (
    <Link to={`/units/${f.unit_id}`} data-testid={`finding-unit-${f.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }} className="hearth-mono">
        {f.unit_code}
      </Typography.Text>
    </Link>
  );
  const state = (f: Finding) => (
    <Tag color={kFindingStatusColors[f.status]} style={{ marginInlineEnd: 0 }} data-testid={`finding-status-${f.id}`} data-status={f.status}>
      {findingStatusLabel(t, f.status)}
    </Tag>
  );
  const described = (f: Finding): ReactNode => (
    <>
      <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }}>{f.description}</Typography.Text>
      <FindingPhotos findingId={f.id} count={f.photo_count} writable={writable} removable={writable && f.status === 'open'} />
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('finding.recordedBy', { name: f.created_by_name, at: formatMinute(f.created_at) })}
      </Typography.Text>
      {f.status === 'closed' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }} data-testid={`finding-closed-${f.id}`}>
          {t('finding.closedBy', { name: f.closed_by_name ?? '', at: formatMinute(f.closed_at), note: f.close_note || '—' })}
        </Typography.Text>
      )}
    </>
  );
  const action = (f: Finding) =>
    writable && f.status === 'open' ? (
      <Button size="small" onClick={() => closing.openModal(f)} data-testid={`finding-close-${f.id}`}>
        {t('finding.close')}
      </Button>
    ) : null;

  const columns: TableColumnsType<Finding> = [
    { title: t('finding.unit'), key: 'unit', width: 100, render: (_, f) => unit(f) },
    { title: t('finding.location'), dataIndex: 'location', key: 'location', width: 130 },
    { title: t('finding.category'), dataIndex: 'category', key: 'category', width: 150, render: (path: string) => categoryText(path) },
    { title: t('finding.severity'), dataIndex: 'severity', key: 'severity', width: 100, render: (value: string, f) => <SeverityTag severity={value} testId={`finding-severity-${f.id}`} /> },
    { title: t('finding.description'), key: 'description', width: 300, render: (_, f) => described(f) },
    { title: t('finding.inspection'), dataIndex: 'inspection_kind', key: 'inspection', width: 120, render: (kind: string) => inspectionKindLabel(t, kind) },
    { title: t('finding.status'), key: 'status', width: 90, render: (_, f) => state(f) },
    ...(writable ? ([{ title: t('common.actions'), key: 'actions', width: 80, render: (_, f) => action(f) }] satisfies TableColumnsType<Finding>) : []),
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<FindingStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[...kFindingStatuses.map((value) => ({ value, label: findingStatusLabel(t, value) })), { value: 'all', label: t('common.all') }]}
          data-testid="finding-status-filter"
        />
        <Select<Severity>
          allowClear
          value={severity}
          onChange={(value) => setSeverity(value ?? undefined)}
          options={severityOptions(t)}
          placeholder={t('finding.allSeverities')}
          aria-label={t('finding.severity')}
          style={{ width: 140 }}
          data-testid="finding-severity-filter"
        />
      </Flex>
      <ErrorAlert error={findings.error} />
      {narrow ? (
        <Spin spinning={findings.loading}>
          {findings.items.length === 0 && !findings.loading ? (
            <Typography.Text type="secondary">{empty}</Typography.Text>
          ) : (
            <Flex vertical data-testid="finding-cards">
              {findings.items.map((f, index) => (
                <div key={f.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`finding-row-${f.id}`}>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Flex gap={8} align="center" wrap>
                      {unit(f)}
                      <Typography.Text>{f.location}</Typography.Text>
                    </Flex>
                    <Flex gap={4}>
                      <SeverityTag severity={f.severity} />
                      {state(f)}
                    </Flex>
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0' }}>
                    {categoryText(f.category)} · {inspectionKindLabel(t, f.inspection_kind)}
                  </Typography.Text>
                  {described(f)}
                  {action(f) && <div style={{ marginTop: 8 }}>{action(f)}</div>}
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={findings} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<Finding>
          list={findings}
          pageSize={kPageSize}
          size="small"
          columns={columns}
          scroll={{ x: writable ? 1070 : 990 }}
          onRow={(f) => ({ 'data-testid': `finding-row-${f.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: empty }}
          data-testid="finding-table"
        />
      )}
      {closing.modal && <CloseFindingModal key={closing.modal.key} finding={closing.modal.target} onClose={closing.closeModal} />}
    </>
  );
}

/** 关闭 a finding once rectified, saying how (required). One closed meanwhile refreshes the board. Mount it once per opening. */
function CloseFindingModal({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormModal<{ note: string }>
      form={form}
      name="close-finding"
      formFields={['note']}
      errorText={(cause) => closeErrorText(t, cause)}
      initialValues={{ note: '' }}
      autoComplete="off"
      title={t('finding.closeTitle', { code: finding.unit_code, location: finding.location })}
      okText={t('finding.close')}
      width={520}
      testId="close-finding-modal"
      onSave={async (values) => {
        try {
          const closed = await deliveryApi.closeFinding(finding.id, finding.version, values.note.trim());
          findingsChanged(queryClient, closed.batch_id, closed);
          void message.success(t('finding.closed', { code: closed.unit_code }));
        } catch (err) {
          if (err instanceof ApiError && (err.code === 'invalid_transition' || err.code === 'version_conflict')) findingsChanged(queryClient, finding.batch_id);
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Typography.Paragraph style={{ overflowWrap: 'anywhere' }}>
        <SeverityTag severity={finding.severity} /> {finding.description}
      </Typography.Paragraph>
      <Form.Item name="note" label={t('finding.closeNote')} rules={[...requiredText(t('finding.closeNoteRequired')), { max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={1000} autoFocus placeholder={t('finding.closeNotePlaceholder')} data-testid="close-finding-note" />
      </Form.Item>
    </FormModal>
  );
}
