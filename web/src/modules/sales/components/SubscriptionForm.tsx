import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Flex, Form, InputNumber, Row, Typography } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { FormSection } from '../../../shared/ui/FormSection';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { PhoneText } from '../../customers/components/CustomerCells';
import type { Customer } from '../../customers/types';
import { formatYuan, yuanToFen } from '../../inventory/labels';
import type { Unit } from '../../inventory/types';
import { Fact } from '../../../shared/ui/Fact';
import { salesApi } from '../api';
import { dealChanged, priceKeys, useSalesSettings, useSchemes } from '../queries';
import { floorOf, formatMoney, schemeDiscountText, schemePrice, schemeState, schemeStateLabel } from '../labels';
import { schemeRefusals, withoutFields } from '../errors';
import type { DiscountScheme, Lead, Pledge, Subscription } from '../types';
import { MoneyInput } from './MoneyInput';

interface BuyerRow {
  customer_id: number;
  percent: number | null;
}

interface SubscriptionValues {
  buyers: BuyerRow[];
  price_yuan: number;
  deposit_yuan?: number | null;
  /** The schemes given, in the order the list offers them. */
  scheme_ids?: number[];
}

const kFields = ['buyers', 'price_yuan', 'deposit_yuan', 'scheme_ids'];

/** At most this many schemes on one subscription (the server's limit). */
const kMaxSchemes = 5;

/** Shares in hundredths of a percent, so that sums are exact. */
const basisPoints = (percent: number | null | undefined) => Math.round((percent ?? 0) * 100);

/** `count` shares that add up to 100% exactly: 33.34, 33.33, 33.33. */
function evenShares(count: number): number[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => (base + (i < 10_000 - base * count ? 1 : 0)) / 100);
}

/**
 * 认购 of `unit`: the buyers (the lead's customer at 100% to begin with; co-buyers found by phone or
 * name) with their shares adding up to 100%, the project's active discount schemes to give (the price
 * follows what they make of the list price), the price (the list price to begin with; 表价, 方案价 and
 * 底价 beside it, and a warning below the floor: a manager then approves it before it is signed) and
 * the deposit. A unit taken meanwhile (409 unit_unavailable) goes back to the choice of unit; a
 * scheme refused (422 discount_scheme_ids[i]) is named on the schemes.
 */
