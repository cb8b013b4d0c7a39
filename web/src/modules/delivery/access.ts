import { hasAnyRole, kAdminRoles, mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';
import type { JourneyTask } from './types';
import type { DeliveryBatch, Handover } from './types';

/** What the signed-in user may do in delivery (the server decides; this only hides what it would refuse). */
export function deliveryAccess(me: Me | null) {
  const work = mayDo(me, 'delivery.work');
  const manage = work && hasAnyRole(me, kAdminRoles);
  const write = mayDo(me, 'record.write');
  return {
    /** 客关's delivery work (delivery.work: managers, agents, administrators): batches, inspections, findings, open days, handovers. */
    work,
    /** 带风险放行 and vetoing an open day: customer-relations managers and administrators (the server checks the role). */
    manage,
    /** 交付排期 (opening slots, their seats) and booking by slot: customer relations (delivery.work). */
    schedule: work,
    /** 发送预约短信: customer relations, once the batch is released (the server refuses it before). */
    sendInvites: (batch: Pick<DeliveryBatch, 'status'>) => work && batch.status === 'released',
    /** 改约: customer relations, while the handover is booked and has not begun. */
    reschedule: (handover: Pick<Handover, 'status'>) => work && handover.status === 'booked',
    /**
     * 完成 a journey task that is still open: record.write; customer relations (delivery.work) do
     * every touch, others (a sales consultant) only the sales team's.
     */
    completeTask: (task: Pick<JourneyTask, 'status' | 'team'>) => write && task.status === 'open' && (work || task.team === 'sales'),
    /** Editing the 6+2 playbook and running the task maker now: managers and administrators with delivery.work. */
    editPlaybook: manage,
    makeTasks: manage,
    /** Publishing an adverse factor: customer relations (delivery.work). */
    publishFactor: work,
    /** Withdrawing one: their managers. */
    withdrawFactor: manage,
    /** Recording a buyer's acknowledgement of the disclosure: whoever writes records (sales consultants too). */
    acknowledge: write,
    /** 记录筹备会 of an open day: customer relations (delivery.work). */
    recordPrep: work,
    /** Signing owners up for an open day, checking them in on the day, cancelling: whoever writes records (sales consultants too). */
    signUp: write,
    /** 一路同行基金: recording an inflow or a correction, and approving or rejecting a proposal: managers and administrators. */
    manageFund: manage,
    /** Filing an owners' meeting's proposal: customer relations (agents, managers, administrators). */
    proposeFund: work,
  };
}
