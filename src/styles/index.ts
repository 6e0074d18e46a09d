import {controls} from './controls.styles.js';
import {sections} from './sections.styles.js';
import {theme} from './theme.styles.js';

/** The widget's styles, in the order they cascade. */
export default [theme, controls, sections];
