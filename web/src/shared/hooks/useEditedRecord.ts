import { useState } from 'react';

export interface EditedRecord<R> {
  /** The record being edited, as last read; null when the form creates one. */
  record: R | null;
  /** Reads the record again (e.g. after a 409 version_conflict) and hands the fresh copy to `onFresh`. */
  reload: () => Promise<void>;
}

/** The record an edit form is for, which a version conflict asks to read again. */
export function useEditedRecord<R extends { id: number }>(
  initial: R | null,
  get: (id: number) => Promise<R>,
  onFresh: (fresh: R) => void,
): EditedRecord<R> {
  const [record, setRecord] = useState<R | null>(initial);

  const reload = async () => {
    if (!record) return;
    const fresh = await get(record.id);
    setRecord(fresh);
    onFresh(fresh);
  };

  return { record, reload };
}
