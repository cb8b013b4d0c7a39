import { useMemo, useState, type CSSProperties } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Empty, Flex, Form, Grid, InputNumber, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { deliveryApi } from '../api';
import { batchKeys, slotChanged, slotsOpened, useSlots } from '../queries';
import { slotDayLabel, slotHourLabel, slotLabel, today, weekdayLabel } from '../labels';
import { capacityErrorText } from '../errors';
import { kSlotHours, kWeekdays, type DeliveryBatch, type HandoverSlot } from '../types';

/** The most days one opening may span (the server's limit). */
const kMaxDays = 62;
/** The hours offered first: 9–11 in the morning, 2–4 in the afternoon. */
const kWorkHours = [9, 10, 11, 14, 15, 16];
const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** A cell's colours: closed grey, full red, some booked blue, none booked plain. */
function cellStyle(slot: HandoverSlot, clickable: boolean): CSSProperties {
  const closed = slot.capacity === 0;
  const full = !closed && slot.left === 0;
  return {
    width: '100%',
    minWidth: 0,
    padding: '4px 2px',
    borderRadius: 6,
    border: `1px solid ${closed ? '#e6e9ef' : full ? '#ffccc7' : slot.booked > 0 ? '#adc6ff' : '#d9dde4'}`,
    background: closed ? '#f5f6f8' : full ? '#fff1f0' : slot.booked > 0 ? '#f0f5ff' : '#fff',
    color: closed ? '#a0a6b1' : full ? '#cf1322' : undefined,
    fontSize: 12,
    fontVariantNumeric: 'tabular-nums',
    textAlign: 'center',
    cursor: clickable ? 'pointer' : 'default',
    whiteSpace: 'nowrap',
  };
}

/** One slot: booked/seats, or 关闭; a button that changes the seats when `onEdit`. */
function SlotCell({ slot, onEdit, showHour }: { slot: HandoverSlot; onEdit?: (slot: HandoverSlot) => void; showHour?: boolean }) {
  const t = useT();
  const text = slot.capacity === 0 ? t('slot.closed') : `${slot.booked}/${slot.capacity}`;
  const label = t('slot.cellLabel', { slot: slotLabel(t, slot), booked: slot.booked, capacity: slot.capacity });
  const content = showHour ? `${hh(slot.hour)} · ${text}` : text;
  const data = { 'data-testid': `slot-cell-${slot.day}-${slot.hour}`, 'data-booked': slot.booked, 'data-capacity': slot.capacity };
  return onEdit ? (
    <button type="button" style={cellStyle(slot, true)} aria-label={label} title={label} onClick={() => onEdit(slot)} {...data}>
      {content}
    </button>
  ) : (
    <span style={{ ...cellStyle(slot, false), display: 'inline-block' }} title={label} {...data}>
      {content}
    </span>
  );
}

/**
 * 交付排期 of a batch: the slots by day (China time) and hour as a grid (on a phone, each day's hours
 * as a row of chips), each showing booked/seats, closed ones grey and full ones red, with the totals;
 * past days folded away. Customer relations open slots (a range of days, the weekdays, the hours,
 * the seats per hour) and change a slot's seats (0 closes it) by clicking it.
 */
