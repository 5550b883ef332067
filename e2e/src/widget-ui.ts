/** Visitor-side locators inside the widget's open shadow root. */
import type { Locator, Page } from 'playwright-core';
import { WIDGET } from './ui-names.ts';

/** The chat panel on `page`. */
export function widgetPanel(page: Page): Locator {
  return page.getByRole('dialog', { name: WIDGET.panel });
}

/** Types `text` into the open chat panel and sends it, as a visitor would. */
export async function sayInWidget(page: Page, text: string): Promise<void> {
  const panel = widgetPanel(page);
  await panel.getByRole('textbox', { name: WIDGET.input }).first().fill(text);
  await panel.getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
}

/** Each message in the transcript: a listitem or an article inside the log. */
export function messageItems(log: Locator): Locator {
  return log.getByRole('listitem').or(log.getByRole('article'));
}

/** The control that gives `score` stars: a radio or a button named "5", "5 星", "5 stars", … */
export function ratingChoice(panel: Locator, score: number): Locator {
  const name = new RegExp(`^\\D*${score}\\s*(星|颗星|分|stars?|/\\s*5)?\\D*$`, 'i');
  return panel.getByRole('radio', { name }).or(panel.getByRole('button', { name }).filter({ hasNotText: /[?？]/ }));
}
