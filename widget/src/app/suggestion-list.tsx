/** Tappable questions under a bot turn ("did you mean", follow-ups, welcome) and the offer of a human. */
import type { Suggestion } from '@kefu/shared';

/** Props of a suggestion list. */
export interface SuggestionListProps {
  heading: string;
  suggestions: Suggestion[];
  onPick: (suggestion: Suggestion) => void;
  /** Label of a "talk to a human" button, when the bot offers one. */
  humanLabel?: string;
  onHuman?: () => void;
}

/** Buttons whose text is the question itself. */
export function SuggestionList({ heading, suggestions, onPick, humanLabel, onHuman }: SuggestionListProps) {
  if (!suggestions.length && !humanLabel) return null;
  return (
    <div class="sg">
      {heading && suggestions.length > 0 && <span>{heading}</span>}
      {suggestions.map((s) => (
        <button type="button" class="ch" key={s.id} onClick={() => onPick(s)}>
          {s.question}
        </button>
      ))}
      {humanLabel && (
        <button type="button" class="ch" onClick={onHuman}>
          {humanLabel}
        </button>
      )}
    </div>
  );
}
