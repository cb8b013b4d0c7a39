import { hasAnyRole } from '../../app/auth/authContext';
import type { Me } from '../platform/types';
import type { SegmentModel } from './types';

/** The roles that define segment models and compute them: managers and administrators. */
export const kSegmentWriteRoles = ['admin', 'manager'];

/** What the signed-in user may do with segment models (the server decides; this only hides what it would refuse). */
export function segmentsAccess(me: Me | null) {
  const manager = hasAnyRole(me, kSegmentWriteRoles);
  return {
    /** 新建模型 (from blank or a preset): managers and administrators. */
    create: manager,
    /** 编辑: a manager of the model's unit or one above it (the server's `editable`). */
    edit: (model: Pick<SegmentModel, 'editable'>) => manager && model.editable,
    /** 重新计算: any manager who sees the model. */
    recompute: manager,
  };
}
