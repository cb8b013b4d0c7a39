import { Tooltip, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { orgPath } from '../orgTree';
import type { OrgUnit } from '../types';

/** An org unit's name, its path from the root on hover; its number, greyed, when it is out of the caller's sight. */
export function OrgUnitName({ id, byId }: { id: number; byId: ReadonlyMap<number, OrgUnit> }) {
  const t = useT();
  const unit = byId.get(id);
  if (!unit) return <Typography.Text type="secondary">{t('user.unknownOrgUnit', { id })}</Typography.Text>;
  return (
    <Tooltip title={orgPath(byId, id)}>
      <span>{unit.name}</span>
    </Tooltip>
  );
}
