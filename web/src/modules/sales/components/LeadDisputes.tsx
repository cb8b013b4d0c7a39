import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Flex, Form, Grid, Input, Modal, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import type { CursorList } from '../../../shared/hooks/useCursorList';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { requiredText } from '../../../shared/ui/formRules';
import { ApiError } from '../../../shared/api/client';
import { salesApi } from '../api';
import { disputeChanged, disputeKeys } from '../queries';
import { disputeStatusLabel, formatMinute, kDisputeStatusColors } from '../labels';
import { disputeErrorText } from '../errors';
import type { Dispute, DisputeQuery } from '../types';

const kPageSize = 50;

/**
 * 判客争议 (the approvals page's tab, for managers): the disputes waiting for a decision, newest first:
 * the customer (to the lead), project, claimant and holder, the reason, when filed; 支持申请人 (the lead
 * moves to the claimant) or 维持原归属, each with a note. With `decided`: those decided, with the
 * decision (the server filters one status at a time, so it is every dispute but the pending ones).
 * On a phone the rows are cards.
 */
export function LeadDisputes({ decided = false }: { decided?: boolean }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const decide = useModalTarget<{ dispute: Dispute; uphold: boolean }>();
  const query: DisputeQuery = { ...(decided ? {} : { status: 'pending' }), limit: kPageSize };
  const all = useCursorList(disputeKeys.list(query), (cursor, signal) => salesApi.listDisputes({ ...query, cursor }, signal));
  const list: CursorList<Dispute> = decided ? { ...all, items: all.items.filter((d) => d.status !== 'pending') } : all;
  const empty = decided ? t('dispute.emptyDecided') : t('dispute.empty');

  const customer = (d: Dispute) => (
    <Flex vertical gap={0}>
      <Link to={`/sales/leads/${d.lead_id}`} data-testid={`dispute-customer-${d.id}`}>
        <Typography.Text strong style={{ color: '#1f4fd1' }}>
          {d.customer_name}
        </Typography.Text>
      </Link>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 160 }}>
        {d.project_name}
      </Typography.Text>
    </Flex>
  );
  const reason = (text: string) => (
    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0, overflowWrap: 'anywhere' }}>
      {text || '—'}
    </Typography.Paragraph>
  );
  const status = (d: Dispute) => (
    <Tag color={kDisputeStatusColors[d.status]} data-testid={`dispute-status-${d.id}`}>
      {disputeStatusLabel(t, d.status)}
    </Tag>
  );
  const buttons = (d: Dispute): ReactNode => (
    <Flex gap={8} wrap>
      <Button type="primary" size="small" onClick={() => decide.openModal({ dispute: d, uphold: true })} data-testid={`uphold-dispute-${d.id}`}>
        {t('dispute.uphold')}
      </Button>
      <Button size="small" onClick={() => decide.openModal({ dispute: d, uphold: false })} data-testid={`reject-dispute-${d.id}`}>
        {t('dispute.reject')}
      </Button>
    </Flex>
  );

  const columns: TableColumnsType<Dispute> = [
    { title: t('dispute.customer'), key: 'customer', width: 160, render: (_, d) => customer(d) },
    { title: t('dispute.claimant'), dataIndex: 'claimant_name', key: 'claimant', width: 100 },
    { title: t('dispute.holder'), dataIndex: 'holder_name', key: 'holder', width: 110 },
    { title: t('dispute.reasonColumn'), dataIndex: 'reason', key: 'reason', width: 260, render: (text: string) => reason(text) },
    { title: t('dispute.filedAt'), dataIndex: 'created_at', key: 'at', width: 140, render: (at: string) => formatMinute(at) },
    ...(decided
      ? ([
          { title: t('approvals.status'), key: 'status', width: 110, render: (_, d) => status(d) },
          { title: t('approvals.decidedAt'), dataIndex: 'decided_at', key: 'decided', width: 140, render: (at: string | null) => formatMinute(at) || '—' },
          { title: t('approvals.note'), dataIndex: 'decision_note', key: 'note', width: 180, render: (note: string) => reason(note) },
        ] satisfies TableColumnsType<Dispute>)
      : ([{ title: t('approvals.actions'), key: 'actions', width: 200, render: (_, d) => buttons(d) }] satisfies TableColumnsType<Dispute>)),
  ];

  return (
    <>
      <ErrorAlert error={all.error} />
      {narrow ? (
        <Spin spinning={list.loading}>
          {list.items.length === 0 && !list.loading ? (
            <Typography.Text type="secondary">{empty}</Typography.Text>
          ) : (
            <Flex vertical data-testid={decided ? 'decided-dispute-cards' : 'dispute-cards'}>
              {list.items.map((d, index) => (
                <div key={d.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`dispute-row-${d.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    {customer(d)}
                    {decided && status(d)}
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('dispute.claimantVsHolder', { claimant: d.claimant_name, holder: d.holder_name })} · {formatMinute(d.created_at)}
                  </Typography.Text>
                  <div style={{ margin: '6px 0' }}>{reason(d.reason)}</div>
                  {decided ? (
                    d.decision_note && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
                        {t('dispute.decidedBy', { name: d.decided_by_name ?? '' })} · {formatMinute(d.decided_at)}：{d.decision_note}
                      </Typography.Text>
                    )
                  ) : (
                    buttons(d)
                  )}
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={list} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<Dispute>
          list={list}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: decided ? 1200 : 970 }}
          onRow={(d) => ({ 'data-testid': `dispute-row-${d.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: empty }}
          data-testid={decided ? 'decided-dispute-table' : 'dispute-table'}
        />
      )}
      {decide.modal && (
        <DisputeDecisionModal
          key={decide.modal.key}
          dispute={decide.modal.target.dispute}
          uphold={decide.modal.target.uphold}
          onDecided={(done) => all.setItems((items) => items.filter((d) => d.id !== done.id))}
          onClose={decide.closeModal}
        />
      )}
    </>
  );
}

interface DecisionValues {
  note: string;
}

/**
 * 支持申请人 or 维持原归属 of a dispute, saying what will happen; the note is required. One decided
 * meanwhile (409 invalid_transition) refreshes the queue. Mount it once per opening.
 */
function DisputeDecisionModal({
  dispute: d,
  uphold,
  onDecided,
  onClose,
}: {
  dispute: Dispute;
  uphold: boolean;
  onDecided: (dispute: Dispute) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<DecisionValues>();
  const { saving, error, submit, settle } = useFormSubmit<DecisionValues>(form, ['note']);
  const names = { name: d.customer_name, claimant: d.claimant_name, holder: d.holder_name };

  const save = () =>
    void submit(async (values) => {
      try {
        const note = values.note.trim();
        const decided = uphold ? await salesApi.upholdDispute(d.id, note) : await salesApi.rejectDispute(d.id, note);
        void message.success(t(uphold ? 'dispute.upheld' : 'dispute.rejected', names));
        disputeChanged(queryClient, decided);
        onDecided(decided);
        setOpen(false);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'invalid_transition') void queryClient.invalidateQueries({ queryKey: disputeKeys.all });
        throw err;
      }
    });

  return (
    <Modal
      open={open}
      title={t(uphold ? 'dispute.upholdTitle' : 'dispute.rejectTitle', names)}
      okText={uphold ? t('dispute.uphold') : t('dispute.reject')}
      okButtonProps={{ 'data-testid': 'dispute-decision-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={520}
      data-testid={uphold ? 'uphold-dispute-modal' : 'reject-dispute-modal'}
    >
      <FormErrorAlert error={error && { ...error, message: disputeErrorText(t, error.cause) }} />
      <Alert
        type={uphold ? 'warning' : 'info'}
        showIcon
        title={t(uphold ? 'dispute.effectUphold' : 'dispute.effectReject', names)}
        style={{ marginBottom: 12 }}
        data-testid="dispute-decision-effect"
      />
      <Typography.Paragraph style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="dispute-decision-what">
        {t('dispute.what', { ...names, reason: d.reason })}
      </Typography.Paragraph>
      <Form<DecisionValues>
        form={form}
        name="dispute-decision"
        layout="vertical"
        autoComplete="off"
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <Form.Item name="note" label={t('dispute.note')} rules={[...requiredText(t('dispute.noteRequired')), { max: 500, message: t('reason.too_long') }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus placeholder={t('dispute.notePlaceholder')} data-testid="dispute-decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
