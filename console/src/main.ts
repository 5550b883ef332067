/** The console page's entry (index.html): its styles, then the app mounted into #app. */
import './console.css';
import { startConsole } from './start-console.tsx';

const root = document.getElementById('app');
if (root) startConsole(root);
