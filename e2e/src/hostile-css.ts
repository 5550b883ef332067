/** Page CSS that would wreck a widget living in the light DOM; the widget's shadow root must shield it. */
export const HOSTILE_CSS = `
* { font-size: 40px !important; color: red !important; line-height: 3 !important; letter-spacing: 6px !important; }
*, *::before, *::after { box-sizing: content-box !important; }
button, input, textarea, select { display: none !important; }
div, span, section, aside { position: static !important; z-index: auto !important; }
[role] { visibility: hidden !important; }
iframe { display: none !important; }
`;
