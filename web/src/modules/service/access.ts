import { mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/** The built-in roles that may work on tickets (all but viewer): the menu shows 回访队列 to them. */
export const kServiceWriteRoles = ['admin', 'manager', 'agent', 'sales', 'engineer'];

/** What the signed-in user may do in the service centre (the server decides; this only hides what it would refuse). */
export function serviceAccess(me: Me | null) {
  return {
    write: mayDo(me, 'record.write'),
    /** Categories, standard answers, department members…: administrators. */
    config: mayDo(me, 'service.config'),
  };
}
