/** The two small buttons of a list row that may be changed: correct it, or remove it (with undo, where the row says). */
import type { Ref } from 'preact';

/** Props: the visible words and the accessible names (which say which row), and what each button does. */
type Props = {
  editText: string;
  editName: string;
  removeText: string;
  removeName: string;
  onEdit: () => void;
  /** `byKeyboard`: the button was pressed with the keyboard (no pointer), so focus should move on. */
  onRemove: (byKeyboard: boolean) => void;
  editId?: string;
  editRef?: Ref<HTMLButtonElement>;
};

/** "Correct" (or "Edit") and "Remove", the second in the danger colour. */
export function EditRemoveButtons({ editText, editName, removeText, removeName, onEdit, onRemove, editId, editRef }: Props) {
  return (
    <>
      <button ref={editRef} type="button" id={editId} class="ds-button" data-variant="tertiary" data-size="sm" aria-label={editName} onClick={onEdit}>
        {editText}
      </button>
      <button
        type="button"
        class="ds-button"
        data-variant="tertiary"
        data-color="danger"
        data-size="sm"
        aria-label={removeName}
        onClick={(e) => onRemove(e.detail === 0)}
      >
        {removeText}
      </button>
    </>
  );
}
