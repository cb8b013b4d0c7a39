import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { listFallback } from '../../../shared/ui/QueryState';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { inventoryApi } from '../api';
import { unitKeys } from '../queries';
import { unitEventLabel } from '../labels';
import type { UnitEvent } from '../types';
import { useUsers } from '../../platform/useUsers';

const kEventColors: Record<string, string> = { created: '#1f4fd1', status: '#e8720c', owner: '#13a8a8', changed: '#722ed1', price: '#c41d7f' };

/**
 * A unit's history, newest first: creation, status changes, owners (`unitKeys.history`). Who acted
 * is named from the users in the caller's scope (the history carries the id only).
 */
export function UnitHistory({ unitId }: { unitId: number }) {
  const t = useT();
  const users = useUsers();
  const { data: events, error } = useQuery({
    queryKey: unitKeys.history(unitId),
    queryFn: async ({ signal }): Promise<UnitEvent[]> => (await inventoryApi.history(unitId, signal)).items.slice().reverse(),
  });

  const fallback = listFallback(events, error, t('unit.historyEmpty'));
  if (fallback || !events) return fallback;
  return (
    <Timeline
      data-testid="unit-history"
      items={events.map((event) => {
        const color = kEventColors[event.kind] ?? '#8c94a3';
        return {
          key: event.id,
          color,
          content: (
            <div data-testid="unit-event" data-kind={event.kind}>
              <Flex gap={8} align="center" wrap>
                <Tag style={{ marginInlineEnd: 0, color, borderColor: `${color}66`, background: `${color}0d` }}>{unitEventLabel(t, event.kind)}</Tag>
                <Typography.Text>{event.summary}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(event.at)}
                {` · ${event.actor_id === null ? t('unit.actorSystem') : t('unit.actor', { name: event.actor_name || users.name(event.actor_id, t('user.someone')) })}`}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
