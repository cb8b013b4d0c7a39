import { useState, type HTMLAttributes } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Flex, Form, Grid, Input, InputNumber, List, Modal, Popconfirm, Radio, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/messages';
import { useAuth } from '../../../app/auth/useAuth';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { inventoryApi } from '../../inventory/api';
import { projectKeys } from '../../inventory/queries';
import { buildingLabel, formatArea } from '../../inventory/labels';
import { salesApi } from '../api';
import { adjustmentChanged, priceKeys } from '../queries';
import { salesAccess } from '../access';
import { adjustMethodOptions, adjustMethodText, changePercent, formatMinute, formatMoney, signedMoney } from '../labels';
import { adjustmentErrorText, pricesChanged } from '../errors';
import type { AdjustMethod, AdjustmentInput, AdjustmentLine } from '../types';
import { AdjustmentStatusTag, BeforeAfter, adjustmentDecision, adjustmentScope } from './PriceCells';

interface DraftValues {
  name: string;
  method: AdjustMethod;
  /** As typed: a percentage (percent), or yuan per m² (per_m2, set_per_m2). */
  amount: number | null;
  /** '' for every building. */
  building: string;
  reason?: string;
}

const kFields = ['name', 'method', 'amount', 'building', 'reason'];

/** The value the server takes: basis points (of a percentage), or fen per m² (of yuan). */
const wireValue = (amount: number) => Math.round(amount * 100);

const kAmountLabels: Record<AdjustMethod, { label: MessageKey; hint: MessageKey }> = {
  percent: { label: 'price.amount.percent', hint: 'price.amountHint.percent' },
  per_m2: { label: 'price.amount.per_m2', hint: 'price.amountHint.per_m2' },
  set_per_m2: { label: 'price.amount.set_per_m2', hint: 'price.amountHint.set_per_m2' },
};

/** The range of what may be typed for each method (the server's: ±50%, ±¥100,000/m², ¥1–¥1,000,000/m²). */
const kRanges: Record<AdjustMethod, { min: number; max: number }> = {
  percent: { min: -50, max: 50 },
  per_m2: { min: -100_000, max: 100_000 },
  set_per_m2: { min: 1, max: 1_000_000 },
};

/**
 * 新建调价 then its preview, or an adjustment opened from the list (`target` its id): what it does in
 * words and each unit's price before and after. A draft is applied by a manager (执行调价: every unit
 * or none; units whose price moved since the draft are named, and it can be drafted again) or dropped
 * by its author or a manager (撤销草稿). Mount it once per opening.
 */
