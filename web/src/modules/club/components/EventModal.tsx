import { useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { clubApi } from '../api';
import { eventChanged, useClubSettings } from '../queries';
import { chinaTime, eventStateLabel } from '../labels';
import type { ClubEvent, ClubEventStatus, EventBody } from '../types';

interface Values {
  title: string;
  place?: string;
  description?: string;
  starts_at: Dayjs;
  ends_at: Dayjs;
  capacity: number;
  points?: number;
  /** '' for every member */
  tier_min: string;
  status: ClubEventStatus;
}

const kFields = ['title', 'place', 'description', 'starts_at', 'ends_at', 'capacity', 'points', 'tier_min', 'status'] as const;
const kTimeFormat = 'YYYY-MM-DD HH:mm';
const kStatuses = ['open', 'closed', 'cancelled'] as const satisfies readonly ClubEventStatus[];

/** The picker's wall clock read as China's (UTC+8, no summer time), whatever the browser's zone. */
const fromChina = (value: Dayjs) => new Date(`${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`).toISOString();
/** A server time as the picker's wall clock in China. */
const toChina = (value: string) => dayjs(chinaTime(value), kTimeFormat);

const valuesOf = (event: ClubEvent): Values => ({
  title: event.title,
  place: event.place,
  description: event.description,
  starts_at: toChina(event.starts_at),
  ends_at: toChina(event.ends_at),
  capacity: event.capacity,
  points: event.points,
  tier_min: event.tier_min ?? '',
  status: event.status,
});

/**
 * 新建活动 / 编辑活动: title, place, description, start and end (China time), the places, the points
 * a member checked in earns, the lowest tier it is open to (the group's tiers by name); on an edit
 * its status too (If-Match the version: a change meanwhile is told in words, with 重新载入). The
 * server's faults land on their fields. A new event opens its page.
 */
export function EventModal({ event, onClose }: { event?: ClubEvent; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const settings = useClubSettings();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(event?.version ?? 0);

  const save = async (values: Values) => {
    const body: EventBody = {
      title: values.title.trim(),
      place: values.place?.trim() ?? '',
      description: values.description?.trim() ?? '',
      starts_at: fromChina(values.starts_at),
      ends_at: fromChina(values.ends_at),
      capacity: values.capacity,
      points: values.points ?? 0,
      tier_min: values.tier_min || null,
    };
    if (event) {
      const saved = await clubApi.updateEvent(event.id, { ...body, status: values.status }, version);
      eventChanged(queryClient, saved);
      void message.success(t('clubEvents.saved'));
    } else {
      const created = await clubApi.createEvent(body);
      eventChanged(queryClient, created);
      void message.success(t('clubEvents.created'));
      navigate(`/club/events/${created.id}`);
    }
  };

  const reload = async () => {
    if (!event) return;
    const fresh = await clubApi.event(event.id);
    eventChanged(queryClient, fresh);
    setVersion(fresh.version);
    form.setFieldsValue(valuesOf(fresh));
  };

  const start = dayjs().add(7, 'day').hour(14).minute(0).second(0).millisecond(0);
  const initialValues: Partial<Values> = event ? valuesOf(event) : { starts_at: start, ends_at: start.add(2, 'hour'), points: 0, tier_min: '', status: 'open' };
  const picker = { showTime: { format: 'HH:mm', minuteStep: 5 as const }, format: kTimeFormat, style: { width: '100%' }, needConfirm: false };

  return (
    <FormModal<Values>
      form={form}
      name={event ? 'club-event-edit' : 'club-event-new'}
      formFields={kFields}
      initialValues={initialValues}
      title={t(event ? 'clubEvents.editTitle' : 'clubEvents.new')}
      okText={t('common.save')}
      width={600}
      testId="event-modal"
      onSave={save}
      onReload={event ? reload : undefined}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('clubEvents.eventTitle')} rules={requiredText(t('clubEvents.required'))}>
        <Input maxLength={60} data-testid="event-title" />
      </Form.Item>
      <Form.Item name="place" label={t('clubEvents.place')}>
        <Input maxLength={100} data-testid="event-place" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="starts_at" label={t('clubEvents.startsAt')} rules={required(t('clubEvents.required'))}>
            <DatePicker {...picker} aria-label={t('clubEvents.startsAt')} data-testid="event-starts" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="ends_at" label={t('clubEvents.endsAt')} rules={required(t('clubEvents.required'))}>
            <DatePicker {...picker} aria-label={t('clubEvents.endsAt')} data-testid="event-ends" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="capacity" label={t('clubEvents.capacity')} rules={required(t('clubEvents.required'))}>
            <InputNumber<number> min={1} max={100_000} precision={0} suffix={t('clubEvents.people')} style={{ width: '100%' }} aria-label={t('clubEvents.capacity')} data-testid="event-capacity" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="points" label={t('clubEvents.points')}>
            <InputNumber<number> min={0} max={100_000} precision={0} suffix={t('clubPoints.unit')} style={{ width: '100%' }} aria-label={t('clubEvents.points')} data-testid="event-points" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="tier_min" label={t('clubEvents.tier')}>
            <Select<string>
              aria-label={t('clubEvents.tier')}
              options={[{ value: '', label: t('clubEvents.allMembers') }, ...(settings.data?.tiers ?? []).map((tier) => ({ value: tier.code, label: t('clubEvents.tierAndAbove', { tier: tier.name }) }))]}
              data-testid="event-tier"
            />
          </Form.Item>
        </Col>
      </Row>
      {event && (
        <Form.Item name="status" label={t('clubEvents.status')}>
          <Select<ClubEventStatus> aria-label={t('clubEvents.status')} options={kStatuses.map((status) => ({ value: status, label: eventStateLabel(t, status) }))} data-testid="event-status" />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('clubEvents.descriptionField')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="event-description" />
      </Form.Item>
    </FormModal>
  );
}
