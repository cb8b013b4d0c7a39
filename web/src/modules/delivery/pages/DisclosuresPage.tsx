import { useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Grid, Input, Radio, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { listFallback } from '../../../shared/ui/QueryState';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { ApiError } from '../../../shared/api/client';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import type { Customer } from '../../customers/types';
import { useProjectNames } from '../../inventory/queries';
import { deliveryApi } from '../api';
import { ackRecorded, factorChanged, useAcks, useFactors } from '../queries';
import { deliveryAccess } from '../access';
import { ackMethodLabel, ackMethodOptions, formatMinute } from '../labels';
import { ackErrorText, withdrawErrorText } from '../errors';
import type { AckMethod, AdverseFactor, DisclosureAck } from '../types';
import { FactorStatusTag } from '../components/Tags';
import { ProjectFilter, ProjectSelect } from '../components/ProjectSelect';

/** Whether a buyer's acknowledgements, together, cover every factor published now. */
const covers = (acks: readonly DisclosureAck[], customerId: number, published: readonly AdverseFactor[]) => {
  const covered = new Set(acks.filter((ack) => ack.customer_id === customerId).flatMap((ack) => ack.factor_ids));
  return published.filter((factor) => !covered.has(factor.id)).length;
};

/**
 * /journey/disclosures?project_id= — 不利因素公示: a project's adverse factors (published, and the
 * withdrawn ones on demand) and its buyers' acknowledgements, each saying whether it still covers
 * everything published now (a factor published later is asked for again). Customer relations publish
 * (新增公示), their managers withdraw with a reason, whoever sells records a buyer's acknowledgement
 * (登记签收); a buyer who has not acknowledged every published factor cannot sign. On a phone the
 * acknowledgements are cards.
 */
export default function DisclosuresPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const publish = useModalTarget<number>();
  const withdraw = useModalTarget<AdverseFactor>();
  const acknowledge = useModalTarget<number>();
  const [params, setParams] = useSearchParams();
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const [withdrawn, setWithdrawn] = useState(false);
  const factors = useFactors(projectId, withdrawn);
  const acks = useAcks(projectId);
  const published = (factors.data ?? []).filter((factor) => factor.status === 'published');
  const projectName = useProjectNames().get(projectId ?? 0) ?? '';

  const setProject = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('project_id', String(id));
    else next.delete('project_id');
    setParams(next, { replace: true });
  };

  const ackButton = access.acknowledge && projectId !== undefined && (
    <Tooltip title={published.length === 0 ? t('ack.nothingPublished') : undefined}>
      <Button icon={<AuditOutlined />} disabled={published.length === 0} onClick={() => acknowledge.openModal(projectId)} data-testid="ack-create">
        {t('ack.create')}
      </Button>
    </Tooltip>
  );
  const publishButton = access.publishFactor && projectId !== undefined && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => publish.openModal(projectId)} data-testid="factor-create">
      {t('factor.create')}
    </Button>
  );

  const customerLink = (ack: DisclosureAck) => (
    <Link to={`/customers/${ack.customer_id}`} data-testid={`ack-customer-${ack.id}`}>
      {ack.customer_name}
    </Link>
  );
  const coverage = (ack: DisclosureAck) => {
    const missing = covers(acks.data ?? [], ack.customer_id, published);
    return (
      <Flex gap={6} wrap align="center" data-testid={`ack-coverage-${ack.id}`}>
        <span>{t('ack.items', { count: ack.factor_ids.length })}</span>
        {missing === 0 ? (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('ack.coversAll')}
          </Tag>
        ) : (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('ack.missing', { count: missing })}
          </Tag>
        )}
      </Flex>
    );
  };
  const ackColumns: TableColumnsType<DisclosureAck> = [
    { title: t('ack.customer'), key: 'customer', width: 130, render: (_, ack) => customerLink(ack) },
    { title: t('ack.method'), key: 'method', width: 100, render: (_, ack) => ackMethodLabel(t, ack.method) },
    { title: t('ack.coverage'), key: 'coverage', width: 190, render: (_, ack) => coverage(ack) },
    {
      title: t('ack.recordedBy'),
      key: 'by',
      width: 160,
      render: (_, ack) => (
        <>
          <span>{ack.recorded_by_name}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatMinute(ack.created_at)}
          </Typography.Text>
        </>
      ),
    },
    { title: t('ack.note'), dataIndex: 'note', key: 'note', render: (note: string) => note || '—' },
  ];

  const factorList = listFallback(factors.data, factors.error, withdrawn ? t('factor.emptyAll') : t('factor.empty'));
  const ackList = listFallback(acks.data, acks.error, t('ack.empty'));

  return (
    <>
      <PageHeader
        title={t('factor.title')}
        description={t('factor.description')}
        onRefresh={projectId ? () => void Promise.all([factors.refetch(), acks.refetch()]) : undefined}
        extra={
          (publishButton || ackButton) && (
            <>
              {publishButton}
              {ackButton}
            </>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <ProjectFilter value={projectId} onChange={setProject} />
          {projectId !== undefined && (
            <Flex gap={6} align="center">
              <Switch size="small" checked={withdrawn} onChange={setWithdrawn} aria-label={t('factor.showWithdrawn')} data-testid="factor-show-withdrawn" />
              <Typography.Text>{t('factor.showWithdrawn')}</Typography.Text>
            </Flex>
          )}
        </Flex>
      </Card>
      {projectId === undefined ? (
        <Card variant="borderless">
          <Empty description={t('factor.chooseProject')} />
        </Card>
      ) : (
        <>
          <Card variant="borderless" title={t('factor.listTitle', { project: projectName })} style={{ marginBottom: 16 }} data-testid="factor-list">
            {factorList ?? (
              <Flex vertical>
                {factors.data!.map((factor, index) => (
                  <div key={factor.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`factor-row-${factor.id}`}>
                    <Flex justify="space-between" align="flex-start" gap={8} wrap>
                      <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
                        <Typography.Text strong style={{ overflowWrap: 'anywhere' }} delete={factor.status === 'withdrawn'}>
                          {factor.title}
                        </Typography.Text>
                        <FactorStatusTag status={factor.status} testId={`factor-status-${factor.id}`} />
                      </Flex>
                      {access.withdrawFactor && factor.status === 'published' && (
                        <Button size="small" danger onClick={() => withdraw.openModal(factor)} data-testid={`factor-withdraw-${factor.id}`}>
                          {t('factor.withdraw')}
                        </Button>
                      )}
                    </Flex>
                    {factor.detail && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{factor.detail}</Typography.Paragraph>}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`factor-published-${factor.id}`}>
                      {t('factor.publishedBy', { name: factor.created_by_name, at: formatMinute(factor.created_at) })}
                    </Typography.Text>
                    {factor.status === 'withdrawn' && <Withdrawal factor={factor} />}
                  </div>
                ))}
              </Flex>
            )}
          </Card>
          <Card
            variant="borderless"
            title={t('ack.listTitle')}
            extra={!!acks.data?.length && <Typography.Text type="secondary">{t('ack.count', { count: new Set(acks.data.map((ack) => ack.customer_id)).size })}</Typography.Text>}
            data-testid="ack-list"
          >
            {ackList ??
              (narrow ? (
                <Flex vertical>
                  {acks.data!.map((ack, index) => (
                    <div key={ack.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`ack-row-${ack.id}`}>
                      <Flex justify="space-between" align="center" gap={8}>
                        {customerLink(ack)}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {ackMethodLabel(t, ack.method)}
                        </Typography.Text>
                      </Flex>
                      <div style={{ margin: '4px 0' }}>{coverage(ack)}</div>
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t('ack.byAt', { name: ack.recorded_by_name, at: formatMinute(ack.created_at) })}
                      </Typography.Text>
                      {ack.note && <Typography.Text style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere' }}>{ack.note}</Typography.Text>}
                    </div>
                  ))}
                </Flex>
              ) : (
                <Table<DisclosureAck>
                  rowKey="id"
                  size="middle"
                  columns={ackColumns}
                  dataSource={acks.data}
                  pagination={false}
                  scroll={{ x: 800 }}
                  onRow={(ack) => ({ 'data-testid': `ack-row-${ack.id}` }) as HTMLAttributes<HTMLElement>}
                />
              ))}
          </Card>
        </>
      )}
      {publish.modal && <FactorModal key={publish.modal.key} projectId={publish.modal.target} onClose={publish.closeModal} />}
      {withdraw.modal && <WithdrawModal key={withdraw.modal.key} factor={withdraw.modal.target} onClose={withdraw.closeModal} />}
      {acknowledge.modal && <AckModal key={acknowledge.modal.key} projectId={acknowledge.modal.target} published={published} onClose={acknowledge.closeModal} />}
    </>
  );
}

