/** The team page's capacity field: what the admin is typing survives the row being drawn again by a live update. */
import { useState } from 'preact/hooks';
import { MAX_CAPACITY } from '@kefu/shared';

/** Props of {@link CapacityInput}. */
export interface CapacityInputProps {
  value: number;
  label: string;
  /** The admin committed a number (Enter, the arrows, or leaving the field). */
  onCommit(capacity: number): void;
}

/** A number input holding the admin's draft until it is committed; meanwhile pushes may redraw the row. */
export function CapacityInput({ value, label, onCommit }: CapacityInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      class="capacity"
      type="number"
      min={0}
      max={MAX_CAPACITY}
      aria-label={label}
      value={draft ?? value}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onChange={(e) => {
        setDraft(null);
        onCommit(Number(e.currentTarget.value));
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
