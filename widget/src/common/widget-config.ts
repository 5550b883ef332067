/** The embed settings read from the loader's <script> tag, shared by the loader and the app. */
import type { Lang } from '@kefu/shared';

/** Where the widget sits and how it looks, as the site owner configured it. */
export interface WidgetConfig {
  /** Site key (`data-site`, default `demo`). */
  site: string;
  lang: Lang;
  /** Accent colour, already checked to be a CSS colour; empty for the default. */
  color: string;
  position: 'right' | 'left';
  /** Origin plus path prefix the loader was served from, without a trailing slash. */
  base: string;
}
