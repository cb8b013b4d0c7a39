import { hasAnyRole, mayDo, permissionsKnown } from '../../app/auth/authContext';
import type { Me } from '../platform/types';

/**
 * The built-in roles holding record.write (all but viewer): the menu shows 回访队列 and 来电受理
 * (filing a ticket) to them.
 */
export const kServiceWriteRoles = ['admin', 'manager', 'agent', 'sales', 'engineer'];

/**
 * The built-in roles of the people who work tickets: only a user holding one of them is offered as
 * an assignee or a department member. Viewers may not write, and sales consultants (置业顾问) file
 * tickets for their customers but do not work them.
 */
export const kTicketWorkerRoles: readonly string[] = ['admin', 'manager', 'agent', 'engineer'];

/** Whether `user` may be given a ticket (holds a role that works tickets, not only viewer or sales). */
export const worksTickets = (user: { roles: readonly string[] }) => user.roles.some((role) => kTicketWorkerRoles.includes(role));

/** What the signed-in user may do in the service centre (the server decides; this only hides what it would refuse). */
export function serviceAccess(me: Me | null) {
  return {
    write: mayDo(me, 'record.write'),
    /** Categories, standard answers, department members…: administrators. */
    config: mayDo(me, 'service.config'),
  };
}

/**
 * Whether the user takes hotline calls (a seat, 来电弹屏): those who may file tickets (record.write);
 * when /me could not tell the permissions, by the roles that hold it. Never a viewer.
 */
export function takesCalls(me: Me | null): boolean {
  if (!me) return false;
  return permissionsKnown(me) ? me.permissions.includes('record.write') : hasAnyRole(me, kServiceWriteRoles);
}
