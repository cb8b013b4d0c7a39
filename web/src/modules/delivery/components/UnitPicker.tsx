import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Empty, Flex, Input, Segmented, Spin, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { buildingLabel } from '../../inventory/labels';
import { useProjectUnits } from '../queries';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });
const kShownChosen = 40;

/**
 * The units of a batch, chosen by their codes, never their ids: a building at a time (tick rooms, or
 * the whole building), or codes pasted from a list ("1-1-201 1-1-202", one a line or separated by
 * commas). A form control: `value` the chosen units' ids.
 */
export function UnitPicker({ projectId, value = [], onChange, id }: { projectId: number | undefined; value?: number[]; onChange?: (ids: number[]) => void; id?: string }) {
  const t = useT();
  const { units, byId, loading, error } = useProjectUnits(projectId);
  const buildings = useMemo(() => [...new Set(units.map((unit) => unit.building))].sort(natural), [units]);
  const [picked, setBuilding] = useState<string | null>(null);
  const building = picked !== null && buildings.includes(picked) ? picked : (buildings[0] ?? null);
  const [pasted, setPasted] = useState('');
  const [pasteResult, setPasteResult] = useState<{ added: number; unknown: string[] } | null>(null);

  const chosen = new Set(value);
  const inBuilding = units.filter((unit) => unit.building === building).sort((a, b) => natural(a.code, b.code));
  const set = (ids: Iterable<number>) => onChange?.([...new Set(ids)]);

  if (projectId === undefined) return <Typography.Text type="secondary">{t('batch.chooseProjectFirst')}</Typography.Text>;
  if (loading) return <Spin />;
  if (error) return <ErrorAlert error={error} style={{}} />;
  if (units.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('batch.noUnits')} />;

  const addPasted = () => {
    const codes = pasted.split(/[\s,，、;；]+/).map((code) => code.trim()).filter(Boolean);
    const byCode = new Map(units.map((unit) => [unit.code, unit.id]));
    const found = codes.map((code) => byCode.get(code)).filter((unitId): unitId is number => unitId !== undefined);
    const unknown = codes.filter((code) => !byCode.has(code));
    set([...value, ...found]);
    setPasteResult({ added: found.length, unknown });
    if (unknown.length === 0) setPasted('');
  };

  const chosenCodes = value.map((unitId) => byId.get(unitId)?.code ?? '').filter(Boolean).sort(natural);
  return (
    <Flex vertical gap={10} id={id} data-testid="unit-picker">
      {buildings.length > 1 && (
        <Segmented<string>
          value={building ?? undefined}
          onChange={setBuilding}
          options={buildings.map((b) => ({ value: b, label: buildingLabel(t, b) }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          data-testid="unit-picker-buildings"
        />
      )}
      <Flex gap={8} wrap>
        <Button size="small" onClick={() => set([...value, ...inBuilding.map((unit) => unit.id)])} data-testid="pick-building">
          {t('batch.pickAllBuilding')}
        </Button>
        <Button size="small" onClick={() => set(value.filter((unitId) => byId.get(unitId)?.building !== building))}>
          {t('batch.clearBuilding')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 200, overflowY: 'auto', border: '1px solid #f0f2f5', borderRadius: 6, padding: '8px 10px' }}>
        <Flex wrap gap={4}>
          {inBuilding.map((unit) => (
            <Checkbox
              key={unit.id}
              checked={chosen.has(unit.id)}
              onChange={(event) => set(event.target.checked ? [...value, unit.id] : value.filter((unitId) => unitId !== unit.id))}
              style={{ minWidth: 96, marginInlineStart: 0 }}
              data-testid={`pick-unit-${unit.code}`}
            >
              <span className="hearth-mono">{unit.code}</span>
            </Checkbox>
          ))}
        </Flex>
      </div>
      <Flex gap={8} align="flex-start">
        <Input.TextArea
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          placeholder={t('batch.pastePlaceholder')}
          aria-label={t('batch.pasteCodes')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          data-testid="paste-codes"
        />
        <Button onClick={addPasted} disabled={!pasted.trim()} data-testid="add-codes">
          {t('batch.addCodes')}
        </Button>
      </Flex>
      {pasteResult && (pasteResult.unknown.length > 0 || pasteResult.added > 0) && (
        <Alert
          type={pasteResult.unknown.length ? 'warning' : 'success'}
          showIcon
          title={
            pasteResult.unknown.length
              ? t('batch.codesUnknown', { codes: pasteResult.unknown.join('、') })
              : t('batch.codesAdded', { count: pasteResult.added })
          }
          data-testid="paste-result"
        />
      )}
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong data-testid="unit-picker-count" data-count={value.length}>
          {t('batch.selectedCount', { count: value.length })}
        </Typography.Text>
        {value.length > 0 && (
          <Button type="link" size="small" onClick={() => set([])} style={{ padding: 0 }}>
            {t('batch.clearAll')}
          </Button>
        )}
      </Flex>
      {chosenCodes.length > 0 && (
        <Flex wrap gap={4} data-testid="unit-picker-chosen">
          {chosenCodes.slice(0, kShownChosen).map((code) => (
            <Tag key={code} style={{ marginInlineEnd: 0 }} className="hearth-mono">
              {code}
            </Tag>
          ))}
          {chosenCodes.length > kShownChosen && <Typography.Text type="secondary">…</Typography.Text>}
        </Flex>
      )}
    </Flex>
  );
}
