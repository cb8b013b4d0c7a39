import { useState } from 'react';
import { Alert, App, type ButtonProps, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import type { Customer } from '../../customers/types';
import { formatYuan, yuanToFen } from '../../inventory/labels';
import { salesApi } from '../api';
import { changeRequested, useOpenUnits } from '../queries';
import { changeKindLabel, changeKindOptions, formatMoney } from '../labels';
import { changeErrorText } from '../errors';
import type { ChangeKind, Contract } from '../types';
import { MoneyInput } from './MoneyInput';

interface BuyerRow {
  customer_id: number;
  percent: number | null;
}

interface ChangeValues {
  kind: ChangeKind;
  new_unit_id?: number;
  buyers: BuyerRow[];
  discount_yuan?: number | null;
  reason: string;
}

const kFields = ['kind', 'new_unit_id', 'buyers', 'discount_yuan', 'reason'];

/** Shares in hundredths of a percent, so that sums are exact. */
const basisPoints = (percent: number | null | undefined) => Math.round((percent ?? 0) * 100);

/** `count` shares that add up to 100% exactly: 33.34, 33.33, 33.33. */
function evenShares(count: number): number[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => (base + (i < 10_000 - base * count ? 1 : 0)) / 100);
}

/**
 * 申请变更 of a contract: the kind (换房, 更名, 退房, 折扣), then only what that kind needs (an available
 * unit of the project; the new buyers with shares adding up to 100%, the current ones to begin with;
 * the discount, at most what is left to pay) and the reason. Nothing changes until a manager approves.
 * Mount it once per opening; it calls `onClose` after its close animation.
 */
