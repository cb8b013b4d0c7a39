import { hasAnyRole, kAdminRoles, mayDo, permissionsKnown } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** What the signed-in user may do with the inventory (the server decides; this only hides what it would refuse). */
export function inventoryAccess(me: Me | null) {
  const write = mayDo(me, 'record.write');
  return {
    /** Status changes and owners: every role that changes business records (sales, agents, …). */
    write,
    /** Setting up projects and generating units is for administrators and managers. */
    manage: write && (!permissionsKnown(me) || hasAnyRole(me, kAdminRoles)),
    /** A unit's status moves with its deals (销售); by hand only an administrator corrects it. */
    correctStatus: write && (!permissionsKnown(me) || hasAnyRole(me, ['admin'])),
  };
}