export function SubscriptionForm({
  lead,
  unit,
  pledge,
  onBack,
  onUnavailable,
  onSubscribed,
}: {
  lead: Lead;
  unit: Unit;
  pledge: Pledge | null;
  onBack: () => void;
  onUnavailable: () => void;
  onSubscribed: (subscription: Subscription) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SubscriptionValues>();
  const { saving, error, submit, settle } = useFormSubmit<SubscriptionValues>(form, kFields, (field) => {
    const share = /^buyers\[(\d+)\]\.(share|customer_id)$/.exec(field);
    if (share) return ['buyers', Number(share[1]), 'percent'];
    if (field === 'price_cents') return 'price_yuan';
    if (field === 'deposit_cents') return 'deposit_yuan';
    return null;
  });
  const [people, setPeople] = useState<Map<number, { name: string; phone: string | null }>>(
    () => new Map([[lead.customer_id, { name: lead.customer_name, phone: lead.customer_phone || null }]]),
  );
  const buyers: BuyerRow[] = Form.useWatch('buyers', form) ?? [];
  const total = buyers.reduce((sum, row) => sum + basisPoints(row?.percent), 0);
  const schemes = useSchemes(lead.project_id);
  const [schemesRefused, setSchemesRefused] = useState<string[]>([]);
  const settings = useSalesSettings(lead.project_id).data;
  const offered = (schemes.data ?? []).filter((scheme) => scheme.active);
  const chosenIds: number[] = Form.useWatch('scheme_ids', form) ?? [];
  const priceYuan: number | null | undefined = Form.useWatch('price_yuan', form);
  const list = unit.list_price_cents;
  const chosenOf = (ids: readonly number[]) => offered.filter((scheme) => ids.includes(scheme.id));
  const withSchemes = schemePrice(list, chosenOf(chosenIds));
  const floor = list > 0 && settings ? floorOf(list, settings.floor_percent) : null;
  const typed = yuanToFen(priceYuan);
  const belowFloor = floor !== null && typed !== undefined && typed > 0 && typed < floor;

  // A scheme closed meanwhile (the list read again) is dropped from the choice, and the price follows.
  const offeredKey = offered.map((scheme) => scheme.id).join(',');
  useEffect(() => {
    const ids: number[] = form.getFieldValue('scheme_ids') ?? [];
    const kept = ids.filter((id) => offered.some((scheme) => scheme.id === id));
    if (kept.length === ids.length) return;
    form.setFieldValue('scheme_ids', kept);
    if (list > 0) form.setFieldValue('price_yuan', schemePrice(list, offered.filter((scheme) => kept.includes(scheme.id))).priceCents / 100);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the offer changes
  }, [offeredKey]);

  const addBuyer = (customer: Customer | null) => {
    if (!customer) return;
    const rows: BuyerRow[] = form.getFieldValue('buyers') ?? [];
    if (rows.some((row) => row.customer_id === customer.id)) return;
    setPeople((map) => new Map(map).set(customer.id, { name: customer.name, phone: customer.phone }));
    const shares = evenShares(rows.length + 1);
    form.setFieldValue(
      'buyers',
      [...rows, { customer_id: customer.id, percent: 0 }].map((row, index) => ({ ...row, percent: shares[index] })),
    );
  };

  const save = () =>
    void submit(async (values) => {
      setSchemesRefused([]);
      try {
        const subscription = await salesApi.subscribe({
          unit_id: unit.id,
          buyers: values.buyers.map((row) => ({ customer_id: row.customer_id, share: basisPoints(row.percent) / 10_000 })),
          price_cents: yuanToFen(values.price_yuan) ?? 0,
          deposit_cents: yuanToFen(values.deposit_yuan) ?? 0,
          lead_id: lead.id,
          pledge_id: pledge?.id,
          ...(values.scheme_ids?.length ? { discount_scheme_ids: values.scheme_ids } : {}),
        });
        void message.success(t('deal.subscribed', { code: subscription.unit_code }));
        dealChanged(queryClient, subscription);
        onSubscribed(subscription);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'unit_unavailable') {
          dealChanged(queryClient, { project_id: lead.project_id, unit_id: unit.id });
          onUnavailable();
          return;
        }
        // A scheme refused: named under the schemes (the list read again: it may have closed or run out).
        const sent = values.scheme_ids ?? [];
        const refused = schemeRefusals(t, err, (index) => offered.find((scheme) => scheme.id === sent[index])?.name ?? '');
        if (err instanceof ApiError && refused.length) {
          void queryClient.invalidateQueries({ queryKey: priceKeys.schemes(lead.project_id) });
          setSchemesRefused(refused);
          const rest = withoutFields(err, /^discount_scheme_ids/);
          if (Object.keys(rest.fields).length) throw rest;
          return;
        }
        throw err;
      }
    });

  const sumOk = total === 10_000;
  return (
    <div data-testid="subscription-form">
      <FormErrorAlert error={error} />
      <Form<SubscriptionValues>
        form={form}
        name="subscription"
        layout="vertical"
        autoComplete="off"
        initialValues={{
          buyers: [{ customer_id: lead.customer_id, percent: 100 }],
          price_yuan: unit.list_price_cents ? unit.list_price_cents / 100 : undefined,
          deposit_yuan: Math.min(50_000, unit.list_price_cents / 100),
        }}
        onValuesChange={(changed: Partial<SubscriptionValues>) => {
          // Schemes chosen or dropped: the price becomes what they make of the list price.
          if (changed.scheme_ids) {
            if (list > 0) form.setFieldValue('price_yuan', schemePrice(list, chosenOf(changed.scheme_ids)).priceCents / 100);
            setSchemesRefused([]);
          }
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <FormSection
          title={t('deal.buyers')}
          extra={
            <Typography.Text type={sumOk ? 'success' : 'danger'} data-testid="share-total" data-total={total / 100}>
              {sumOk ? t('deal.sharesTotal', { total: total / 100 }) : t('deal.sharesWrong', { total: total / 100 })}
            </Typography.Text>
          }
        >
          <Form.List name="buyers">
            {(fields, { remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 12 }}>
                {fields.map((field, index) => {
                  const id: number | undefined = form.getFieldValue(['buyers', field.name, 'customer_id']);
                  const person = id === undefined ? undefined : people.get(id);
                  return (
                    <Flex key={field.key} gap={8} align="flex-start" wrap data-testid={`buyer-${index}`}>
                      <Form.Item name={[field.name, 'customer_id']} hidden>
                        <InputNumber />
                      </Form.Item>
                      <div style={{ flex: '1 1 180px', minWidth: 0, lineHeight: '32px' }}>
                        <Typography.Text strong>{person?.name ?? '—'}</Typography.Text>{' '}
                        {person?.phone && <PhoneText phone={person.phone} />}
                        {index === 0 && (
                          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                            {t('deal.mainBuyer')}
                          </Typography.Text>
                        )}
                      </div>
                      <Form.Item
                        name={[field.name, 'percent']}
                        rules={required(t('deal.shareRequired'))}
                        style={{ marginBottom: 0, width: 140 }}
                      >
                        <InputNumber<number> min={0.01} max={100} precision={2} suffix="%" style={{ width: '100%' }} aria-label={t('deal.share')} data-testid={`buyer-share-${index}`} />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        disabled={fields.length === 1}
                        onClick={() => remove(field.name)}
                        aria-label={t('deal.removeBuyer')}
                        data-testid={`buyer-remove-${index}`}
                      />
                    </Flex>
                  );
                })}
              </Flex>
            )}
          </Form.List>
          <Flex gap={8} align="center" wrap>
            <UserAddOutlined style={{ color: '#8c94a3' }} />
            <CustomerPicker
              value={null}
              excludeId={lead.customer_id}
              onPick={addBuyer}
              placeholder={t('deal.addBuyerPlaceholder')}
              aria-label={t('deal.addBuyer')}
              style={{ flex: '1 1 240px', maxWidth: 420 }}
              data-testid="buyer-picker"
            />
          </Flex>
        </FormSection>
        {offered.length > 0 && (
          <FormSection title={t('deal.schemes')}>
            <Form.Item
              name="scheme_ids"
              extra={t('deal.schemesHint')}
              rules={[
                {
                  validator: (_, ids: number[] | undefined) => {
                    const chosen = chosenOf(ids ?? []);
                    if (chosen.length > kMaxSchemes) return Promise.reject(new Error(t('scheme.refused.too_many')));
                    const alone = chosen.length > 1 ? chosen.find((scheme) => !scheme.stackable) : undefined;
                    return alone ? Promise.reject(new Error(t('scheme.refused.not_stackable', { name: alone.name }))) : Promise.resolve();
                  },
                },
              ]}
            >
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {offered.map((scheme) => (
                  <SchemeOption
                    key={scheme.id}
                    scheme={scheme}
                    chosen={chosenIds.includes(scheme.id)}
                    off={withSchemes.offCents[chosenOf(chosenIds).indexOf(scheme)] ?? 0}
                  />
                ))}
              </Checkbox.Group>
            </Form.Item>
          </FormSection>
        )}
        {schemesRefused.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('deal.schemesRefused')}
            description={schemesRefused.join('；')}
            style={{ marginBottom: 16 }}
            data-testid="schemes-refused"
          />
        )}
        <FormSection title={t('deal.priceSection')}>
          {list > 0 && (
            <Flex gap={24} wrap style={{ marginBottom: 12 }} data-testid="deal-pricing">
              <Fact label={t('deal.listPriceLabel')} testId="price-list">
                {formatYuan(list)}
              </Fact>
              <Fact label={t('deal.schemePrice')} testId="price-scheme">
                {formatYuan(withSchemes.priceCents)}
                {withSchemes.priceCents < list && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {t('deal.schemeOff', { amount: formatMoney(list - withSchemes.priceCents) })}
                  </Typography.Text>
                )}
              </Fact>
              <Fact label={t('deal.floorPrice')} testId="price-floor">
                {floor === null ? '—' : formatYuan(floor)}
                {settings && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {t('deal.floorShare', { percent: settings.floor_percent })}
                  </Typography.Text>
                )}
              </Fact>
            </Flex>
          )}
          {belowFloor && floor !== null && typed !== undefined && (
            <Alert
              type="warning"
              showIcon
              title={t('deal.belowFloor')}
              description={t('deal.belowFloorBy', { amount: formatMoney(floor - typed), floor: formatYuan(floor) })}
              style={{ marginBottom: 12 }}
              data-testid="below-floor"
            />
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="price_yuan"
                label={t('deal.price')}
                extra={list > 0 ? undefined : t('deal.unpriced')}
                rules={required(t('deal.priceRequired'))}
              >
                <MoneyInput min={1} step={10_000} data-testid="deal-price" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="deposit_yuan"
                label={t('deal.deposit')}
                dependencies={['price_yuan']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value: number | null | undefined) =>
                      value && value > (getFieldValue('price_yuan') ?? 0) ? Promise.reject(new Error(t('deal.depositTooHigh'))) : Promise.resolve(),
                  }),
                ]}
              >
                <MoneyInput step={10_000} data-testid="deal-deposit" />
              </Form.Item>
            </Col>
          </Row>
        </FormSection>
        <Flex justify="space-between" gap={8} wrap>
          <Button onClick={onBack} data-testid="deal-back">
            {t('deal.back')}
          </Button>
          <Button type="primary" loading={saving} disabled={!sumOk} onClick={save} data-testid="deal-subscribe">
            {t('deal.subscribe')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}

/**
 * A scheme to tick: its name and discount, 不可叠加, what it takes off, and why it cannot be given
 * today (not to be ticked then; one ticked before can still be unticked).
 */
function SchemeOption({ scheme, chosen, off }: { scheme: DiscountScheme; chosen: boolean; off: number }) {
  const t = useT();
  const state = schemeState(scheme);
  return (
    <Checkbox value={scheme.id} disabled={state !== 'valid' && !chosen}>
      <span data-testid={`deal-scheme-${scheme.id}`} style={{ overflowWrap: 'anywhere' }}>
        <Typography.Text>{scheme.name}</Typography.Text>
        <Typography.Text type="secondary">{` · ${schemeDiscountText(t, scheme)}`}</Typography.Text>
        {!scheme.stackable && <Typography.Text type="secondary">{` · ${t('scheme.stackableNo')}`}</Typography.Text>}
        {state !== 'valid' && <Typography.Text type="warning">{` · ${schemeStateLabel(t, state)}`}</Typography.Text>}
        {off > 0 && <Typography.Text type="success">{` −${formatMoney(off)}`}</Typography.Text>}
      </span>
    </Checkbox>
  );
}
