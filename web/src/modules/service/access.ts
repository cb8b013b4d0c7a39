import type { Me } from '../platform/types';

/** The built-in roles that may work on tickets (all but viewer): the menu shows 回访队列 to them. */
export const kServiceWriteRoles = ['admin', 'manager', 'agent', 'sales', 'engineer'];

/** What the signed-in user may do in the service centre (the server decides; this only hides what it would refuse). */
export function serviceAccess(me: Me | null) {
  const permissions = me?.permissions ?? [];
  // /me may have failed and left no permissions: then show the actions and let the server answer.
  const known = permissions.length > 0;
  return {
    write: !known || permissions.includes('record.write'),
    /** Categories, standard answers, department members…: administrators. */
    config: !known || permissions.includes('service.config'),
  };
}
