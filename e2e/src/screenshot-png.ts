/** A real RGB PNG (blue with a white band across the middle), so a thumbnail in the widget or console has something to decode and show. */
import { png } from '../../server/test/support/test-files.ts';

export const screenshotPng = (width: number, height: number): Buffer =>
  png(width, height, (_x, y) => (y > height * 0.4 && y < height * 0.6 ? [255, 255, 255] : [37, 99, 235]));
