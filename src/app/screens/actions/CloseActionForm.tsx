/** Closing an action: what was done (required) and photos showing it (optional), written in one change. */
import { useState } from 'preact/hooks';
import type { Task } from '../../../core/schemas/task';
import type { PhotoRef } from '../../../core/sync/protocol';
import { PhotoList } from '../../photos/PhotoList';
import { useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { ACTION_TEXT } from './text';

type Props = { id: string; task: Task; onClose: (said: string | null) => void };

export function CloseActionForm({ id, task, onClose }: Props) {
  const t = useText(ACTION_TEXT);
  const local = useLocal();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const prefix = `close-${id}`;

  const save = async (e: Event) => {
    e.preventDefault();
    if (!note.trim()) {
      setError(t('closeNoteMissing'));
      document.getElementById(`${prefix}-note`)?.focus();
      return;
    }
    try {
      await repo<Task>('task').put(id, { status: 'done', doneAt: new Date().toISOString(), closeNote: note.trim(), closePhotos: photos.length ? photos : null });
      onClose(t('closedSaved', { title: task.title }));
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setError(t('notSaved', { reason: text ? local(text) : String(err) }));
    }
  };

  return (
    <form class="ac-close" onSubmit={(e) => void save(e)} data-testid="close-action-form" noValidate>
      <div class="ds-field">
        <label for={`${prefix}-note`}>{t('closeNote')}</label>
        <textarea
          id={`${prefix}-note`}
          class="ds-input"
          rows={2}
          maxLength={2000}
          value={note}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${prefix}-error` : undefined}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {error && <p class="ds-validation-message" id={`${prefix}-error`}>{error}</p>}
      </div>
      <fieldset class="ds-fieldset">
        <legend id={`${prefix}-photos-label`}>{t('closePhotos')}</legend>
        <PhotoList idPrefix={`${prefix}-photos`} photos={photos} onChange={setPhotos} max={10} describedBy={`${prefix}-photos-label`} />
      </fieldset>
      <div class="ac-buttons">
        <button type="submit" class="ds-button" data-variant="primary">{t('closeSave')}</button>
        <button type="button" class="ds-button" data-variant="secondary" onClick={() => onClose(null)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
