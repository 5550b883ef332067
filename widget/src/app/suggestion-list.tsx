/** The questions under a bot turn ("did you mean", follow-ups, welcome): buttons on the latest turn, plain text on earlier ones. */
import type { Suggestion } from '@kefu/shared';

/** Props of a suggestion list. */
export interface SuggestionListProps {
  heading: string;
  suggestions: Suggestion[];
  /** Absent on an earlier turn: its questions stay readable (screen readers too) but can no longer be tapped out of context. */
  onPick?: (suggestion: Suggestion) => void;
}

/**
 * Buttons whose text is the question itself. The offer of a human is not one of them: the composer's
 * "转人工客服" button is always there, and a second one right above it read as two offers.
 */
export function SuggestionList({ heading, suggestions, onPick }: SuggestionListProps) {
  if (!suggestions.length) return null;
  return (
    <div class="sg">
      {heading && <span>{heading}</span>}
      {suggestions.map((s) =>
        onPick ? (
          <button type="button" class="ch" key={s.id} onClick={() => onPick(s)}>
            {s.question}
          </button>
        ) : (
          <span key={s.id}>{s.question}</span>
        ),
      )}
    </div>
  );
}
