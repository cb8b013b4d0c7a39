import { useEffect, useState } from 'react';
import { Alert, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { inventoryApi } from '../api';
import { unitEventLabel } from '../labels';
import type { UnitEvent } from '../types';

const kEventColors: Record<string, string> = { created: '#1f4fd1', status: '#e8720c', owner: '#13a8a8', changed: '#722ed1' };

/** A unit's history, newest first: creation, status changes, owners. `refreshKey` reads it again. */
export function UnitHistory({ unitId, refreshKey }: { unitId: number; refreshKey: number }) {
  const t = useT();
  const [events, setEvents] = useState<UnitEvent[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    inventoryApi.history(unitId).then(
      (page) => {
        if (!current) return;
        setEvents(page.items.slice().reverse());
        setError(null);
      },
      (err) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [unitId, refreshKey]);

  if (error) return <Alert type="error" showIcon title={errorMessage(t, error)} />;
  if (!events) {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  }
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unit.historyEmpty')} />;
  return (
    <Timeline
      data-testid="unit-history"
      items={events.map((event) => {
        const color = kEventColors[event.kind] ?? '#8c94a3';
        return {
          key: event.id,
          color,
          content: (
            <div data-testid="unit-event">
              <Flex gap={8} align="center" wrap>
                <Tag style={{ marginInlineEnd: 0, color, borderColor: `${color}66`, background: `${color}0d` }}>{unitEventLabel(t, event.kind)}</Tag>
                <Typography.Text>{event.summary}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(event.at)}
                {event.actor_id !== null && ` · ${t('unit.actor', { id: event.actor_id })}`}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
