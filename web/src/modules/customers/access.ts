import { hasAnyRole, kAdminRoles, mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** The built-in roles that may write customers (all but viewer): the menu shows 导入客户 to them. */
export const kCustomerWriteRoles = ['admin', 'manager', 'agent', 'sales', 'engineer'];

/** What the signed-in user may do with customers (the server decides; this only hides what it would refuse). */
export function customerAccess(me: Me | null) {
  const write = mayDo(me, 'record.write');
  return {
    write,
    /** Unmasking is for roles that may change records or see personal data. */
    reveal: write || !!me?.permissions.includes('personal_data.view'),
    /** Erasing personal data (个人信息保护法) is for administrators and managers. */
    erase: hasAnyRole(me, kAdminRoles),
  };
}
