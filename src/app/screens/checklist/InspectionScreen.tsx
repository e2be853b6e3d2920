/**
 * A checklist being filled in or read: autosave per answer, live verdict, revisions. "Fullfør" sits after the last
 * section and in the error summary, and asks before it locks the checklist.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Answer, Answers } from '../../../core/checklist/template';
import { checklistSide } from '../../../core/checklist/checklistSide';
import { getTemplate, startTemplate } from '../../../core/checklist/templates';
import { sectionProgress } from '../../../core/checklist/sectionProgress';
import { formatDate } from '../../../core/format/formatDate';
import { seesVerdicts } from '../../../core/privacy/verdictAccess';
import { validateAnswers } from '../../../core/checklist/validateAnswers';
import { assessDwelling } from '../../../core/rules/assessDwelling';
import { ruleSetFor } from '../../../core/rules/defaultRuleSet';
import { VERDICT_LABELS } from '../../../core/rules/verdict';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Poi } from '../../../core/schemas/poi';
import { distanceProposals } from '../../../core/checklist/distanceProposals';
import type { Inspection } from '../../../core/schemas/inspection';
import { deepEqual } from '../../../core/sync/deepEqual';
import { applyAnswerChange, type AnswerChange } from '../../../core/checklist/repeat';
import { proposeActions } from '../../../core/actions/findingActions';
import { defaultActionUnit } from '../../../core/schemas/settings';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Task } from '../../../core/schemas/task';
import { completeChecklist } from '../actions/completeChecklist';
import { CompletionSignatures, type SignatureDraft } from '../actions/CompletionSignatures';
import { FixedCheck } from '../actions/FixedCheck';
import { editable, ProposedActions, proposalProblems, type EditedAction } from '../actions/ProposedActions';
import { ACTION_TEXT } from '../actions/text';
import { ErrorSummary, focusField } from '../../components/ErrorSummary';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { isQuotaError } from '../../photos/PhotoError';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { useRuleSet, useSettings } from '../../store/useSettings';
import { RegistryLayout } from '../dwellings/RegistryLayout';
import { pauseRegistryRows } from '../dwellings/useRegistryRows';
import { VerdictPanel } from '../dwellings/VerdictPanel';
import { answerText } from './answerText';
import { changesSince } from './changesSince';
import { ChecklistForm } from './ChecklistForm';
import { CompleteDialog } from './CompleteDialog';
import { readPosition, writePosition } from './checklistPosition';
import { followUpInputId, itemInputId } from './ItemField';
import { previousCompleted, revisionOf, type InspectionRec } from './newDraft';
import { answersIn, openInTemplate } from '../../../core/checklist/openInTemplate';
import { entriesOf } from '../../../core/checklist/formula';
import type { AnswerProblem } from '../../../core/checklist/validateAnswers';
import { entryKey, parseEntryKey } from './RepeatField';
import { SaveStatus, SaveTracker } from './SaveStatus';
import { personName } from './personName';
import { templateName } from './templateName';
import { CHECKLIST_TEXT } from './text';
import { flushTyping } from './useDebouncedCommit';
import './checklist.css';

/** A kept answer from an older template version, in plain words (its item no longer exists to format it). */
function valueText(a: Answer): string {
  const v = a.value;
  if (v === undefined || v === null) return a.note ?? '';
  if (typeof v === 'object' && !Array.isArray(v)) return `${v.likelihood} × ${v.consequence}`;
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** A failed save, shown as an alert with "try again"; the quiet success line is SaveStatus. */
type SaveState = { state: 'idle' } | { state: 'failed'; message: string };

/** The checklist at `/inspections/:id`. */
export default function InspectionScreen({ id }: { id: string }) {
  const t = useText(CHECKLIST_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const settings = useSettings();
  const ruleSet = useRuleSet();
  const { route } = useLocation();
  const inspections = useMemo(() => repo<Inspection>('inspection'), []);
  const dwellings = useMemo(() => repo<Dwelling>('dwelling'), []);
  // Live on this record only: every autosave re-reads one key, not the whole inspection table.
  const record = useQuery(() => inspections.get(id).then((r) => r ?? null), [id]);
  const status = record?.data.status;
  const dwellingId = record?.data.dwellingId ?? null;
  const dwelling = useQuery(() => (dwellingId ? dwellings.get(dwellingId).then((r) => r ?? null) : null), [dwellingId]);
  // The dwelling's follow-up actions: the verdict reads them, a draft asks "utbedret?" about them.
  const actionsOn = dwellingId && checklistSide(record?.data) === 'dwelling' ? dwellingId : null;
  const actions = useQuery(() => (actionsOn ? repo<Task>('task').listBy('dwellingId', actionsOn) : Promise.resolve([])), [actionsOn]);
  const ta = useText(ACTION_TEXT);
  // At completion of a dwelling's checklist: the proposed actions as edited, and the signatures.
  const [followUp, setFollowUp] = useState<EditedAction[] | null>(null);
  const [signatures, setSignatures] = useState<SignatureDraft>({ inspector: null, tenant: null, tenantName: '' });
  const [lockError, setLockError] = useState<string | null>(null);
  const [siblings, setSiblings] = useState<InspectionRec[] | null>(null);
  useEffect(() => {
    if (!dwellingId) return void setSiblings([]);
    let live = true;
    void inspections.listBy('dwellingId', dwellingId).then((list) => live && setSiblings(list));
    return () => void (live = false);
  }, [dwellingId, status, inspections]);

  const [overlay, setOverlay] = useState<Record<string, Answer | null>>({});
  const [failed, setFailed] = useState<Set<string>>(new Set());
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [completing, setCompleting] = useState(false);
  // The confirmation before locking is open; an attempt found something to fix (so "all fixed" can be said).
  const [confirming, setConfirming] = useState(false);
  const [hadErrors, setHadErrors] = useState(false);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [openEntries, setOpenEntries] = useState<Record<string, string | undefined>>({});
  const [migratedTo, setMigratedTo] = useState<number | null>(null);
  const inFlight = useRef(new Set<Promise<unknown>>());
  const tracker = useMemo(() => new SaveTracker(), []);
  // One function for the whole life of the screen, so unchanged items are not redrawn when another one is answered.
  const answerRef = useRef<(itemId: string, change: AnswerChange) => void>(() => undefined);
  const stableOnAnswer = useCallback((itemId: string, change: AnswerChange) => answerRef.current(itemId, change), []);
  // The answer last written per item until the screen has drawn it: a change made before the redraw (controls send
  // functions of the answer as it stands) builds on it instead of on the answer drawn before.
  const written = useRef(new Map<string, Answer | null>());
  // Beside the form (room enough, see checklist.css) the reasons fit; below it they start folded so the form stays near the top.
  const [beside, setBeside] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);

  const template = record ? getTemplate(record.data.templateId, record.data.templateVersion) : undefined;
  // The neighbourhood checklist of a dwelling with a position proposes the straight-line distance to the nearest place
  // of each kind, from the places synced to this device.
  const location = template?.kind === 'neighbourhood' ? (dwelling?.data.location ?? null) : null;
  const places = useQuery(() => (location ? repo<Poi>('poi').list() : []), [location?.lat, location?.lon]);
  const proposals = useMemo(() => distanceProposals(location, (places ?? []).map((p) => p.data)), [location?.lat, location?.lon, places]);
  const stored = record?.data.answers;
  const answers: Answers = useMemo(() => {
    const a: Answers = { ...(stored ?? {}) };
    for (const [k, v] of Object.entries(overlay)) {
      if (v === null) delete a[k];
      else a[k] = v;
    }
    return a;
  }, [stored, overlay]);

  // A written answer is forgotten once the screen draws it.
  useEffect(() => {
    for (const [k, v] of written.current) if (deepEqual(answers[k] ?? null, v)) written.current.delete(k);
  }, [answers]);

  // Drop overlay entries the store has caught up with; failed ones stay until they are saved.
  useEffect(() => {
    if (!stored) return;
    setOverlay((o) => {
      const keep = Object.entries(o).filter(([k, v]) => failed.has(k) || !deepEqual(stored[k] ?? null, v));
      return keep.length === Object.keys(o).length ? o : Object.fromEntries(keep);
    });
  }, [stored, failed]);

  // Open where the person left off, from the first draw (never the first section for a moment).
  const remembered = useMemo(() => readPosition(id), [id]);
  const startSection = template && (remembered && template.sections.some((s) => s.id === remembered.sectionId) ? remembered.sectionId : template.sections[0]!.id);
  useEffect(() => {
    if (!startSection || sectionId) return;
    setSectionId(startSection);
    const itemId = remembered?.itemId;
    if (itemId) {
      requestAnimationFrame(() => document.getElementById(`${itemInputId(itemId)}-box`)?.scrollIntoView({ block: 'center' }));
    }
  }, [startSection, sectionId]);

  // A draft in an older version of its form moves to the newest one once opened (bedroom slots become room entries);
  // the move is the same on every device, so two devices moving one draft agree. Completed checklists stay as they are.
  const staleDraft = record?.data.status === 'draft' ? record.data : undefined;
  useEffect(() => {
    if (!staleDraft) return;
    const latest = startTemplate(staleDraft.templateId);
    if (!latest || latest.version <= staleDraft.templateVersion) return;
    const moved = openInTemplate(staleDraft, latest);
    void inspections
      .put(id, { templateVersion: moved.templateVersion, answers: moved.answers, previousAnswers: moved.previousAnswers ?? null })
      .then(() => setMigratedTo(moved.templateVersion))
      .catch(() => undefined);
  }, [staleDraft, id, inspections]);

  // Typing waiting for its pause is saved when the app goes to the background (the phone may kill it there).
  useEffect(() => {
    const hide = () => document.visibilityState === 'hidden' && flushTyping();
    document.addEventListener('visibilitychange', hide);
    window.addEventListener('pagehide', flushTyping);
    return () => {
      flushTyping();
      document.removeEventListener('visibilitychange', hide);
      window.removeEventListener('pagehide', flushTyping);
    };
  }, []);

  // The verdict sits beside the form when the body has two columns: follows rotation and the registry list folding.
  const hasBody = Boolean(record && template);
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || typeof ResizeObserver === 'undefined') return;
    const measure = () => setBeside(getComputedStyle(body).gridTemplateColumns.trim().split(/\s+/).length > 1);
    // Measured in the next frame: changing the layout inside the observer's callback would make the browser report a
    // "ResizeObserver loop" error.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    });
    observer.observe(body);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [hasBody]);

  // The registry beside a dwelling's checklist only: a home visit or a Foyer follow-up is about a household.
  const dwellingSide = checklistSide(record?.data) === 'dwelling';
  if (record === undefined) return <RegistryLayout list={false}><p aria-busy="true">{t('loading')}</p></RegistryLayout>;
  if (record === null) return <RegistryLayout list={false}><section class="cl-screen"><h1 class="ds-heading" data-size="md">{t('notFound')}</h1></section></RegistryLayout>;
  if (!template) {
    return (
      <RegistryLayout selectedId={record.data.dwellingId ?? undefined} list={dwellingSide}>
        <section class="cl-screen">
          <h1 class="ds-heading" data-size="md">{t('notFound')}</h1>
          <p class="ds-validation-message">{t('templateMissing', { id: record.data.templateId, version: record.data.templateVersion })}</p>
        </section>
      </RegistryLayout>
    );
  }

  const data = record.data;
  const readOnly = data.status === 'completed';
  const me = getSession()?.user;
  const self: InspectionRec = { id, data: { ...data, answers } };
  const others = (siblings ?? []).filter((s) => s.id !== id);
  const previous = siblings ? previousCompleted(self, others) : undefined;
  // A completed revision replaces this checklist; a draft one is on its way (and this one still counts meanwhile).
  const revision = others.find((s) => s.data.revisionOf === id);
  const supersededBy = revision?.data.status === 'completed' ? revision : undefined;

  const write = (itemId: string, answer: Answer | null) => {
    const start = performance.now();
    const done = tracker.begin();
    const p = inspections.setPath(id, `answers.${itemId}`, answer);
    inFlight.current.add(p);
    // The screen is redrawn only once the answer is on the device: a redraw first would hold up the write
    // (IndexedDB answers on the main thread), and the control already shows what was chosen or typed.
    p.then(
      () => {
        // User Timing entry: the field bench reads it (store + outbox write of one answer).
        performance.measure('egnet:autosave', { start });
        done(true);
        setOverlay((o) => ({ ...o, [itemId]: answer }));
        setFailed((f) => (f.has(itemId) ? new Set([...f].filter((x) => x !== itemId)) : f));
        setSave({ state: 'idle' });
      },
      (err: unknown) => {
        // Not saved: the answer stays in the form (overlay) and is listed for "try again".
        done(false);
        setOverlay((o) => ({ ...o, [itemId]: answer }));
        setFailed((f) => new Set(f).add(itemId));
        const text = (err as { text?: { nb: string; en: string } }).text;
        setSave({ state: 'failed', message: isQuotaError(err) ? t('storageFull') : t('notSaved', { reason: text ? local(text) : String(err) }) });
      },
    ).finally(() => inFlight.current.delete(p));
    return p;
  };

  const onAnswer = (itemId: string, change: AnswerChange) => {
    if (readOnly) return;
    const answer = applyAnswerChange(change, written.current.has(itemId) ? (written.current.get(itemId) ?? undefined) : answers[itemId]);
    written.current.set(itemId, answer);
    void write(itemId, answer).catch(() => undefined);
  };

  answerRef.current = onAnswer;

  const retry = () => {
    for (const itemId of failed) void write(itemId, overlay[itemId] ?? null).catch(() => undefined);
  };

  const problems = attempt > 0 && !readOnly ? validateAnswers(template, answers) : [];
  const keyOf = (p: AnswerProblem) => (p.entry ? entryKey(p.itemId, p.entry.id, p.entry.itemId) : p.itemId);
  const errors = Object.fromEntries(problems.map((p) => [keyOf(p), p.message]));
  const repeatIds = template.sections.flatMap((s) => s.items.flatMap((it) => (it.kind === 'repeat' ? [it.id] : [])));
  const itemLabel = (p: AnswerProblem) => {
    for (const s of template.sections) {
      for (const it of s.items) {
        if (it.id !== p.itemId) continue;
        if (p.entry && it.kind === 'repeat') {
          const sub = it.items.find((x) => x.id === p.entry!.itemId);
          const numbered = `${local(it.entryLabel)} ${p.entry.index + 1}`;
          const title = local(p.entry.title);
          return `${title === numbered ? numbered : `${numbered} (${title})`} – ${sub ? local(sub.label) : p.entry.itemId}`;
        }
        return local(it.label);
      }
    }
    return p.itemId;
  };
  /** Where the error summary sends the person: the first empty field of a finding, the photo or note asked for, or the answer. */
  const targetOf = (p: AnswerProblem) => {
    const inputId = itemInputId(keyOf(p));
    if (p.fields?.[0]) return followUpInputId(keyOf(p), p.fields[0]);
    if (p.evidence?.[0] === 'photo') return `${inputId}-ph-camera`;
    if (p.evidence?.[0] === 'note') return `${inputId}-note`;
    return inputId;
  };
  const goToItem = (targetId: string) => {
    const key = targetId.replace(/^item-/, '');
    const inEntry = parseEntryKey(repeatIds, key);
    const itemId = inEntry ? inEntry.repeatId : key.replace(/-.*$/, '');
    const section = template.sections.find((s) => s.items.some((it) => it.id === itemId));
    if (inEntry) setOpenEntries((o) => ({ ...o, [inEntry.repeatId]: inEntry.entryId }));
    if (section) {
      setSectionId(section.id);
      writePosition(id, { sectionId: section.id, itemId });
    }
  };

  /** "Fullfør": saves what is being typed, checks every answer, and asks before locking when nothing is wrong. */
  const complete = async () => {
    flushTyping();
    setCompleting(true);
    try {
      await Promise.allSettled([...inFlight.current]);
      const found = validateAnswers(template, answers);
      setAttempt((n) => n + 1);
      if (found.length > 0) setHadErrors(true);
      if (found.length > 0 || failed.size > 0) return;
      if (dwellingSide && dwellingData) {
        const openKeys = new Set((actions ?? []).filter((a) => a.data.status === 'open' && a.data.sourceKey).map((a) => a.data.sourceKey!));
        const proposals = proposeActions({ dwelling: dwellingData, inspection: { ...data, answers }, template, today: norwegianDate(new Date()), openKeys, ownerUnit: defaultActionUnit(settings) ?? '', ruleSet: ruleSetFor(settings) });
        setFollowUp(editable(proposals, lang));
      } else {
        setFollowUp(null);
      }
      setLockError(null);
      setConfirming(true);
    } finally {
      setCompleting(false);
    }
  };

  /** Locks the checklist, once the person has seen what will be locked; checks again, in case anything changed. */
  const lock = async () => {
    if (completing) return;
    setCompleting(true);
    try {
      await Promise.allSettled([...inFlight.current]);
      if (validateAnswers(template, answers).length > 0 || failed.size > 0) {
        setConfirming(false);
        setHadErrors(true);
        setAttempt((n) => n + 1);
        return;
      }
      if (followUp) {
        // A dwelling's checklist: signed by the inspector, the actions as confirmed, then its report.
        const problems = [
          ...(signatures.inspector ? [] : [ta('signatureMissing')]),
          ...(signatures.tenant && !signatures.tenantName.trim() ? [ta('tenantNameMissing')] : []),
          ...proposalProblems(followUp, ta),
        ];
        if (problems.length > 0) return setLockError(problems.join('. '));
        performance.mark('egnet:complete-start');
        // The registry's shared reads rest meanwhile: the report replaces this page, and they would read and assess every
        // dwelling again for the checklist and actions written here while the report waits for its own reads.
        const resume = pauseRegistryRows();
        try {
          await completeChecklist({
            inspectionId: id,
            dwellingId,
            actions: followUp,
            signatures,
            inspectorName: personName(data.inspectorId) ?? me?.name ?? '',
            now: new Date(),
          });
        } catch (err) {
          resume();
          throw err;
        }
        performance.mark('egnet:complete-written');
        setConfirming(false);
        route(`/reports/dwellings/${dwellingId}?checklist=${id}`);
        return;
      }
      await inspections.put(id, { status: 'completed', completedAt: new Date().toISOString() });
      setConfirming(false);
      setSave({ state: 'idle' });
      requestAnimationFrame(() => document.getElementById('checklist-title')?.focus());
    } catch (err) {
      setConfirming(false);
      setSave({ state: 'failed', message: isQuotaError(err) ? t('storageFull') : String(err) });
    } finally {
      setCompleting(false);
    }
  };

  const correct = async () => {
    if (!me) return;
    const latest = startTemplate(data.templateId) ?? template;
    const newId = await inspections.create(revisionOf({ id, data }, latest, me.id, new Date()));
    route(`/inspections/${newId}`);
  };

  const whenText = (iso: string) => formatDate(iso, lang, { time: true });
  const dwellingData = dwelling?.data;
  // A dwelling's verdict beside its own checklists, for those who see verdicts (never "not assessed" for want of access).
  const assessment = dwellingData && siblings && dwellingSide && ruleSet && seesVerdicts(me?.roles ?? [])
    ? assessDwelling(
        dwellingData,
        readOnly ? [...others.map((s) => s.data), data] : [...others.map((s) => s.data), { ...data, answers, status: 'completed', completedAt: new Date().toISOString() }],
        ruleSet,
        { actions: (actions ?? []).map((a) => a.data) },
      )
    : null;
  // Compared in this checklist's version: a previous one filled in an older version is read through the migration.
  const changes = previous ? changesSince(template, answers, answersIn(previous.data, template)) : [];
  const openSection = sectionId ?? startSection!;
  const lastSection = openSection === template.sections[template.sections.length - 1]!.id;
  const completeButton = (
    <button type="button" class="ds-button" data-variant="primary" data-testid="complete" onClick={() => void complete()} aria-disabled={completing || undefined}>
      {completing && !confirming ? t('completing') : t('complete')}
    </button>
  );
  /** What the confirmation says will be locked. */
  const lockedLines = (): string[] => {
    const progress = sectionProgress(template, answers);
    const photos = Object.values(answers).reduce(
      (n, a) => n + (a.photos?.length ?? 0) + entriesOf(a).reduce((m, e) => m + Object.values(e.answers).reduce((k, x) => k + (x.photos?.length ?? 0), 0), 0),
      0,
    );
    const lines = [
      t('confirmAnswers', {
        answered: progress.reduce((n, p) => n + p.answered, 0),
        shown: progress.reduce((n, p) => n + p.shown, 0),
        sections: template.sections.length,
      }),
    ];
    if (photos > 0) lines.push(photos === 1 ? t('confirmPhoto') : t('confirmPhotos', { n: photos }));
    if (assessment) lines.push(t('confirmVerdict', { verdict: local(VERDICT_LABELS[assessment.verdict]) }));
    const who = personName(data.inspectorId);
    if (who) lines.push(t('confirmBy', { name: who }));
    if (followUp) lines.push(ta('lockedWithActions', { n: followUp.filter((a) => a.include).length }));
    return lines;
  };
  const previousAnswers = Object.entries(data.previousAnswers ?? {});

  return (
    <RegistryLayout selectedId={dwellingId ?? undefined} list={dwellingSide}>
      <section class="cl-screen" aria-labelledby="checklist-title">
        <header class="cl-header">
          {dwellingId && dwellingSide && <a class="ds-link" href={`/dwellings/${dwellingId}`}>← {t('backToDwelling')}</a>}
          <h1 id="checklist-title" class="ds-heading" data-size="md" tabIndex={-1}>
            {local(template.title)}{dwellingData ? `: ${dwellingData.address}` : ''}
          </h1>
          <p>{t('templateVersion', { name: templateName(template.title, template.version, lang) })} · {readOnly ? t('completed') : t('draft')}</p>
          {data.revisionOf && previous && <p>{t('revisionOf', { when: whenText(previous.data.completedAt ?? previous.data.startedAt) })}</p>}
          {readOnly && data.completedAt && (
            <p data-testid="completed-at">{t('completedAt', { when: whenText(data.completedAt), who: personName(data.inspectorId) ?? data.inspectorId })}</p>
          )}
        </header>

        {readOnly && (
          <div class="ds-alert" data-color={supersededBy ? 'warning' : 'info'} data-testid="read-only-notice">
            <p>{supersededBy ? t('supersededBy') : revision ? t('revisionStarted') : t('readOnlyNotice')}</p>
            {revision ? (
              <a class="ds-link" href={`/inspections/${revision.id}`}>{t('openRevision')}</a>
            ) : (
              me && (me.roles.includes('inspector') || me.roles.includes('admin') || me.id === data.inspectorId) && (
                <button type="button" class="ds-button" data-variant="secondary" onClick={() => void correct()}>{t('newRevision')}</button>
              )
            )}
          </div>
        )}

        {!readOnly && (
          <div class="cl-status-bar">
            <SaveStatus tracker={tracker} />
          </div>
        )}
        {save.state === 'failed' && (
          <div class="ds-alert" data-color="danger" role="alert">
            <p>{save.message}</p>
            {failed.size > 0 && <button type="button" class="ds-button" data-variant="secondary" onClick={retry}>{t('retry')}</button>}
          </div>
        )}

        <ErrorSummary
          title={t('errorSummaryTitle')}
          errors={problems.map((p) => ({
            // A finding or a red risk's follow-up: straight to the first empty field; evidence: to the photo or note.
            targetId: targetOf(p),
            message: `${itemLabel(p)}: ${local(p.message)}`,
          }))}
          onGo={goToItem}
          attempt={attempt}
        >
          {!readOnly && <div class="cl-summary-actions">{completeButton}</div>}
        </ErrorSummary>
        {!readOnly && hadErrors && attempt > 0 && problems.length === 0 && (
          <div class="ds-alert cl-fixed" data-color="success" data-testid="errors-fixed">
            <p>{t('errorsFixed')}</p>
            <div class="cl-summary-actions">{completeButton}</div>
          </div>
        )}

        {migratedTo !== null && !readOnly && (
          <div class="ds-alert" data-color="info" data-testid="migrated-notice">
            <p>{t('migrated', { version: migratedTo })}</p>
          </div>
        )}

        {previous && !readOnly && (
          <details class="cl-changes" data-testid="changes-since-last">
            <summary>
              {changes.length
                ? `${t('changesSinceLast', { when: whenText(previous.data.completedAt ?? previous.data.startedAt) })}: ${changes.length}`
                : t('noChangesSinceLast', { when: whenText(previous.data.completedAt ?? previous.data.startedAt) })}
            </summary>
            {changes.length > 0 && (
              <ul>
                {changes.map((c) => (
                  <li key={c.item.id}>
                    <a class="ds-link" href={`#${itemInputId(c.item.id)}`} onClick={(e) => { e.preventDefault(); goToItem(itemInputId(c.item.id)); focusField(itemInputId(c.item.id)); }}>
                      {local(c.item.label)}
                    </a>
                    : {t('before')} {local(answerText(c.item, c.before))} → {t('now')} {local(answerText(c.item, c.after))}
                  </li>
                ))}
              </ul>
            )}
          </details>
        )}

        {previousAnswers.length > 0 && (
          <details class="cl-changes">
            <summary>{t('fromOlderVersion', { n: previousAnswers.length })}</summary>
            <ul>
              {previousAnswers.map(([key, p]) => (
                <li key={key}>{local(p.label)} ({t('version', { n: p.fromVersion })}): {valueText(p.answer)}</li>
              ))}
            </ul>
          </details>
        )}

        {!readOnly && dwellingSide && actions && actions.length > 0 && <FixedCheck actions={actions} inspectionId={id} />}

        <div class="cl-body" ref={bodyRef}>
          <ChecklistForm
            template={template}
            answers={answers}
            readOnly={readOnly}
            onAnswer={stableOnAnswer}
            errors={errors}
            previous={previous && !readOnly ? answersIn(previous.data, template) : undefined}
            proposals={proposals}
            sectionId={openSection}
            onSection={(s) => {
              setSectionId(s);
              writePosition(id, { sectionId: s });
            }}
            onItemFocus={(itemId) => writePosition(id, { sectionId: openSection, itemId })}
            openEntries={openEntries}
            onOpenEntry={(repeatId, entryId) => setOpenEntries((o) => ({ ...o, [repeatId]: entryId }))}
          />
          {assessment && <VerdictPanel assessment={assessment} live={!readOnly} note={readOnly ? undefined : t('verdictLive')} reasonsOpen={beside} />}
        </div>
        {!readOnly && lastSection && (
          <div class="cl-actions" data-testid="complete-actions">
            <p class="cl-complete-hint">{t('completeHint')}</p>
            {completeButton}
          </div>
        )}
        {!readOnly && (
          <CompleteDialog
            open={confirming}
            what={`${local(template.title)}${dwellingData ? `: ${dwellingData.address}` : ''}`}
            lines={confirming ? lockedLines() : []}
            busy={completing}
            onConfirm={() => void lock()}
            onCancel={() => setConfirming(false)}
            error={lockError}
          >
            {confirming && followUp && (
              <>
                <ProposedActions actions={followUp} onChange={setFollowUp} />
                <CompletionSignatures inspectorName={personName(data.inspectorId) ?? me?.name ?? ''} value={signatures} onChange={setSignatures} error={lockError && !signatures.inspector ? ta('signatureMissing') : undefined} />
              </>
            )}
          </CompleteDialog>
        )}
      </section>
    </RegistryLayout>
  );
}

