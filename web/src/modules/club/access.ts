import { hasAnyRole, kAdminRoles, mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** What the signed-in user may do in the club (the server decides; this only hides what it would refuse). */
export function clubAccess(me: Me | null) {
  const write = mayDo(me, 'record.write');
  const manager = hasAnyRole(me, kAdminRoles);
  return {
    /** 入会, points earned (活动, 调查…) and redeemed: the roles that write records (all but viewer). */
    write,
    /** 积分调整 (points given or taken by hand): managers and administrators. */
    adjust: write && manager,
    /** 规则与等级: the group's managers (of the group's own unit) and administrators. */
    settings: hasAnyRole(me, ['admin']) || (manager && me?.org_unit?.kind === 'group'),
    /** 合作商家优惠 (新增; each offer says whether it may be changed) and 重新计算 of the rates: managers and administrators. */
    manage: manager,
  };
}
