/**
 * The attachment UI lives in its own chunk (widget-files.<hash>.js, beside this one), fetched right
 * after the app starts without holding it up, so the app chunk stays within its budget. A part is
 * an empty <span> here; the chunk fills it with plain DOM (no second Preact) once it has registered
 * through `Kefu._f`, and fills the spans drawn before it arrived. If it never arrives, they stay empty.
 */
import { jsx } from 'preact/jsx-runtime';

/** The files chunk's name, compiled in by build.mjs. */
declare const __KEFU_FILES__: string;

/** Fills a part's span; called again on every render with the same span (the chunk fills each once). */
type Fill = (el: HTMLElement, props: object) => void;

let fill: Fill | undefined;
const waiting: [HTMLElement, object][] = [];

try {
  (window as unknown as { Kefu: { _f: unknown } }).Kefu._f = (chunk: Fill) => {
    fill = chunk;
    for (const [el, props] of waiting) chunk(el, props);
  };
  const script = document.createElement('script');
  // Beside this chunk, which is the script running now.
  script.src = (document.currentScript as HTMLScriptElement).src.replace(/[^/]+$/, __KEFU_FILES__);
  document.head.append(script);
} catch {
  /* not built with a files chunk, or no loader (tests): the parts stay empty */
}

/** Part `n` of the files chunk (`a`: the attach control, `f`: a message's file), given the other props. */
export const LazyPart = (props: { n: string } & Record<string, unknown>) =>
  jsx('span', { ref: ((el: HTMLSpanElement | null) => el && (fill ? fill(el, props) : waiting.push([el, props]))) as never });
