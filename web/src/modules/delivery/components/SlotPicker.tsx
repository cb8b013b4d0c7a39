import { useMemo, useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Col, DatePicker, Empty, Flex, Form, Row, Select, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { required } from '../../../shared/ui/formRules';
import { slotDayLabel, slotHourLabel, today } from '../labels';
import type { HandoverSlot, SlotChoice } from '../types';

/** The times of a handover booked without a calendar: every half hour from 08:00 to 18:30. */
export const kHalfHours = Array.from({ length: 22 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

/** A day and a half hour ("10:30") of the browser's calendar, as the server's time. */
export const freeTime = (day: Dayjs, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return day.hour(hour).minute(minute).second(0).millisecond(0).toISOString();
};

/** The slots a desk may book: open ones (seats above 0), from today on, by day then hour. */
export function bookableSlots(slots: readonly HandoverSlot[] | undefined): HandoverSlot[] {
  const from = today();
  return (slots ?? []).filter((slot) => slot.capacity > 0 && slot.day >= from).sort((a, b) => a.day.localeCompare(b.day) || a.hour - b.hour);
}

/**
 * A slot of a batch's calendar as customer relations pick one (a form control; `value` the slot's
 * id): the day from a list (with the seats left that day), then the day's hours as buttons with the
 * seats left, a full one disabled; `current`, the slot booked now, is marked. `slots` are those to
 * offer, by day then hour; the day shown first is `value`'s, else `preferDay` when it has a seat, else
 * the first with one.
 */
export function SlotPicker({
  slots,
  value,
  onChange,
  current,
  preferDay,
}: {
  slots: readonly SlotChoice[];
  value?: number;
  onChange?: (id: number) => void;
  current?: number | null;
  preferDay?: string;
}) {
  const t = useT();
  const days = useMemo(() => {
    const byDay = new Map<string, SlotChoice[]>();
    for (const slot of slots) byDay.set(slot.day, [...(byDay.get(slot.day) ?? []), slot]);
    return [...byDay.entries()].map(([day, hours]) => ({ day, hours, left: hours.reduce((sum, slot) => sum + slot.left, 0) }));
  }, [slots]);
  const chosenDay = slots.find((slot) => slot.id === value)?.day;
  const firstOpen = (days.find((d) => d.day === preferDay && d.left > 0) ?? days.find((d) => d.left > 0) ?? days[0])?.day;
  const [shownDay, setShownDay] = useState<string | undefined>(undefined);
  const day = shownDay ?? chosenDay ?? firstOpen;
  const hours = days.find((d) => d.day === day)?.hours ?? [];

  if (days.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pick.none')} data-testid="slot-picker-empty" />;
  return (
    <Flex vertical gap={12} data-testid="slot-picker">
      <Select<string>
        value={day}
        onChange={setShownDay}
        aria-label={t('pick.day')}
        options={days.map((d) => ({
          value: d.day,
          label: `${slotDayLabel(t, d.day)} · ${d.left > 0 ? t('pick.dayLeft', { count: d.left }) : t('pick.full')}`,
        }))}
        style={{ maxWidth: 280 }}
        data-testid="slot-picker-day"
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 8 }} role="radiogroup" aria-label={t('pick.hour')}>
        {hours.map((slot) => {
          const chosen = slot.id === value;
          const mine = slot.id === current;
          const full = slot.left <= 0 && !mine;
          return (
            <button
              key={slot.id}
              type="button"
              role="radio"
              aria-checked={chosen}
              disabled={full}
              onClick={() => onChange?.(slot.id)}
              style={{
                textAlign: 'left',
                padding: '8px 10px',
                borderRadius: 8,
                border: `1px solid ${chosen ? '#1f4fd1' : '#d9dde4'}`,
                background: chosen ? '#eef3ff' : full ? '#f5f6f8' : '#fff',
                color: full ? '#a0a6b1' : undefined,
                cursor: full ? 'not-allowed' : 'pointer',
                boxShadow: chosen ? '0 0 0 1px #1f4fd1 inset' : undefined,
              }}
              data-testid={`slot-${slot.day}-${slot.hour}`}
              data-left={slot.left}
            >
              <Flex justify="space-between" align="center" gap={4}>
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {slotHourLabel(slot.hour)}
                </Typography.Text>
                {mine && (
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {t('pick.current')}
                  </Tag>
                )}
              </Flex>
              <Typography.Text type={full ? undefined : 'secondary'} style={{ fontSize: 12, color: full ? 'inherit' : undefined }}>
                {slot.left > 0 ? t('pick.left', { count: slot.left }) : t('pick.full')}
              </Typography.Text>
            </button>
          );
        })}
      </div>
    </Flex>
  );
}

/** The day and half hour of a handover booked without a calendar (the form's `day` and `time`). */
export function FreeTimeFields() {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col xs={14}>
        <Form.Item name="day" label={t('book.date')} rules={required(t('book.dateRequired'))}>
          <DatePicker style={{ width: '100%' }} data-testid="book-day" />
        </Form.Item>
      </Col>
      <Col xs={10}>
        <Form.Item name="time" label={t('book.time')} rules={required(t('book.timeRequired'))}>
          <Select showSearch options={kHalfHours.map((slot) => ({ value: slot, label: slot }))} data-testid="book-time" />
        </Form.Item>
      </Col>
    </Row>
  );
}
