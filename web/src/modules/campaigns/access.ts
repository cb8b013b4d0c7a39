import { hasAnyRole, kAdminRoles, mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** The roles that make, send and cancel campaigns: managers and administrators (with record write); SignedInRoutes guards the editor with kAdminRoles, the same. */
export const kCampaignWriteRoles = kAdminRoles;

/** What the signed-in user may do with campaigns (the server decides; this only hides what it would refuse). */
export function campaignAccess(me: Me | null) {
  const write = mayDo(me, 'record.write');
  const manager = hasAnyRole(me, kCampaignWriteRoles);
  return {
    /** 新建活动, 编辑 a draft, 统计人数, 发送, 取消: managers and administrators who write records. */
    manage: write && manager,
    /** 登记退订 of a customer on their word: the roles that write records (all but viewer). */
    optOut: write,
    /** 恢复接收 (an opt-out taken back on the customer's word again): managers and administrators. */
    optIn: write && manager,
    /** 绑定 / 解绑 the customer's WeChat follower id: the roles that write records. */
    wechat: write,
  };
}