export function ChangeRequestModal({ contract, onClose }: { contract: Contract; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<ChangeValues>();
  const { saving, error, submit, settle } = useFormSubmit<ChangeValues>(form, kFields, (field) => {
    const share = /^buyers\[(\d+)\]\.(share|customer_id)$/.exec(field);
    if (share) return ['buyers', Number(share[1]), 'percent'];
    if (field === 'buyers') return ['buyers', 0, 'percent'];
    if (field === 'discount_cents') return 'discount_yuan';
    return field;
  });
  const kind: ChangeKind = Form.useWatch('kind', form) ?? 'change_unit';
  const units = useOpenUnits(kind === 'change_unit' ? contract.project_id : undefined, false);
  const [people, setPeople] = useState<Map<number, string>>(() => new Map(contract.buyers.map((b) => [b.customer_id, b.name])));
  const buyers: BuyerRow[] = Form.useWatch('buyers', form) ?? [];
  const total = buyers.reduce((sum, row) => sum + basisPoints(row?.percent), 0);
  const sumOk = total === 10_000;
  const balance = contract.total_cents - contract.paid_cents;

  const addBuyer = (customer: Customer | null) => {
    if (!customer) return;
    const rows: BuyerRow[] = form.getFieldValue('buyers') ?? [];
    if (rows.some((row) => row.customer_id === customer.id)) return;
    setPeople((map) => new Map(map).set(customer.id, customer.name));
    const shares = evenShares(rows.length + 1);
    form.setFieldValue(
      'buyers',
      [...rows, { customer_id: customer.id, percent: 0 }].map((row, index) => ({ ...row, percent: shares[index] })),
    );
  };

  const save = () =>
    void submit(async (values) => {
      const change = await salesApi.requestChange(contract.id, {
        kind: values.kind,
        reason: values.reason.trim(),
        ...(values.kind === 'change_unit' ? { new_unit_id: values.new_unit_id } : {}),
        ...(values.kind === 'rename'
          ? { buyers: values.buyers.map((row) => ({ customer_id: row.customer_id, share: basisPoints(row.percent) / 10_000 })) }
          : {}),
        ...(values.kind === 'discount' ? { discount_cents: yuanToFen(values.discount_yuan) ?? 0 } : {}),
      });
      void message.success(t('change.requested', { kind: changeKindLabel(t, change.kind) }));
      changeRequested(queryClient, change);
      setOpen(false);
    });

  return (
    <Modal
      open={open}
      title={t('change.requestTitle', { no: contract.contract_no })}
      okText={t('change.submit')}
      okButtonProps={{ disabled: (kind === 'rename' && !sumOk) || (kind === 'discount' && balance <= 0), 'data-testid': 'change-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={600}
      data-testid="change-modal"
    >
      <FormErrorAlert error={error && { ...error, message: changeErrorText(t, error.cause) }} />
      <Form<ChangeValues>
        form={form}
        name="change"
        layout="vertical"
        autoComplete="off"
        initialValues={{
          kind: 'change_unit',
          buyers: contract.buyers.map((b) => ({ customer_id: b.customer_id, percent: Number((b.share * 100).toFixed(2)) })),
          reason: '',
        }}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
        style={{ marginTop: 8 }}
      >
        <Form.Item name="kind" label={t('change.kind')} rules={required(t('change.kind'))}>
          <Radio.Group optionType="button" buttonStyle="solid" options={changeKindOptions(t)} data-testid="change-kind" />
        </Form.Item>

        {kind === 'change_unit' && (
          <Form.Item
            name="new_unit_id"
            label={t('change.newUnit')}
            extra={t('change.newUnitHint', { code: contract.unit_code })}
            rules={required(t('change.newUnitRequired'))}
          >
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isLoading}
              placeholder={t('change.newUnitPlaceholder')}
              notFoundContent={units.isLoading ? undefined : t('change.noUnits')}
              options={(units.data ?? [])
                .filter((unit) => unit.id !== contract.unit_id)
                .sort((a, b) => a.code.localeCompare(b.code, 'zh-CN', { numeric: true }))
                .map((unit) => ({ value: unit.id, label: `${unit.code} · ${unit.layout || '—'} · ${formatYuan(unit.list_price_cents)}` }))}
              data-testid="change-unit"
            />
          </Form.Item>
        )}

        {kind === 'rename' && (
          <Form.Item
            label={
              <Flex gap={12} wrap align="baseline">
                <span>{t('change.newBuyers')}</span>
                <Typography.Text type={sumOk ? 'success' : 'danger'} style={{ fontSize: 12 }} data-testid="share-total" data-total={total / 100}>
                  {sumOk ? t('deal.sharesTotal', { total: total / 100 }) : t('deal.sharesWrong', { total: total / 100 })}
                </Typography.Text>
              </Flex>
            }
            extra={t('change.buyersHint')}
          >
            <Form.List name="buyers">
              {(fields, { remove }) => (
                <Flex vertical gap={8} style={{ marginBottom: 8 }}>
                  {fields.map((field, index) => {
                    const id: number | undefined = form.getFieldValue(['buyers', field.name, 'customer_id']);
                    return (
                      <Flex key={field.key} gap={8} align="flex-start" data-testid={`change-buyer-${index}`}>
                        <Form.Item name={[field.name, 'customer_id']} hidden>
                          <InputNumber />
                        </Form.Item>
                        <div style={{ flex: '1 1 auto', minWidth: 0, lineHeight: '32px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                          <Typography.Text strong>{(id !== undefined && people.get(id)) || '—'}</Typography.Text>
                        </div>
                        <Form.Item name={[field.name, 'percent']} rules={required(t('deal.shareRequired'))} style={{ marginBottom: 0, width: 120, flex: 'none' }}>
                          <InputNumber<number> min={0.01} max={100} precision={2} suffix="%" style={{ width: '100%' }} aria-label={t('deal.share')} data-testid={`change-buyer-share-${index}`} />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          disabled={fields.length === 1}
                          onClick={() => remove(field.name)}
                          aria-label={t('deal.removeBuyer')}
                          data-testid={`change-buyer-remove-${index}`}
                        />
                      </Flex>
                    );
                  })}
                </Flex>
              )}
            </Form.List>
            <Flex gap={8} align="center">
              <UserAddOutlined style={{ color: '#8c94a3' }} />
              <CustomerPicker
                value={null}
                onPick={addBuyer}
                placeholder={t('deal.addBuyerPlaceholder')}
                aria-label={t('deal.addBuyer')}
                style={{ flex: '1 1 auto', minWidth: 0 }}
                data-testid="change-buyer-picker"
              />
            </Flex>
          </Form.Item>
        )}

        {kind === 'discount' &&
          (balance <= 0 ? (
            <Alert type="info" showIcon title={t('change.nothingToDiscount')} style={{ marginBottom: 16 }} />
          ) : (
            <Form.Item
              name="discount_yuan"
              label={t('change.discount')}
              extra={t('change.discountHint', { amount: formatMoney(balance) })}
              rules={[
                ...required(t('change.discountRequired')),
                { validator: (_, value: number | null) => ((yuanToFen(value) ?? 0) > balance ? Promise.reject(new Error(t('change.discountTooHigh'))) : Promise.resolve()) },
              ]}
            >
              <MoneyInput min={0.01} step={10_000} data-testid="change-discount" />
            </Form.Item>
          ))}

        {kind === 'cancel' && <Alert type="warning" showIcon title={t('change.cancelHint')} style={{ marginBottom: 16 }} data-testid="change-cancel-hint" />}

        <Form.Item
          name="reason"
          label={t('change.reason')}
          extra={t('change.approvalHint')}
          rules={[...requiredText(t('change.reasonRequired')), { max: 500, message: t('reason.too_long') }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('change.reasonPlaceholder')} data-testid="change-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
