import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Flex, Form, Grid, Input, Modal, Spin, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { requiredText } from '../../../shared/ui/formRules';
import { useProjectNames } from '../../inventory/queries';
import { ApiError } from '../../../shared/api/client';
import { salesApi } from '../api';
import { dealKeys, priceDecided } from '../queries';
import { formatMinute, formatMoney } from '../labels';
import { priceDecisionErrorText } from '../errors';
import type { Subscription, SubscriptionQuery } from '../types';
import { buyersText } from './ChangeCells';

const kPageSize = 50;

/** How far below the floor: "¥120,000（表价的 4%）". */
function shortfall(t: ReturnType<typeof useT>, s: Subscription): string {
  const under = s.floor_cents - s.price_cents;
  const share = s.list_price_cents ? Number(((under / s.list_price_cents) * 100).toFixed(2)) : 0;
  return t('priceApproval.underBy', { amount: formatMoney(under), percent: share });
}

/** 成交价 / 表价 / 底价 of a subscription, one a line. */
function Prices({ s }: { s: Subscription }) {
  const t = useT();
  return (
    <Flex vertical gap={0} data-testid={`price-approval-prices-${s.id}`}>
      <Typography.Text strong>{t('priceApproval.price', { amount: formatMoney(s.price_cents) })}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('priceApproval.listAndFloor', { list: formatMoney(s.list_price_cents), floor: formatMoney(s.floor_cents) })}
      </Typography.Text>
      {s.discounts.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.discounts.map((d) => t('deal.discountLine', { name: d.name, amount: formatMoney(d.off_cents) })).join(t('sales.separator'))}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * 底价审批 (the approvals page's tab, for managers): the subscriptions in scope whose price is below the
 * floor, oldest decisions first to go: unit and project, buyers, consultant, price against list
 * price and floor and how far below; 同意 (the contract may then be signed) or 驳回 (with a note: the
 * subscription is cancelled and the unit is for sale again). On a phone the rows are cards.
 */
export function PriceApprovals() {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const projects = useProjectNames();
  const decide = useModalTarget<{ subscription: Subscription; approve: boolean }>();
  const query: SubscriptionQuery = { approval: 'pending', limit: kPageSize };
  const list = useCursorList(dealKeys.priceApprovalList(query), (cursor, signal) => salesApi.listSubscriptions({ ...query, cursor }, signal));

  const unit = (s: Subscription) => (
    <Flex vertical gap={0}>
      <Typography.Text strong data-testid={`price-approval-unit-${s.id}`}>
        {s.unit_code}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 160 }}>
        {projects.get(s.project_id) ?? ''}
      </Typography.Text>
    </Flex>
  );
  const buyers = (s: Subscription) =>
    s.lead_id ? (
      <Link to={`/sales/leads/${s.lead_id}`} data-testid={`price-approval-buyers-${s.id}`}>
        {buyersText(t, s.buyers)}
      </Link>
    ) : (
      <span data-testid={`price-approval-buyers-${s.id}`}>{buyersText(t, s.buyers)}</span>
    );
  const below = (s: Subscription) => (
    <Typography.Text type="danger" data-testid={`price-approval-under-${s.id}`}>
      {shortfall(t, s)}
    </Typography.Text>
  );
  const buttons = (s: Subscription): ReactNode => (
    <Flex gap={8}>
      <Button type="primary" size="small" onClick={() => decide.openModal({ subscription: s, approve: true })} data-testid={`approve-price-${s.id}`}>
        {t('priceApproval.approve')}
      </Button>
      <Button danger size="small" onClick={() => decide.openModal({ subscription: s, approve: false })} data-testid={`reject-price-${s.id}`}>
        {t('approvals.reject')}
      </Button>
    </Flex>
  );

  const columns: TableColumnsType<Subscription> = [
    { title: t('priceApproval.unit'), key: 'unit', width: 140, render: (_, s) => unit(s) },
    { title: t('priceApproval.buyers'), key: 'buyers', width: 170, render: (_, s) => buyers(s) },
    { title: t('priceApproval.consultant'), dataIndex: 'consultant_name', key: 'consultant', width: 100 },
    { title: t('priceApproval.prices'), key: 'prices', width: 220, render: (_, s) => <Prices s={s} /> },
    { title: t('priceApproval.under'), key: 'under', width: 160, render: (_, s) => below(s) },
    { title: t('priceApproval.subscribedAt'), dataIndex: 'created_at', key: 'at', width: 140, render: (at: string) => formatMinute(at) },
    { title: t('approvals.actions'), key: 'actions', width: 140, render: (_, s) => buttons(s) },
  ];

  return (
    <>
      <ErrorAlert error={list.error} />
      {narrow ? (
        <Spin spinning={list.loading}>
          {list.items.length === 0 && !list.loading ? (
            <Typography.Text type="secondary">{t('priceApproval.empty')}</Typography.Text>
          ) : (
            <Flex vertical data-testid="price-approval-cards">
              {list.items.map((s, index) => (
                <div key={s.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`price-approval-row-${s.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    {unit(s)}
                    {below(s)}
                  </Flex>
                  <div style={{ overflowWrap: 'anywhere' }}>{buyers(s)}</div>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {s.consultant_name} · {formatMinute(s.created_at)}
                  </Typography.Text>
                  <div style={{ margin: '6px 0' }}>
                    <Prices s={s} />
                  </div>
                  {buttons(s)}
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={list} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<Subscription>
          list={list}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: 1070 }}
          onRow={(s) => ({ 'data-testid': `price-approval-row-${s.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('priceApproval.empty') }}
          data-testid="price-approval-table"
        />
      )}
      {decide.modal && (
        <PriceDecisionModal
          key={decide.modal.key}
          subscription={decide.modal.target.subscription}
          approve={decide.modal.target.approve}
          onDecided={(decided) => list.setItems((items) => items.filter((s) => s.id !== decided.id))}
          onClose={decide.closeModal}
        />
      )}
    </>
  );
}

interface DecisionValues {
  note?: string;
}

/**
 * 同意 (with an optional note) or 驳回 (a note required, saying the subscription will be cancelled)
 * of a price below the floor. One decided meanwhile (409 invalid_transition) refreshes the queue.
 * Mount it once per opening.
 */
function PriceDecisionModal({
  subscription: s,
  approve,
  onDecided,
  onClose,
}: {
  subscription: Subscription;
  approve: boolean;
  onDecided: (subscription: Subscription) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<DecisionValues>();
  const { saving, error, submit, settle } = useFormSubmit<DecisionValues>(form, ['note']);

  const save = () =>
    void submit(async (values) => {
      try {
        const note = values.note?.trim() || undefined;
        const decided = approve ? await salesApi.approvePrice(s.id, note) : await salesApi.rejectPrice(s.id, note);
        void message.success(t(approve ? 'priceApproval.approved' : 'priceApproval.rejected', { code: decided.unit_code }));
        priceDecided(queryClient, decided);
        onDecided(decided);
        setOpen(false);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'invalid_transition') void queryClient.invalidateQueries({ queryKey: dealKeys.priceApprovals });
        throw err;
      }
    });

  return (
    <Modal
      open={open}
      title={t(approve ? 'priceApproval.approveTitle' : 'priceApproval.rejectTitle', { code: s.unit_code })}
      okText={approve ? t('priceApproval.approve') : t('approvals.reject')}
      okButtonProps={{ danger: !approve, 'data-testid': 'price-decision-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={520}
      data-testid={approve ? 'approve-price-modal' : 'reject-price-modal'}
    >
      <FormErrorAlert error={error && { ...error, message: priceDecisionErrorText(t, error.cause) }} />
      <Alert
        type={approve ? 'info' : 'warning'}
        showIcon
        title={approve ? t('priceApproval.effectApprove') : t('priceApproval.effectReject', { code: s.unit_code })}
        style={{ marginBottom: 12 }}
        data-testid="price-decision-effect"
      />
      <Typography.Paragraph style={{ overflowWrap: 'anywhere' }} data-testid="price-decision-what">
        {t('priceApproval.what', {
          buyers: buyersText(t, s.buyers),
          consultant: s.consultant_name,
          price: formatMoney(s.price_cents),
          floor: formatMoney(s.floor_cents),
          list: formatMoney(s.list_price_cents),
        })}
        <Typography.Text type="danger" style={{ marginInlineStart: 4 }}>
          {shortfall(t, s)}
        </Typography.Text>
      </Typography.Paragraph>
      <Form<DecisionValues>
        form={form}
        name="price-decision"
        layout="vertical"
        autoComplete="off"
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <Form.Item
          name="note"
          label={t(approve ? 'approvals.approveNote' : 'approvals.rejectNote')}
          rules={[...(approve ? [] : requiredText(t('approvals.rejectNoteRequired'))), { max: 500, message: t('reason.too_long') }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus={!approve} placeholder={t('priceApproval.notePlaceholder')} data-testid="price-decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
