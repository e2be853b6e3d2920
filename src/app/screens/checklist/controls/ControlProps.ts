/** What every answer control receives: the value, how to change it, and the ids that tie it to its label and messages. */

/** Props shared by the answer controls. `onChange(undefined)` clears the value. */
export type ControlProps<V> = {
  /** The id of the first focusable input: the error summary links and moves focus to it. */
  inputId: string;
  /** Unique per item on the page; names radio groups. */
  name: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  /** Space-separated ids of the help text and error message. */
  describedBy?: string;
  invalid: boolean;
  required: boolean;
};
