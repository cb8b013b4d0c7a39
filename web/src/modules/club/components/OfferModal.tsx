import { useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { clubApi } from '../api';
import { offerChanged, useClubSettings } from '../queries';
import { chinaToday } from '../labels';
import type { ClubOffer, OfferBody } from '../types';

interface Values {
  merchant: string;
  title: string;
  description?: string;
  /** '' for every member */
  tier_min: string;
  points_cost?: number | null;
  valid_from: Dayjs;
  valid_to: Dayjs;
}

const kFields = ['merchant', 'title', 'description', 'tier_min', 'points_cost', 'valid_from', 'valid_to'] as const;
const kDay = 'YYYY-MM-DD';

const valuesOf = (offer: ClubOffer): Values => ({
  merchant: offer.merchant,
  title: offer.title,
  description: offer.description,
  tier_min: offer.tier_min ?? '',
  points_cost: offer.points_cost,
  valid_from: dayjs(offer.valid_from, kDay),
  valid_to: dayjs(offer.valid_to, kDay),
});

/**
 * 新增 / 编辑 a partner merchant's offer (managers): merchant, what is offered, the lowest tier, the
 * points it costs (none: free to the tier), the days it is valid. An edit sends If-Match the
 * version (a change meanwhile is told in words, with 重新载入); the server's faults land on their fields.
 */
export function OfferModal({ offer, onClose }: { offer?: ClubOffer; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useClubSettings();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(offer?.version ?? 0);

  const save = async (values: Values) => {
    const body: OfferBody = {
      merchant: values.merchant.trim(),
      title: values.title.trim(),
      description: values.description?.trim() ?? '',
      tier_min: values.tier_min || null,
      points_cost: values.points_cost || null,
      valid_from: values.valid_from.format(kDay),
      valid_to: values.valid_to.format(kDay),
    };
    if (offer) await clubApi.updateOffer(offer.id, body, version);
    else await clubApi.createOffer(body);
    offerChanged(queryClient);
    void message.success(t(offer ? 'clubOffers.saved' : 'clubOffers.created'));
  };

  const reload = async () => {
    if (!offer) return;
    const page = await clubApi.offers(false, null);
    const fresh = page.items.find((x) => x.id === offer.id);
    offerChanged(queryClient);
    if (!fresh) return;
    setVersion(fresh.version);
    form.setFieldsValue(valuesOf(fresh));
  };

  const today = dayjs(chinaToday(), kDay);
  return (
    <FormModal<Values>
      form={form}
      name={offer ? 'club-offer-edit' : 'club-offer-new'}
      formFields={kFields}
      initialValues={offer ? valuesOf(offer) : { tier_min: '', valid_from: today, valid_to: today.add(3, 'month') }}
      title={t(offer ? 'clubOffers.editTitle' : 'clubOffers.newTitle')}
      okText={t('common.save')}
      width={560}
      testId="offer-modal"
      onSave={save}
      onReload={offer ? reload : undefined}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="merchant" label={t('clubOffers.merchant')} rules={requiredText(t('clubOffers.required'))}>
            <Input maxLength={60} data-testid="offer-merchant" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="title" label={t('clubOffers.offerTitle')} rules={requiredText(t('clubOffers.required'))}>
            <Input maxLength={60} data-testid="offer-title" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="tier_min" label={t('clubOffers.tier')}>
            <Select<string>
              aria-label={t('clubOffers.tier')}
              options={[{ value: '', label: t('clubEvents.allMembers') }, ...(settings.data?.tiers ?? []).map((tier) => ({ value: tier.code, label: t('clubEvents.tierAndAbove', { tier: tier.name }) }))]}
              data-testid="offer-tier"
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="points_cost" label={t('clubOffers.pointsCost')}>
            <InputNumber<number> min={1} max={10_000_000} precision={0} placeholder={t('clubOffers.free')} suffix={t('clubPoints.unit')} style={{ width: '100%' }} aria-label={t('clubOffers.pointsCost')} data-testid="offer-points" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="valid_from" label={t('clubOffers.validFrom')} rules={required(t('clubOffers.required'))}>
            <DatePicker style={{ width: '100%' }} aria-label={t('clubOffers.validFrom')} data-testid="offer-from" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="valid_to" label={t('clubOffers.validTo')} rules={required(t('clubOffers.required'))}>
            <DatePicker style={{ width: '100%' }} aria-label={t('clubOffers.validTo')} data-testid="offer-to" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('clubOffers.descriptionField')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="offer-description" />
      </Form.Item>
    </FormModal>
  );
}
