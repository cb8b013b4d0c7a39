import { App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { yuanToFen } from '../../inventory/labels';
import { salesApi } from '../api';
import { schemeChanged } from '../queries';
import { schemeDiscountText } from '../labels';
import type { DiscountScheme } from '../types';
import { MoneyInput } from './MoneyInput';

interface SchemeValues {
  name: string;
  kind: 'percent' | 'amount';
  /** 折 as typed: 98 for 九八折. */
  zhe?: number | null;
  amount_yuan?: number | null;
  valid_from?: Dayjs | null;
  valid_to?: Dayjs | null;
  max_uses?: number | null;
  stackable: boolean;
}

const kFields = ['name', 'kind', 'zhe', 'amount_yuan', 'valid_from', 'valid_to', 'max_uses', 'stackable'];

/** 98 (折) → 200 basis points off. */
const zheToBp = (zhe: number) => Math.round((100 - zhe) * 100);
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/**
 * 新建折扣方案 (a percentage typed as 折, or an amount off, with optional dates, a limit of uses and
 * whether it stacks), or 编辑 one: its name, end date, limit and 可叠加 (the discount itself stays).
 * Mount it once per opening.
 */
export function SchemeModal({ projectId, scheme, onClose }: { projectId: number; scheme: DiscountScheme | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SchemeValues>();
  const kind = Form.useWatch('kind', form) ?? 'percent';
  const zhe: number | null | undefined = Form.useWatch('zhe', form);
  const validFrom: Dayjs | null | undefined = Form.useWatch('valid_from', form);

  const save = async (values: SchemeValues) => {
    const common = { name: values.name.trim(), stackable: values.stackable };
    if (scheme) {
      const saved = await salesApi.updateScheme(scheme.id, {
        ...common,
        valid_to: day(values.valid_to) ?? null,
        max_uses: values.max_uses ?? null,
      });
      schemeChanged(queryClient, saved);
      void message.success(t('scheme.saved', { name: saved.name }));
      return;
    }
    const created = await salesApi.createScheme({
      ...common,
      project_id: projectId,
      ...(values.kind === 'percent' ? { percent_off_bp: zheToBp(values.zhe ?? 100) } : { amount_off_cents: yuanToFen(values.amount_yuan) ?? 0 }),
      ...(values.valid_from ? { valid_from: day(values.valid_from) } : {}),
      ...(values.valid_to ? { valid_to: day(values.valid_to) } : {}),
      ...(values.max_uses ? { max_uses: values.max_uses } : {}),
    });
    schemeChanged(queryClient, created);
    void message.success(t('scheme.created', { name: created.name, discount: schemeDiscountText(t, created) }));
  };

  return (
    <FormModal<SchemeValues>
      form={form}
      name="discount-scheme"
      formFields={kFields}
      fieldResolver={{ percent_off_bp: 'zhe', amount_off_cents: 'amount_yuan' }}
      initialValues={
        scheme
          ? {
              name: scheme.name,
              valid_to: scheme.valid_to ? dayjs(scheme.valid_to) : null,
              max_uses: scheme.max_uses,
              stackable: scheme.stackable,
            }
          : { kind: 'percent', stackable: true }
      }
      autoComplete="off"
      title={scheme ? t('scheme.editTitle', { name: scheme.name }) : t('scheme.new')}
      okText={scheme ? t('common.save') : t('scheme.create')}
      width={560}
      testId="scheme-modal"
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('scheme.name')} rules={[...requiredText(t('scheme.nameRequired')), { max: 60, message: t('reason.too_long') }]}>
        <Input maxLength={60} placeholder={t('scheme.namePlaceholder')} data-testid="scheme-name" />
      </Form.Item>
      {scheme ? (
        <Typography.Paragraph data-testid="scheme-fixed-discount">
          <Typography.Text type="secondary">{t('scheme.discount')}：</Typography.Text>
          {schemeDiscountText(t, scheme)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {t('scheme.discountFixed')}
          </Typography.Text>
        </Typography.Paragraph>
      ) : (
        <>
          <Form.Item name="kind" label={t('scheme.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'percent', label: t('scheme.kindPercent') },
                { value: 'amount', label: t('scheme.kindAmount') },
              ]}
              data-testid="scheme-kind"
            />
          </Form.Item>
          {kind === 'percent' ? (
            <Form.Item
              name="zhe"
              label={t('scheme.zhe')}
              extra={zhe && zhe >= 50 && zhe < 100 ? t('scheme.zheMeans', { text: schemeDiscountText(t, { percent_off_bp: zheToBp(zhe), amount_off_cents: 0 }), percent: Number((100 - zhe).toFixed(2)) }) : t('scheme.zheHint')}
              rules={required(t('scheme.zheRequired'))}
            >
              <InputNumber<number> min={50} max={99.99} precision={2} suffix={t('scheme.zheUnit')} style={{ width: '100%' }} data-testid="scheme-zhe" />
            </Form.Item>
          ) : (
            <Form.Item name="amount_yuan" label={t('scheme.amount')} rules={required(t('scheme.amountRequired'))}>
              <MoneyInput min={1} max={10_000_000} data-testid="scheme-amount" />
            </Form.Item>
          )}
        </>
      )}
      <Row gutter={16}>
        {!scheme && (
          <Col xs={24} sm={12}>
            <Form.Item name="valid_from" label={t('scheme.validFromLabel')}>
              <DatePicker style={{ width: '100%' }} placeholder={t('scheme.openStart')} data-testid="scheme-valid-from" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            name="valid_to"
            label={t('scheme.validToLabel')}
            dependencies={['valid_from']}
            rules={[
              {
                validator: (_, value: Dayjs | null | undefined) => {
                  const from = validFrom ?? (scheme?.valid_from ? dayjs(scheme.valid_from) : null);
                  return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error(t('reason.before_valid_from'))) : Promise.resolve();
                },
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} placeholder={t('scheme.openEnd')} data-testid="scheme-valid-to" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="max_uses" label={t('scheme.maxUses')} extra={scheme ? t('scheme.usedSoFar', { uses: scheme.uses }) : undefined}>
            <InputNumber<number>
              min={Math.max(1, scheme?.uses ?? 1)}
              max={1_000_000}
              precision={0}
              placeholder={t('scheme.unlimited')}
              suffix={t('scheme.usesUnit')}
              style={{ width: '100%' }}
              data-testid="scheme-max-uses"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="stackable" label={t('scheme.stackable')} valuePropName="checked" extra={t('scheme.stackableHint')}>
            <Switch data-testid="scheme-stackable" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
