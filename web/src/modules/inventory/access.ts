import { hasAnyRole, kAdminRoles } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** What the signed-in user may do with the inventory (the server decides; this only hides what it would refuse). */
export function inventoryAccess(me: Me | null) {
  const permissions = me?.permissions ?? [];
  // /me may have failed and left no permissions: then show the actions and let the server answer.
  const known = permissions.length > 0;
  const write = !known || permissions.includes('record.write');
  return {
    /** Status changes and owners: every role that changes business records (sales, agents, …). */
    write,
    /** Setting up projects and generating units is for administrators and managers. */
    manage: write && (!known || hasAnyRole(me, kAdminRoles)),
  };
}