export function SlotCalendar({ batch, writable }: { batch: DeliveryBatch; writable: boolean }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = useSlots(batch.id);
  const opening = useModalTarget<true>();
  const editing = useModalTarget<number>();
  const [showPast, setShowPast] = useState(false);
  const list = query.data;

  const { days, hours, pastCount } = useMemo(() => {
    const byDay = new Map<string, Map<number, HandoverSlot>>();
    const hourSet = new Set<number>();
    for (const slot of list?.items ?? []) {
      if (!byDay.has(slot.day)) byDay.set(slot.day, new Map());
      byDay.get(slot.day)!.set(slot.hour, slot);
      hourSet.add(slot.hour);
    }
    const from = today();
    const all = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, slots]) => ({ day, slots, past: day < from }));
    return { days: all, hours: [...hourSet].sort((a, b) => a - b), pastCount: all.filter((d) => d.past).length };
  }, [list]);
  const shown = showPast ? days : days.filter((d) => !d.past);
  const onEdit = writable ? (slot: HandoverSlot) => editing.openModal(slot.id) : undefined;

  const header = (
    <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 260px' }}>
        {t('slot.hint')}
      </Typography.Text>
      {writable && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => opening.openModal(true)} data-testid="slot-open">
          {t('slot.open')}
        </Button>
      )}
    </Flex>
  );

  let body;
  if (!list) {
    body = query.error ? <ErrorAlert error={query.error} /> : <Spin />;
  } else if (list.items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${t('slot.empty')}。${t('slot.emptyHint')}`} data-testid="slot-empty" />;
  } else {
    const seats = list.capacity;
    body = (
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong data-testid="slot-totals">
            {t('slot.totals', { slots: list.items.filter((s) => s.capacity > 0).length, capacity: seats, booked: list.booked, left: Math.max(0, seats - list.booked) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {writable ? t('slot.legend') : t('slot.legendRead')}
          </Typography.Text>
        </Flex>
        {pastCount > 0 && (
          <Button type="link" size="small" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => setShowPast((v) => !v)} data-testid="slot-past-toggle">
            {showPast ? t('slot.hidePast') : t('slot.showPast', { count: pastCount })}
          </Button>
        )}
        {narrow ? (
          <Flex vertical data-testid="slot-grid">
            {shown.map(({ day, slots, past }) => (
              <div key={day} style={{ padding: '8px 0', borderTop: '1px solid #f0f2f5', opacity: past ? 0.6 : 1 }} data-testid={`slot-day-${day}`}>
                <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
                  {slotDayLabel(t, day)}
                </Typography.Text>
                <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 6 }}>
                  {[...slots.values()].sort((a, b) => a.hour - b.hour).map((slot) => (
                    <SlotCell key={slot.id} slot={slot} onEdit={onEdit} showHour />
                  ))}
                </div>
              </div>
            ))}
          </Flex>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <div
              style={{ display: 'grid', gridTemplateColumns: `120px repeat(${hours.length}, minmax(52px, 88px))`, gap: 4, alignItems: 'center', minWidth: 120 + hours.length * 56 }}
              data-testid="slot-grid"
            >
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('slot.dayColumn')}
              </Typography.Text>
              {hours.map((hour) => (
                <Typography.Text key={hour} type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
                  {hh(hour)}
                </Typography.Text>
              ))}
              {shown.map(({ day, slots, past }) => (
                <DayRow key={day} day={day} past={past} slots={slots} hours={hours} onEdit={onEdit} />
              ))}
            </div>
          </div>
        )}
      </Flex>
    );
  }

  return (
    <div data-testid="slot-calendar">
      {header}
      {body}
      {opening.modal && <OpenSlotsModal key={opening.modal.key} batch={batch} before={list?.items.length ?? 0} onClose={opening.closeModal} />}
      {editing.modal && <CapacityModal key={editing.modal.key} batchId={batch.id} slotId={editing.modal.target} onClose={editing.closeModal} />}
    </div>
  );
}

/** A day of the grid: its label, then a cell per hour (empty where the day has no slot). */
function DayRow({ day, past, slots, hours, onEdit }: { day: string; past: boolean; slots: Map<number, HandoverSlot>; hours: number[]; onEdit?: (slot: HandoverSlot) => void }) {
  const t = useT();
  return (
    <>
      <Typography.Text style={{ whiteSpace: 'nowrap', opacity: past ? 0.6 : 1 }} data-testid={`slot-day-${day}`}>
        {slotDayLabel(t, day)}
      </Typography.Text>
      {hours.map((hour) => {
        const slot = slots.get(hour);
        return slot ? (
          <div key={hour} style={{ opacity: past ? 0.6 : 1, minWidth: 0 }}>
            <SlotCell slot={slot} onEdit={onEdit} />
          </div>
        ) : (
          <span key={hour} />
        );
      })}
    </>
  );
}

interface OpenValues {
  range?: [Dayjs, Dayjs];
  weekdays: number[];
  hours: number[];
  per_hour?: number;
}

/**
 * 开放时段: a range of days (from today, at most 62), the weekdays, the hours (7–21, China time) and
 * the seats per hour. Slots that exist keep their seats; the answer is the whole calendar.
 * Mount it once per opening.
 */
function OpenSlotsModal({ batch, before, onClose }: { batch: DeliveryBatch; before: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OpenValues>();
  const tomorrow = dayjs(today()).add(1, 'day');
  const first = dayjs(batch.planned_on).isBefore(tomorrow) ? tomorrow : dayjs(batch.planned_on);
  return (
    <FormModal<OpenValues>
      form={form}
      name="open-slots"
      formFields={['range', 'weekdays', 'hours', 'per_hour']}
      fieldResolver={{ from_on: 'range', to_on: 'range' }}
      initialValues={{ range: [first, first.add(13, 'day')], weekdays: [...kWeekdays], hours: kWorkHours, per_hour: 5 }}
      autoComplete="off"
      title={t('slot.openTitle')}
      okText={t('slot.openSubmit')}
      width={600}
      testId="open-slots-modal"
      onSave={async (values) => {
        const [from, to] = values.range!;
        const slots = await deliveryApi.openSlots(batch.id, {
          from_on: from.format('YYYY-MM-DD'),
          to_on: to.format('YYYY-MM-DD'),
          ...(values.weekdays.length < kWeekdays.length ? { weekdays: [...values.weekdays].sort((a, b) => a - b) } : {}),
          hours: [...values.hours].sort((a, b) => a - b),
          per_hour: values.per_hour!,
        });
        slotsOpened(queryClient, batch.id, slots);
        const added = slots.items.length - before;
        void message.success(added > 0 ? t('slot.opened', { count: added }) : t('slot.openedNone'));
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('slot.openHint')}
      </Typography.Paragraph>
      <Form.Item
        name="range"
        label={t('slot.range')}
        rules={[
          ...required(t('slot.rangeRequired')),
          {
            validator: async (_, range?: [Dayjs, Dayjs]) =>
              range && range[1].diff(range[0], 'day') + 1 > kMaxDays ? Promise.reject(new Error(t('slot.rangeTooLong'))) : undefined,
          },
        ]}
      >
        <DatePicker.RangePicker
          style={{ width: '100%', maxWidth: 320 }}
          disabledDate={(day) => day.isBefore(dayjs(today()), 'day')}
          aria-label={t('slot.range')}
          data-testid="slot-range"
        />
      </Form.Item>
      <Form.Item name="weekdays" label={t('slot.weekdays')} rules={[{ type: 'array', min: 1, message: t('slot.weekdaysRequired') }]}>
        <Checkbox.Group options={kWeekdays.map((value) => ({ value, label: weekdayLabel(t, value) }))} data-testid="slot-weekdays" />
      </Form.Item>
      <Form.Item
        label={t('slot.hours')}
        required
        extra={
          <Flex gap={12} style={{ marginTop: 4 }}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldValue('hours', [...kSlotHours])}>
              {t('slot.allHours')}
            </Button>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldValue('hours', kWorkHours)}>
              {t('slot.workHours')}
            </Button>
          </Flex>
        }
      >
        <Form.Item name="hours" noStyle rules={[{ type: 'array', min: 1, message: t('slot.hoursRequired') }]}>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(72px, 1fr))', gap: 6 }} data-testid="slot-hours">
            {kSlotHours.map((hour) => (
              <Checkbox key={hour} value={hour} aria-label={slotHourLabel(hour)}>
                {hh(hour)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form.Item>
      <Form.Item name="per_hour" label={t('slot.perHour')} rules={required(t('slot.perHourRequired'))}>
        <InputNumber min={1} max={200} precision={0} style={{ width: 160 }} data-testid="slot-per-hour" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * A slot's seats (0 closes it; never fewer than booked: 409 slot_booked), on its version. The slot is
 * read from the calendar on screen, so 重新加载 after a version conflict edits the fresh one.
 * Mount it once per opening.
 */
function CapacityModal({ batchId, slotId, onClose }: { batchId: number; slotId: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ capacity?: number }>();
  const slot = useSlots(batchId).data?.items.find((s) => s.id === slotId);
  if (!slot) return null;
  return (
    <FormModal<{ capacity?: number }>
      form={form}
      name="slot-capacity"
      formFields={['capacity']}
      errorText={(cause) => capacityErrorText(t, cause)}
      initialValues={{ capacity: slot.capacity }}
      autoComplete="off"
      title={t('slot.editTitle', { slot: slotLabel(t, slot) })}
      okText={t('common.save')}
      width={440}
      testId="slot-capacity-modal"
      onSave={async (values) => {
        const saved = await deliveryApi.setSlotCapacity(slot.id, slot.version, values.capacity!);
        slotChanged(queryClient, saved);
        const name = slotLabel(t, saved);
        void message.success(saved.capacity === 0 ? t('slot.closedDone', { slot: name }) : t('slot.saved', { slot: name, capacity: saved.capacity }));
      }}
      onReload={async () => {
        await queryClient.invalidateQueries({ queryKey: batchKeys.slots(batchId) });
      }}
      onClose={onClose}
    >
      <Form.Item
        name="capacity"
        label={t('slot.capacity')}
        rules={required(t('slot.capacityRequired'))}
        extra={t('slot.capacityHint', { booked: slot.booked })}
      >
        <InputNumber min={0} max={200} precision={0} autoFocus style={{ width: 160 }} data-testid="slot-capacity" />
      </Form.Item>
    </FormModal>
  );
}
