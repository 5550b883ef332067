/** widget.js entry point: the one place the loader starts itself. */
import { startLoader } from './start-loader.ts';

startLoader();
