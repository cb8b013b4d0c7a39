import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Empty, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { FormSection } from '../../../shared/ui/FormSection';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { yuanToFen } from '../../inventory/labels';
import { salesApi } from '../api';
import { dealChanged } from '../queries';
import { leadErrorText } from '../errors';
import { formatMoney, instalmentKindOptions } from '../labels';
import type { Contract, InstalmentKind, Subscription } from '../types';
import { MoneyInput } from './MoneyInput';

interface PlanRow {
  due_on?: Dayjs | null;
  kind?: InstalmentKind;
  amount_yuan?: number | null;
}

interface ContractValues {
  contract_no: string;
  signed_on: Dayjs;
  total_yuan: number;
  plan: PlanRow[];
}

const kFields = ['contract_no', 'signed_on', 'total_yuan', 'plan'];

/** The usual plan: 30% down (whole yuan) on signing, the rest by mortgage a month later. */
function downAndMortgage(totalFen: number, signedOn: Dayjs): PlanRow[] {
  const down = Math.round((totalFen * 0.3) / 100) * 100;
  return [
    { due_on: signedOn, kind: 'down_payment', amount_yuan: down / 100 },
    { due_on: signedOn.add(1, 'month'), kind: 'mortgage', amount_yuan: (totalFen - down) / 100 },
  ];
}

/**
 * 签约 of a subscription: contract number, date, total (the price to begin with) and the payment plan
 * (due date, kind, amount per line), which must add up to the total: what is left to allocate shows as
 * it is typed, and the contract cannot be signed until it is zero.
 */
export function ContractForm({ subscription, onSigned }: { subscription: Subscription; onSigned: (contract: Contract) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ContractValues>();
  const { saving, error, submit, settle } = useFormSubmit<ContractValues>(form, kFields, (field) => {
    const line = /^payment_plan\[(\d+)\]\.(due_on|amount_cents|kind)$/.exec(field);
    if (line) return ['plan', Number(line[1]), line[2] === 'amount_cents' ? 'amount_yuan' : line[2]];
    if (field === 'total_cents') return 'total_yuan';
    if (field === 'payment_plan') return null;
    return field;
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  const totalYuan: number | null | undefined = Form.useWatch('total_yuan', form);
  const plan: PlanRow[] = Form.useWatch('plan', form) ?? [];
  const totalFen = yuanToFen(totalYuan) ?? 0;
  const allocated = plan.reduce((sum, row) => sum + (yuanToFen(row?.amount_yuan) ?? 0), 0);
  const remaining = totalFen - allocated;
  const balanced = plan.length > 0 && totalFen > 0 && remaining === 0;

  const quickFill = () => {
    const signedOn: Dayjs = form.getFieldValue('signed_on') ?? dayjs();
    form.setFieldValue('plan', downAndMortgage(totalFen, signedOn));
  };

  const save = () => {
    setRefusal(null);
    void submit(async (values) => {
      try {
        const contract = await salesApi.sign({
          subscription_id: subscription.id,
          contract_no: values.contract_no.trim(),
          signed_on: values.signed_on.format('YYYY-MM-DD'),
          total_cents: yuanToFen(values.total_yuan) ?? 0,
          payment_plan: values.plan.map((row) => ({
            due_on: row.due_on!.format('YYYY-MM-DD'),
            kind: row.kind!,
            amount_cents: yuanToFen(row.amount_yuan) ?? 0,
          })),
        });
        void message.success(t('deal.signed', { no: contract.contract_no }));
        dealChanged(queryClient, contract);
        onSigned(contract);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409 && Object.keys(err.fields).length === 0) {
          setRefusal(leadErrorText(t, err));
          return;
        }
        throw err;
      }
    });
  };

  return (
    <div data-testid="contract-form">
      <FormErrorAlert error={error} />
      {refusal && <Alert type="warning" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="contract-refused" />}
      <Form<ContractValues>
        form={form}
        name="contract"
        layout="vertical"
        autoComplete="off"
        initialValues={{ signed_on: dayjs(), total_yuan: subscription.price_cents / 100, plan: [] }}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="contract_no" label={t('contract.no')} rules={[...requiredText(t('contract.noRequired')), { max: 40, message: t('reason.too_long') }]}>
              <Input maxLength={40} placeholder={t('contract.noPlaceholder')} data-testid="contract-no" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signed_on" label={t('contract.signedOn')} rules={required(t('contract.signedOnRequired'))}>
              <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="contract-signed-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="total_yuan" label={t('contract.total')} rules={required(t('contract.totalRequired'))}>
              <MoneyInput min={1} step={10_000} data-testid="contract-total" />
            </Form.Item>
          </Col>
        </Row>
        <FormSection
          title={t('contract.plan')}
          extra={
            <Button size="small" icon={<ThunderboltOutlined />} onClick={quickFill} disabled={totalFen <= 0} data-testid="plan-quick-fill">
              {t('contract.quickFill')}
            </Button>
          }
        >
          <Form.List name="plan">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.planEmpty')} style={{ margin: '8px 0 16px' }} />}
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="flex-start" wrap data-testid={`plan-row-${index}`} style={{ marginBottom: 4 }}>
                    <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 24 }}>
                      {index + 1}
                    </Typography.Text>
                    <Form.Item name={[field.name, 'due_on']} rules={required(t('contract.dueRequired'))} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                      <DatePicker style={{ width: '100%' }} placeholder={t('contract.dueOn')} aria-label={t('contract.dueOn')} data-testid={`plan-due-${index}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} rules={required(t('contract.kindRequired'))} style={{ flex: '1 1 110px', marginBottom: 8 }}>
                      <Select<InstalmentKind> options={instalmentKindOptions(t)} placeholder={t('contract.kind')} aria-label={t('contract.kind')} data-testid={`plan-kind-${index}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'amount_yuan']} rules={required(t('contract.amountRequired'))} style={{ flex: '1 1 150px', marginBottom: 8 }}>
                      <MoneyInput min={0.01} aria-label={t('contract.amount')} data-testid={`plan-amount-${index}`} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('contract.removeLine')} data-testid={`plan-remove-${index}`} />
                  </Flex>
                ))}
                <Flex justify="space-between" align="center" gap={12} wrap>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      const last = plan[plan.length - 1];
                      add({ due_on: last?.due_on ? last.due_on.add(1, 'month') : form.getFieldValue('signed_on'), kind: 'installment', amount_yuan: remaining > 0 ? remaining / 100 : undefined });
                    }}
                    data-testid="plan-add"
                  >
                    {t('contract.addLine')}
                  </Button>
                  <Typography.Text
                    type={balanced ? 'success' : 'danger'}
                    strong
                    data-testid="plan-remaining"
                    data-remaining={remaining}
                  >
                    {remaining === 0
                      ? t('contract.allocated', { total: formatMoney(totalFen) })
                      : remaining > 0
                        ? t('contract.remaining', { amount: formatMoney(remaining) })
                        : t('contract.overAllocated', { amount: formatMoney(-remaining) })}
                  </Typography.Text>
                </Flex>
              </>
            )}
          </Form.List>
        </FormSection>
        <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 16 }}>
          {!balanced && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contract.mustBalance')}
            </Typography.Text>
          )}
          <Button type="primary" loading={saving} disabled={!balanced} onClick={save} data-testid="contract-submit">
            {t('contract.sign')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
