import { useCallback, useRef } from 'react';

/**
 * The clear buttons antd renders for `allowClear`: Select and TreeSelect put a `<button
 * class="ant-select-clear">` beside the value once there is one (@rc-component/select's
 * SelectInput), Input a `<button class="ant-input-clear-icon">` (@rc-component/input's BaseInput).
 * Neither takes a tabIndex, and an icon given as `allowClear.clearIcon` goes inside the button, so
 * `tabIndex={-1}` on the icon leaves the button itself a Tab stop.
 */
const kClearButtons = 'button.ant-select-clear, button.ant-input-clear-icon';

function untab(root: ParentNode) {
  root.querySelectorAll<HTMLButtonElement>(kClearButtons).forEach((button) => {
    if (button.tabIndex !== -1) button.tabIndex = -1;
  });
}

/**
 * A ref for a form's container whose clear buttons (×) leave the Tab order: a keyboard-only agent
 * tabbing through the fields goes from one field to the next, and never lands on a × that Enter or
 * Space would press, dropping the value. The mouse still clears; the keyboard clears with Backspace
 * (Select) or by selecting the text (Input). Buttons that appear later (a Select's × shows once it
 * has a value) are caught as they are added.
 */
export function useUntabbableClear<E extends HTMLElement = HTMLDivElement>() {
  const observer = useRef<MutationObserver | null>(null);
  return useCallback((element: E | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    untab(element);
    observer.current = new MutationObserver(() => untab(element));
    observer.current.observe(element, { childList: true, subtree: true });
  }, []);
}
