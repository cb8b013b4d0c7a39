import { hasAnyRole, kAdminRoles, mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** The built-in roles holding record.write (all but viewer): the menu shows 来访登记 to them. */
export const kSalesWriteRoles = ['admin', 'manager', 'agent', 'sales', 'engineer'];

/** What the signed-in user may do in sales (the server decides; this only hides what it would refuse). */
export function salesAccess(me: Me | null) {
  const write = mayDo(me, 'record.write');
  return {
    /** Registering visitors, follow-ups, claims, pledges, subscriptions, contracts, payments. */
    write,
    /** A project's attribution rules (判客规则): managers and administrators (the server checks the role). */
    manage: write && hasAnyRole(me, kAdminRoles),
  };
}
