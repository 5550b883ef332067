/** Visitor-side locators inside the widget's open shadow root. */
import type { Locator } from 'playwright-core';

/** Each message in the transcript: a listitem or an article inside the log. */
export function messageItems(log: Locator): Locator {
  return log.getByRole('listitem').or(log.getByRole('article'));
}

/** The control that gives `score` stars: a radio or a button named "5", "5 星", "5 stars", … */
export function ratingChoice(panel: Locator, score: number): Locator {
  const name = new RegExp(`^\\D*${score}\\s*(星|颗星|分|stars?|/\\s*5)?\\D*$`, 'i');
  return panel.getByRole('radio', { name }).or(panel.getByRole('button', { name }).filter({ hasNotText: /[?？]/ }));
}
