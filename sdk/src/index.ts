// ESM entry for bundlers: `import holdfast from 'holdfast'`, then holdfast.init(writeKey, { host }).
import { Holdfast } from './holdfast.js';

export { Holdfast };
export type { Options, Properties } from './types.js';
const holdfast = new Holdfast();
export default holdfast;