/** Who withdrew a factor, when, and why. */
function Withdrawal({ factor }: { factor: AdverseFactor }) {
  const t = useT();
  return (
    <div style={{ marginTop: 6, padding: '6px 10px', background: '#fafbfc', borderInlineStart: '3px solid #d9dde3', borderRadius: 4 }} data-testid={`factor-withdrawal-${factor.id}`}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('factor.withdrawnBy', { name: factor.withdrawn_by_name ?? '', at: formatMinute(factor.withdrawn_at ?? factor.updated_at) })}
      </Typography.Text>
      {factor.withdraw_reason && (
        <Typography.Text style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {t('factor.withdrawReasonShown', { reason: factor.withdraw_reason })}
        </Typography.Text>
      )}
    </div>
  );
}

interface FactorValues {
  project_id?: number;
  title: string;
  detail: string;
}

/** 新增公示: the project, what the factor is and its detail. Mount it once per opening. */
function FactorModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FactorValues>();
  return (
    <FormModal<FactorValues>
      form={form}
      name="adverse-factor"
      formFields={['project_id', 'title', 'detail']}
      initialValues={{ project_id: projectId, title: '', detail: '' }}
      autoComplete="off"
      title={t('factor.createTitle')}
      okText={t('factor.publish')}
      width={560}
      testId="factor-modal"
      onSave={async (values) => {
        const factor = await deliveryApi.publishFactor({ project_id: values.project_id!, title: values.title.trim(), detail: values.detail.trim() || undefined });
        factorChanged(queryClient, factor);
        void message.success(t('factor.published', { title: factor.title }));
      }}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t('factor.publishWarning')} style={{ marginBottom: 16 }} />
      <Form.Item name="project_id" label={t('batch.project')} rules={required(t('batch.projectRequired'))}>
        <ProjectSelect placeholder={t('batch.filterProject')} data-testid="factor-project" />
      </Form.Item>
      <Form.Item name="title" label={t('factor.titleLabel')} rules={[...requiredText(t('factor.titleRequired')), { max: 200, message: t('reason.too_long') }]}>
        <Input maxLength={200} autoFocus placeholder={t('factor.titlePlaceholder')} data-testid="factor-title" />
      </Form.Item>
      <Form.Item name="detail" label={t('factor.detail')} rules={[{ max: 4000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={4} maxLength={4000} placeholder={t('factor.detailPlaceholder')} data-testid="factor-detail" />
      </Form.Item>
    </FormModal>
  );
}

/** 撤回 a factor (a manager's), the reason required (the audit log keeps it). Mount it once per opening. */
function WithdrawModal({ factor, onClose }: { factor: AdverseFactor; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      form={form}
      name="factor-withdraw"
      formFields={['reason']}
      errorText={(cause) => withdrawErrorText(t, cause)}
      initialValues={{ reason: '' }}
      autoComplete="off"
      title={t('factor.withdrawTitle', { title: factor.title })}
      okText={t('factor.withdraw')}
      okDanger
      width={520}
      testId="factor-withdraw-modal"
      onSave={async (values) => {
        try {
          const done = await deliveryApi.withdrawFactor(factor.id, values.reason.trim());
          factorChanged(queryClient, done);
          void message.success(t('factor.withdrawn', { title: done.title }));
        } catch (err) {
          if (err instanceof ApiError && err.code === 'invalid_transition') factorChanged(queryClient, factor);
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t('factor.withdrawWarning')} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t('factor.withdrawReason')} rules={[...requiredText(t('factor.withdrawReasonRequired')), { max: 500, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={500} autoFocus placeholder={t('factor.withdrawReasonPlaceholder')} data-testid="factor-withdraw-reason" />
      </Form.Item>
    </FormModal>
  );
}

interface AckValues {
  customer_id?: number;
  method: AckMethod;
  note: string;
}

/**
 * 登记签收: a buyer has acknowledged every factor the project publishes now (listed), on paper, on
 * site or online. Mount it once per opening.
 */
function AckModal({ projectId, published, onClose }: { projectId: number; published: readonly AdverseFactor[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AckValues>();
  const [picked, setPicked] = useState<Customer | null>(null);
  return (
    <FormModal<AckValues>
      form={form}
      name="disclosure-ack"
      formFields={['customer_id', 'method', 'note']}
      errorText={(cause) => ackErrorText(t, cause)}
      initialValues={{ method: 'paper', note: '' }}
      autoComplete="off"
      title={t('ack.createTitle')}
      okText={t('ack.submit')}
      width={560}
      testId="ack-modal"
      onSave={async (values) => {
        const ack = await deliveryApi.acknowledge({ project_id: projectId, customer_id: values.customer_id!, method: values.method, note: values.note.trim() || undefined });
        ackRecorded(queryClient, projectId, ack.customer_id);
        void message.success(t('ack.recorded', { name: ack.customer_name, count: ack.factor_ids.length }));
      }}
      onClose={onClose}
    >
      <Typography.Text type="secondary">{t('ack.covering', { count: published.length })}</Typography.Text>
      <ol style={{ margin: '4px 0 16px', paddingInlineStart: 20 }} data-testid="ack-factors">
        {published.map((factor) => (
          <li key={factor.id} style={{ overflowWrap: 'anywhere' }}>
            {factor.title}
          </li>
        ))}
      </ol>
      <Form.Item name="customer_id" label={t('ack.customer')} rules={required(t('ack.customerRequired'))}>
        <CustomerPicker
          aria-label={t('ack.customer')}
          placeholder={t('ack.customerPlaceholder')}
          onPick={setPicked}
          labelRender={({ label }) => picked?.name ?? label}
          data-testid="ack-customer"
        />
      </Form.Item>
      <Form.Item name="method" label={t('ack.method')} rules={required(t('ack.methodRequired'))}>
        <Radio.Group optionType="button" buttonStyle="solid" options={ackMethodOptions(t)} data-testid="ack-method" />
      </Form.Item>
      <Form.Item name="note" label={t('ack.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('ack.notePlaceholder')} data-testid="ack-note" />
      </Form.Item>
    </FormModal>
  );
}
