/**
 * The photos of one item or record: thumbnails with captions, a camera button and a gallery button. A thumbnail opens
 * the photo full screen, where a copy can be marked up; the copy joins the list right after its original.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PhotoRef } from '../../core/sync/protocol';
import { useText } from '../i18n/language';
import { PhotoError } from './PhotoError';
import { photoNames } from './photoNames';
import { PhotoViewer } from './PhotoViewer';
import { PHOTO_TEXT } from './text';
import { takePhoto } from './takePhoto';
import { thumbnailUrl } from './thumbnailUrl';
import './photos.css';

/** Captions are saved this long after typing pauses. */
const CAPTION_SAVE_DELAY_MS = 500;

type Props = {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  photos: PhotoRef[];
  /** Called with the full new list after every add, caption change or removal. */
  onChange: (photos: PhotoRef[]) => void;
  max: number;
  readOnly?: boolean;
  /** The accessible name of the group (the item's label). */
  describedBy?: string;
};

/**
 * Two file inputs: one asks for the back camera (`capture="environment"`), one opens the gallery. Each file is
 * shrunk and stored before the list changes, so the answer never points at a photo the device does not have.
 */
export function PhotoList({ idPrefix, photos, onChange, max, readOnly = false, describedBy }: Props) {
  const t = useText(PHOTO_TEXT);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [viewing, setViewing] = useState<number | null>(null);
  const thumbs = useRef<(HTMLButtonElement | null)[]>([]);
  // Where focus goes once the viewer has closed (the thumbnail of the photo last shown).
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (viewing !== null || refocus.current === null) return;
    thumbs.current[refocus.current]?.focus();
    refocus.current = null;
  });
  const names = photoNames(photos, (n) => t('photoN', { n }), (name) => t('markedCopyOf', { name }));

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setProblem(null);
    let next = photos;
    const problems: string[] = [];
    for (const file of [...files]) {
      if (next.length >= max) {
        problems.push(t('limit', { max }));
        break;
      }
      try {
        next = [...next, await takePhoto(file)];
      } catch (e) {
        problems.push(messageFor(e, file.name || 'bilde'));
      }
    }
    setBusy(false);
    if (next !== photos) {
      onChange(next);
      setAnnounce(t('added'));
    }
    if (problems.length) setProblem(problems.join(' '));
  };

  const messageFor = (e: unknown, name: string): string => {
    if (e instanceof PhotoError) {
      if (e.reason === 'storageFull') return t('storageFull');
      if (e.reason === 'tooLarge') return t('tooLarge', { name });
      if (e.reason === 'decode') return t('decodeFailed', { name });
    }
    console.error('photo not saved', e);
    return t('notSaved', { name });
  };

  const setCaption = (i: number, caption: string) =>
    onChange(photos.map((p, j) => (j === i ? withCaption(p, caption) : p)));

  return (
    <div class="ph-list">
      {photos.length > 0 ? (
        <ul class="ph-thumbs" aria-describedby={describedBy}>
          {photos.map((p, i) => (
            <li key={p.sha256 + i} class="ph-thumb">
              <button
                type="button"
                class="ph-open"
                ref={(el) => void (thumbs.current[i] = el)}
                onClick={() => setViewing(i)}
                aria-label={t('open', { name: p.caption ? `${names[i]}: ${p.caption}` : names[i]! })}
                data-testid="photo-open"
              >
                <Thumbnail photo={p} alt={p.caption || names[i]!} />
                {p.markupOf && <span class="ph-badge" aria-hidden="true">{t('marked')}</span>}
              </button>
              {readOnly ? (
                p.caption && <p class="ph-caption">{p.caption}</p>
              ) : (
                <>
                  <label class="ds-label ph-caption-label" for={`${idPrefix}-caption-${i}`} data-weight="regular">
                    {t('caption')} ({t('photoN', { n: i + 1 })})
                  </label>
                  <CaptionInput id={`${idPrefix}-caption-${i}`} value={p.caption ?? ''} onCommit={(c) => setCaption(i, c)} />
                  <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" onClick={() => onChange(photos.filter((_, j) => j !== i))}>
                    {t('remove', { n: i + 1 })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        readOnly && <p class="ph-none">{t('noPhotos')}</p>
      )}
      {!readOnly && photos.length < max && (
        <div class="ph-add">
          <label class="ds-button ph-add-button" data-variant="secondary" aria-disabled={busy || undefined}>
            <input
              type="file"
              accept="image/*"
              capture="environment"
              class="ph-file"
              id={`${idPrefix}-camera`}
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget;
                void add(input.files).then(() => (input.value = ''));
              }}
            />
            {t('takePhoto')}
          </label>
          <label class="ds-button ph-add-button" data-variant="secondary" aria-disabled={busy || undefined}>
            <input
              type="file"
              accept="image/*"
              multiple
              class="ph-file"
              id={`${idPrefix}-gallery`}
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget;
                void add(input.files).then(() => (input.value = ''));
              }}
            />
            {t('chooseFromGallery')}
          </label>
        </div>
      )}
      {viewing !== null && (
        <PhotoViewer
          photos={photos}
          start={viewing}
          names={names}
          canMarkUp={!readOnly}
          max={max}
          onMarkedUp={(copy, originalIndex) => {
            const at = originalIndex + 1;
            onChange([...photos.slice(0, at), copy, ...photos.slice(at)]);
            return at;
          }}
          onClose={(index) => {
            refocus.current = index;
            setViewing(null);
          }}
        />
      )}
      <p class="ds-sr-only" role="status">{busy ? t('processing') : announce}</p>
      {busy && <p class="ph-busy" aria-hidden="true">{t('processing')}</p>}
      {problem && (
        <p class="ds-validation-message" role="alert" data-testid="photo-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

function withCaption(p: PhotoRef, caption: string): PhotoRef {
  const { caption: _old, ...rest } = p;
  return caption.trim() ? { ...rest, caption: caption.trim().slice(0, 500) } : rest;
}

/** A caption saved shortly after typing pauses and when the person leaves the field. */
function CaptionInput({ id, value, onCommit }: { id: string; value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (v: string) => {
    clearTimeout(timer.current);
    if (v !== value) onCommit(v);
  };
  return (
    <input
      class="ds-input"
      type="text"
      id={id}
      maxLength={500}
      value={text}
      onInput={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(v), CAPTION_SAVE_DELAY_MS);
      }}
      onBlur={() => commit(text)}
    />
  );
}

/** A thumbnail read from the device store; a placeholder text when the photo has not reached this device. */
function Thumbnail({ photo, alt }: { photo: PhotoRef; alt: string }) {
  const t = useText(PHOTO_TEXT);
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void thumbnailUrl(photo.sha256).then((u) => live && setUrl(u));
    return () => void (live = false);
  }, [photo.sha256]);
  if (url === null) return <span class="ph-missing">{t('thumbnailMissing')}</span>;
  return <img class="ph-img" src={url} alt={alt} width={120} height={90} loading="lazy" data-sha256={photo.sha256} />;
}
