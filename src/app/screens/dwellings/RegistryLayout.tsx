/** Tablet and wider: the registry list beside the open dwelling or form. Phone: the open page alone, one column. */
import type { ComponentChildren } from 'preact';
import { RegistryList } from './RegistryList';
import { useWide } from './useWide';

/** Wraps a dwelling page or form; `selectedId` is highlighted in the list. */
export function RegistryLayout({ selectedId, children }: { selectedId?: string; children: ComponentChildren }) {
  const wide = useWide();
  if (!wide) return <div class="dw-single">{children}</div>;
  return (
    <div class="dw-split">
      <RegistryList compact selectedId={selectedId} />
      <div class="dw-detail">{children}</div>
    </div>
  );
}
