import { mayDo } from '../../app/auth/authContext';
import type { Me } from '../platform/types';
import type { Survey } from './types';

/** What the signed-in user may do with surveys (the server decides; this only hides what it would refuse). */
export function surveysAccess(me: Me | null) {
  const work = mayDo(me, 'delivery.work');
  return {
    /** 新建问卷, 从模板新建: customer relations (delivery.work: agents, managers, administrators). */
    create: work,
    /**
     * Editing, publishing and archiving a survey: customer relations, of a survey of their scope
     * (`editable`: one of a unit above them, the group's, they use but do not change).
     */
    edit: (survey: Pick<Survey, 'editable' | 'status'>) => work && survey.editable && survey.status !== 'archived',
    /** 发起调查 of a published survey that is not archived. */
    send: (survey: Pick<Survey, 'status'>) => work && survey.status === 'published',
    /** 催答, 结束调查, 下载链接 and the owners' links: customer relations. */
    manageWaves: work,
  };
}
