import { hasAnyRole, kAdminRoles, mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** What the signed-in user may do in delivery (the server decides; this only hides what it would refuse). */
export function deliveryAccess(me: Me | null) {
  const work = mayDo(me, 'delivery.work');
  return {
    /** 客关's delivery work (delivery.work: managers, agents, administrators): batches, inspections, findings, open days, handovers. */
    work,
    /** 带风险放行 and vetoing an open day: customer-relations managers and administrators (the server checks the role). */
    manage: work && hasAnyRole(me, kAdminRoles),
  };
}
