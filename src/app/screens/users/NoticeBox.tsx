/** A notice under a part of the account screen: a status for success, an alert otherwise. */
import type { Notice } from './userFormState';

export function NoticeBox({ notice, testid }: { notice: Notice; testid: string }) {
  if (!notice) return null;
  return (
    <div class="ds-alert" data-color={notice.kind} role={notice.kind === 'success' ? 'status' : 'alert'} data-testid={testid}>
      <p>{notice.text}</p>
    </div>
  );
}
