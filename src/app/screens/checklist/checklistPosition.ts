/** Where the person was in a checklist (section and item), kept on the device so a draft reopens exactly there. */

/** The section open and the item last touched. */
export type ChecklistPosition = { sectionId: string; itemId?: string };

const key = (inspectionId: string) => `egnet.checklistPosition.${inspectionId}`;

/** The remembered position, or null. */
export function readPosition(inspectionId: string): ChecklistPosition | null {
  try {
    const raw = localStorage.getItem(key(inspectionId));
    const p = raw ? (JSON.parse(raw) as Partial<ChecklistPosition>) : null;
    return p && typeof p.sectionId === 'string' ? { sectionId: p.sectionId, ...(typeof p.itemId === 'string' ? { itemId: p.itemId } : {}) } : null;
  } catch {
    return null;
  }
}

/** Remembers the position (local storage: it survives reloads, crashes and app updates, and is per device). */
export function writePosition(inspectionId: string, position: ChecklistPosition): void {
  try {
    localStorage.setItem(key(inspectionId), JSON.stringify(position));
  } catch {
    /* storage full: the answers are safe in the database; only the place in the form is forgotten */
  }
}
