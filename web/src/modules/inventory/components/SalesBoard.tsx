import { memo, useMemo, type CSSProperties } from 'react';
import { Flex, Tooltip, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { formatArea, formatCompactPrice, formatUnitPrice, formatYuan, statusColor, unitStatusLabel } from '../labels';
import { kUnitStatuses, type Board, type BoardUnit, type UnitStatus } from '../types';

const kCellWidth = 108;

/** The room's place on its floor: "1801" on floor 18 is "01"; a room named otherwise keeps its name. */
function roomSuffix(room: string, floor: number): string {
  const prefix = String(floor);
  return room.startsWith(prefix) && room.length > prefix.length ? room.slice(prefix.length) : room;
}

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

interface Column {
  key: string;
  entrance: string;
  suffix: string;
}

/** The board's columns: one per entrance and room position, entrances in order, rooms in order. */
function columnsOf(board: Board): { columns: Column[]; entrances: { entrance: string; span: number }[] } {
  const seen = new Map<string, Column>();
  for (const { floor, units } of board.floors) {
    for (const unit of units) {
      const suffix = roomSuffix(unit.room, floor);
      const key = `${unit.entrance}|${suffix}`;
      if (!seen.has(key)) seen.set(key, { key, entrance: unit.entrance, suffix });
    }
  }
  const columns = [...seen.values()].sort((a, b) => natural(a.entrance, b.entrance) || natural(a.suffix, b.suffix));
  const entrances: { entrance: string; span: number }[] = [];
  for (const column of columns) {
    const last = entrances.at(-1);
    if (last && last.entrance === column.entrance) last.span += 1;
    else entrances.push({ entrance: column.entrance, span: 1 });
  }
  return { columns, entrances };
}

function CellTip({ unit, t }: { unit: BoardUnit; t: Translate }) {
  return (
    <div style={{ lineHeight: 1.7 }}>
      <div style={{ fontWeight: 600 }}>{unit.code}</div>
      <div>{`${t('inventory.status')}：${unitStatusLabel(t, unit.status)}`}</div>
      {unit.layout && <div>{`${t('inventory.layout')}：${unit.layout}`}</div>}
      <div>{`${t('inventory.area')}：${formatArea(unit.area_m2)}`}</div>
      <div>{`${t('inventory.listPrice')}：${formatYuan(unit.list_price_cents)}`}</div>
      {unit.list_price_cents > 0 && <div>{`${t('inventory.unitPrice')}：${formatUnitPrice(unit.list_price_cents, unit.area_m2)}/m²`}</div>}
    </div>
  );
}

function BoardCell({ unit, dimmed, onOpen, t }: { unit: BoardUnit; dimmed: boolean; onOpen: (unit: BoardUnit) => void; t: Translate }) {
  const color = statusColor(unit.status);
  return (
    <Tooltip title={<CellTip unit={unit} t={t} />} mouseEnterDelay={0.4}>
      <button
        type="button"
        onClick={() => onOpen(unit)}
        data-testid={`board-cell-${unit.code}`}
        data-status={unit.status}
        aria-label={`${unit.code} ${unitStatusLabel(t, unit.status)}`}
        style={{
          display: 'block',
          width: '100%',
          minHeight: 58,
          padding: '5px 8px 5px 9px',
          textAlign: 'left',
          cursor: 'pointer',
          background: color.soft,
          color: color.text,
          border: `1px solid ${color.strong}40`,
          borderInlineStart: `4px solid ${color.strong}`,
          borderRadius: 4,
          opacity: dimmed ? 0.22 : 1,
          transition: 'opacity 0.2s, box-shadow 0.2s',
          font: 'inherit',
        }}
        className="hearth-board-cell"
      >
        <Flex justify="space-between" align="baseline" gap={4}>
          <span style={{ fontWeight: 600, fontSize: 14 }}>{unit.room}</span>
          <span style={{ fontSize: 11 }}>{unitStatusLabel(t, unit.status)}</span>
        </Flex>
        <div style={{ fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{unit.layout || '—'}</div>
        <Flex justify="space-between" style={{ fontSize: 11, opacity: 0.85 }} gap={4}>
          <span>{formatArea(unit.area_m2)}</span>
          <span>{formatCompactPrice(t, unit.list_price_cents)}</span>
        </Flex>
      </button>
    </Tooltip>
  );
}

/**
 * The sales-control board (销控表) of one building: a row per floor, top floor first; a column per
 * entrance (单元) and room position; each cell coloured by status. `highlight` dims the other statuses.
 */
export const SalesBoard = memo(function SalesBoard({
  board,
  highlight,
  onOpen,
}: {
  board: Board;
  highlight: UnitStatus | null;
  onOpen: (unit: BoardUnit) => void;
}) {
  const t = useT();
  const { columns, entrances } = useMemo(() => columnsOf(board), [board]);
  const header: CSSProperties = {
    position: 'sticky',
    top: 0,
    background: '#f7f8fa',
    color: '#434a57',
    fontWeight: 500,
    fontSize: 12,
    padding: '6px 4px',
    textAlign: 'center',
    borderBottom: '1px solid #e8ebf0',
    zIndex: 1,
  };
  const floorCell: CSSProperties = {
    position: 'sticky',
    left: 0,
    background: '#fff',
    fontWeight: 600,
    color: '#434a57',
    textAlign: 'right',
    padding: '0 10px 0 4px',
    whiteSpace: 'nowrap',
    zIndex: 1,
  };
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="sales-board" data-building={board.building} data-revision={board.revision}>
      <table style={{ borderCollapse: 'separate', borderSpacing: 4, minWidth: 'max-content' }}>
        <thead>
          <tr>
            <th rowSpan={2} style={{ ...header, ...floorCell, background: '#f7f8fa', zIndex: 2 }}>
              {t('inventory.floor')}
            </th>
            {entrances.map(({ entrance, span }) => (
              <th key={entrance} colSpan={span} style={header}>
                {t('inventory.entranceName', { entrance })}
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((column) => (
              <th key={column.key} style={{ ...header, width: kCellWidth, minWidth: kCellWidth, fontWeight: 400, color: '#8c94a3' }}>
                {t('inventory.roomPosition', { suffix: column.suffix })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.floors.map(({ floor, units }) => {
            const byColumn = new Map(units.map((unit) => [`${unit.entrance}|${roomSuffix(unit.room, floor)}`, unit]));
            return (
              <tr key={floor} data-testid={`board-floor-${floor}`}>
                <th scope="row" style={floorCell}>
                  {t('inventory.floorName', { floor })}
                </th>
                {columns.map((column) => {
                  const unit = byColumn.get(column.key);
                  return (
                    <td key={column.key} style={{ width: kCellWidth, minWidth: kCellWidth, padding: 0 }}>
                      {unit ? (
                        <BoardCell unit={unit} dimmed={highlight !== null && unit.status !== highlight} onOpen={onOpen} t={t} />
                      ) : (
                        <div style={{ minHeight: 58, borderRadius: 4, background: 'repeating-linear-gradient(45deg, #fafbfc, #fafbfc 6px, #f2f4f7 6px, #f2f4f7 12px)' }} />
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

/** The legend over the board: each status with its colour and count, and the total; a click highlights a status. */
export function BoardLegend({
  counts,
  highlight,
  onHighlight,
}: {
  counts: Board['counts'];
  highlight: UnitStatus | null;
  onHighlight: (status: UnitStatus | null) => void;
}) {
  const t = useT();
  const total = kUnitStatuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  return (
    <Flex gap={8} wrap align="center" data-testid="board-legend">
      {kUnitStatuses.map((status) => {
        const color = statusColor(status);
        const count = counts[status] ?? 0;
        const active = highlight === status;
        return (
          <button
            key={status}
            type="button"
            onClick={() => onHighlight(active ? null : status)}
            aria-pressed={active}
            data-testid={`board-count-${status}`}
            data-count={count}
            style={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 8,
              padding: '5px 12px',
              borderRadius: 16,
              cursor: 'pointer',
              font: 'inherit',
              fontSize: 13,
              border: `1px solid ${active ? color.strong : '#e3e6eb'}`,
              background: active ? color.soft : '#fff',
              color: '#2b313c',
              opacity: highlight && !active ? 0.55 : 1,
            }}
          >
            <span style={{ width: 12, height: 12, borderRadius: 3, background: color.strong, display: 'inline-block' }} />
            <span>{unitStatusLabel(t, status)}</span>
            <span style={{ fontWeight: 600, color: color.text }}>{count}</span>
          </button>
        );
      })}
      <Typography.Text type="secondary" style={{ marginInlineStart: 4 }} data-testid="board-total">
        {t('inventory.boardTotal', { count: total })}
      </Typography.Text>
      {total > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('inventory.soldShare', {
            share: Math.round((((counts.subscribed ?? 0) + (counts.contracted ?? 0) + (counts.delivered ?? 0)) / total) * 100),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}