export function AdjustmentModal({ projectId, target, onClose }: { projectId: number; target: number | 'new'; onClose: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const [id, setId] = useState<number | null>(target === 'new' ? null : target);
  const close = () => setOpen(false);
  return (
    <Modal
      open={open}
      title={id === null ? t('price.new') : t('price.previewTitle')}
      footer={null}
      onCancel={close}
      afterClose={onClose}
      width={id === null ? 620 : 960}
      data-testid="adjustment-modal"
    >
      {id === null ? <DraftForm projectId={projectId} onDrafted={setId} onCancel={close} /> : <AdjustmentView id={id} onRedrafted={setId} onClose={close} />}
    </Modal>
  );
}

function DraftForm({ projectId, onDrafted, onCancel }: { projectId: number; onDrafted: (id: number) => void; onCancel: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DraftValues>();
  const { saving, error, submit, settle } = useFormSubmit<DraftValues>(form, kFields, { value: 'amount', project_id: 'building' });
  const method: AdjustMethod = Form.useWatch('method', form) ?? 'percent';
  const amount: number | null | undefined = Form.useWatch('amount', form);
  // The project's buildings, as its board lists them (the board's own query).
  const board = useQuery({ queryKey: projectKeys.board(projectId, undefined), queryFn: ({ signal }) => inventoryApi.board(projectId, undefined, signal) });
  const buildings = board.data?.buildings ?? [];

  const save = () =>
    void submit(async (values) => {
      const body: AdjustmentInput = {
        project_id: projectId,
        name: values.name.trim(),
        method: values.method,
        value: wireValue(values.amount ?? 0),
        ...(values.building ? { building: values.building } : {}),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      };
      const drafted = await salesApi.draftAdjustment(body);
      adjustmentChanged(queryClient, drafted);
      onDrafted(drafted.id);
    });

  const range = kRanges[method];
  return (
    <div data-testid="adjustment-form">
      <FormErrorAlert error={error} />
      <Form<DraftValues>
        form={form}
        name="price-adjustment"
        layout="vertical"
        autoComplete="off"
        initialValues={{ method: 'percent', building: '' }}
        onValuesChange={(changed) => {
          if ('method' in changed) form.setFieldValue('amount', null);
          clearChangedFieldErrors(form, changed);
          settle();
        }}
        style={{ marginTop: 8 }}
      >
        <Form.Item name="name" label={t('price.name')} rules={[...requiredText(t('price.nameRequired')), { max: 60, message: t('reason.too_long') }]}>
          <Input maxLength={60} placeholder={t('price.namePlaceholder')} data-testid="adjustment-name" />
        </Form.Item>
        <Form.Item name="method" label={t('price.method')}>
          <Radio.Group optionType="button" options={adjustMethodOptions(t)} data-testid="adjustment-method" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t(kAmountLabels[method].label)}
          extra={amount ? t('price.amountMeans', { text: adjustMethodText(t, method, wireValue(amount)) }) : t(kAmountLabels[method].hint)}
          rules={[
            ...required(t('price.amountRequired')),
            { validator: (_, value: number | null) => (value === 0 ? Promise.reject(new Error(t('price.amountZero'))) : Promise.resolve()) },
          ]}
        >
          <InputNumber<number>
            min={range.min}
            max={range.max}
            precision={2}
            suffix={method === 'percent' ? '%' : t('price.yuanPerM2')}
            style={{ width: '100%' }}
            data-testid="adjustment-amount"
          />
        </Form.Item>
        <Form.Item name="building" label={t('price.scope')}>
          <Select<string>
            loading={board.isLoading}
            options={[{ value: '', label: t('price.allBuildings') }, ...buildings.map((b) => ({ value: b, label: buildingLabel(t, b) }))]}
            aria-label={t('price.scope')}
            data-testid="adjustment-building"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('price.reason')} rules={[{ max: 500, message: t('reason.too_long') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('price.reasonPlaceholder')} data-testid="adjustment-reason" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('price.draftHint')}
        </Typography.Paragraph>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="adjustment-draft">
            {t('price.draft')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}

function AdjustmentView({ id, onRedrafted, onClose }: { id: number; onRedrafted: (id: number) => void; onClose: () => void }) {
  const t = useT();
  const { me } = useAuth();
  const access = salesAccess(me);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = !Grid.useBreakpoint().md;
  const query = useQuery({ queryKey: priceKeys.adjustment(id), queryFn: ({ signal }) => salesApi.getAdjustment(id, signal) });
  const [busy, setBusy] = useState<'apply' | 'cancel' | 'redraft' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const a = query.data;

  if (!a) return query.error ? <ErrorAlert error={query.error} /> : <Skeleton active paragraph={{ rows: 6 }} />;

  const draft = a.status === 'draft';
  const mayCancel = draft && access.write && (access.manage || me?.id === a.created_by);
  const moved = pricesChanged(failure);

  const run = async (what: 'apply' | 'cancel' | 'redraft', action: () => Promise<void>) => {
    setBusy(what);
    setFailure(null);
    try {
      await action();
    } catch (err) {
      setFailure(err);
      void query.refetch();
    } finally {
      setBusy(null);
    }
  };

  const apply = () =>
    run('apply', async () => {
      const applied = await salesApi.applyAdjustment(a.id);
      adjustmentChanged(queryClient, applied);
      void message.success(t('price.applied', { name: applied.name, count: applied.units }));
      onClose();
    });

  const cancel = () =>
    run('cancel', async () => {
      const cancelled = await salesApi.cancelAdjustment(a.id);
      adjustmentChanged(queryClient, cancelled);
      void message.success(t('price.cancelled', { name: cancelled.name }));
      onClose();
    });

  // The same change over the prices as they are now; the stale draft is dropped.
  const redraft = () =>
    run('redraft', async () => {
      const again = await salesApi.draftAdjustment({
        project_id: a.project_id,
        name: a.name,
        method: a.method,
        value: a.value,
        ...(a.building ? { building: a.building } : {}),
        ...(a.reason ? { reason: a.reason } : {}),
      });
      adjustmentChanged(queryClient, again);
      await salesApi.cancelAdjustment(a.id).then((old) => adjustmentChanged(queryClient, old), () => {});
      void message.success(t('price.redrafted'));
      onRedrafted(again.id);
    });

  return (
    <div data-testid="adjustment-view" data-status={a.status}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="adjustment-title">
          {a.name}
        </Typography.Title>
        <AdjustmentStatusTag status={a.status} testId="adjustment-view-status" />
      </Flex>
      <FactGrid columns="repeat(4, minmax(0, 1fr))">
        <Fact label={t('price.method')} testId="adjustment-fact-method">
          {adjustMethodText(t, a.method, a.value)}
        </Fact>
        <Fact label={t('price.scope')} testId="adjustment-fact-scope">
          {adjustmentScope(t, a.building)}
        </Fact>
        <Fact label={t('price.units')}>{t('price.unitCount', { count: a.units })}</Fact>
        <Fact label={t('price.totalChange')} style={{ gridColumn: narrow ? '1 / -1' : undefined }}>
          <BeforeAfter before={a.before_cents} after={a.after_cents} testId="adjustment-fact-total" strong />
        </Fact>
        <Fact label={t('price.author')} style={{ gridColumn: narrow ? undefined : 'span 2' }}>
          {t('price.draftedBy', { name: a.created_by_name, at: formatMinute(a.created_at) })}
        </Fact>
        {a.decided_at && (
          <Fact label={t('price.decided')} style={{ gridColumn: narrow ? undefined : 'span 2' }} testId="adjustment-fact-decided">
            {adjustmentDecision(t, a, formatMinute)}
          </Fact>
        )}
        {a.reason && (
          <Fact label={t('price.reason')} style={{ gridColumn: '1 / -1' }}>
            {a.reason}
          </Fact>
        )}
      </FactGrid>
      <div style={{ marginTop: 16 }}>
        {draft && !moved && (
          <Alert
            type="info"
            showIcon
            title={access.manage ? t('price.applyHint', { count: a.units }) : t('price.waitsForManager')}
            style={{ marginBottom: 12 }}
            data-testid="adjustment-hint"
          />
        )}
        {moved ? (
          <Alert
            type="error"
            showIcon
            title={moved.message || t('price.pricesChanged', { count: moved.units.length })}
            description={
              <Flex vertical gap={8}>
                <Flex gap={4} wrap data-testid="moved-units">
                  {moved.units.map((code) => (
                    <Tag key={code} style={{ marginInlineEnd: 0 }}>
                      {code}
                    </Tag>
                  ))}
                </Flex>
                {draft && access.write && (
                  <Button size="small" loading={busy === 'redraft'} onClick={() => void redraft()} style={{ alignSelf: 'flex-start' }} data-testid="adjustment-redraft">
                    {t('price.redraft')}
                  </Button>
                )}
              </Flex>
            }
            style={{ marginBottom: 12 }}
            data-testid="prices-changed"
          />
        ) : (
          failure !== null && <Alert type="error" showIcon title={adjustmentErrorText(t, failure)} style={{ marginBottom: 12 }} data-testid="adjustment-failed" />
        )}
      </div>
      <AdjustmentLines projectId={a.project_id} lines={a.lines ?? []} moved={moved?.units ?? []} narrow={narrow} />
      <Flex justify="flex-end" gap={8} wrap style={{ marginTop: 16 }}>
        {mayCancel && (
          <Button danger loading={busy === 'cancel'} disabled={busy !== null} onClick={() => void cancel()} data-testid="adjustment-cancel">
            {t('price.cancelDraft')}
          </Button>
        )}
        <Button onClick={onClose} data-testid="adjustment-close">
          {t('price.close')}
        </Button>
        {draft && access.manage && (
          <Popconfirm
            title={t('price.applyConfirm', { count: a.units })}
            okText={t('price.apply')}
            cancelText={t('common.cancel')}
            onConfirm={() => void apply()}
            okButtonProps={{ 'data-testid': 'adjustment-apply-confirm' } as ButtonProps}
          >
            <Button type="primary" loading={busy === 'apply'} disabled={busy !== null} data-testid="adjustment-apply">
              {t('price.apply')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </div>
  );
}

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/**
 * Each unit's price before and after, with the change and its percentage, by unit code; on a phone,
 * two lines a unit. Units named in `moved` (their price changed since the draft) are marked. The
 * areas come from the project's units when the lines carry none.
 */
function AdjustmentLines({ projectId, lines, moved, narrow }: { projectId: number; lines: AdjustmentLine[]; moved: string[]; narrow: boolean }) {
  const t = useT();
  const needAreas = lines.some((line) => !line.area_m2);
  const units = useQuery({
    queryKey: priceKeys.projectUnits(projectId),
    queryFn: () => inventoryApi.listUnits(projectId, {}),
    enabled: needAreas,
    staleTime: 60_000,
  });
  const areas = new Map((units.data?.items ?? []).map((unit) => [unit.id, unit.area_m2]));
  const rows = lines
    .map((line) => (line.area_m2 ? line : { ...line, area_m2: areas.get(line.unit_id) ?? 0 }))
    .sort((a, b) => natural(a.unit_code, b.unit_code));
  const pagination = { pageSize: 10, size: 'small' as const, showSizeChanger: false, hideOnSinglePage: true };
  const movedTag = (code: string) =>
    moved.includes(code) ? (
      <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
        {t('price.moved')}
      </Tag>
    ) : null;
  if (narrow) {
    return (
      <List<AdjustmentLine>
        size="small"
        dataSource={rows}
        rowKey="unit_id"
        pagination={pagination}
        data-testid="adjustment-lines"
        renderItem={(line) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`line-${line.unit_code}`}>
            <Flex justify="space-between" gap={8}>
              <span>
                <Typography.Text strong>{line.unit_code}</Typography.Text>
                {movedTag(line.unit_code)}
              </span>
              <Typography.Text type="secondary">{formatArea(line.area_m2)}</Typography.Text>
            </Flex>
            <BeforeAfter before={line.before_cents} after={line.after_cents} testId={`line-change-${line.unit_code}`} />
          </List.Item>
        )}
      />
    );
  }
  const columns: TableColumnsType<AdjustmentLine> = [
    {
      title: t('inventory.unitCode'),
      dataIndex: 'unit_code',
      key: 'code',
      width: 130,
      render: (code: string) => (
        <span>
          <Typography.Text strong>{code}</Typography.Text>
          {movedTag(code)}
        </span>
      ),
    },
    { title: t('inventory.area'), dataIndex: 'area_m2', key: 'area', width: 90, align: 'right', render: (area: number) => formatArea(area) },
    { title: t('price.before'), dataIndex: 'before_cents', key: 'before', width: 130, align: 'right', render: (cents: number) => formatMoney(cents) },
    {
      title: t('price.after'),
      dataIndex: 'after_cents',
      key: 'after',
      width: 130,
      align: 'right',
      render: (cents: number, line) => (
        <Typography.Text strong data-testid={`line-after-${line.unit_code}`}>
          {formatMoney(cents)}
        </Typography.Text>
      ),
    },
    {
      title: t('price.change'),
      key: 'change',
      width: 120,
      align: 'right',
      render: (_, line) => <span style={{ color: line.after_cents >= line.before_cents ? '#389e0d' : '#cf1322' }}>{signedMoney(line.after_cents - line.before_cents)}</span>,
    },
    {
      title: t('price.changePercent'),
      key: 'percent',
      width: 90,
      align: 'right',
      render: (_, line) => <span data-testid={`line-percent-${line.unit_code}`}>{changePercent(line.before_cents, line.after_cents) || '—'}</span>,
    },
  ];
  return (
    <Table<AdjustmentLine>
      rowKey="unit_id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 690 }}
      onRow={(line) => ({ 'data-testid': `line-${line.unit_code}` }) as HTMLAttributes<HTMLElement>}
      data-testid="adjustment-lines"
    />
  );
}
