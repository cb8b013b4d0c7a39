import type { FormRule } from 'antd';

/** A field that must be filled, with `message` when it is not. */
export const required = (message: string): FormRule[] => [{ required: true, message }];

/** A text field that must hold more than spaces, with `message` when it does not. */
export const requiredText = (message: string): FormRule[] => [{ required: true, whitespace: true, message }];
