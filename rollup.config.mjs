// Builds the SDK: the script-tag IIFE (minified, size-budgeted) and the ESM build for bundlers.
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const plugins = () => [
  replace({ preventAssignment: true, values: { __VERSION__: JSON.stringify(version) } }),
  typescript({ tsconfig: 'sdk/tsconfig.json', compilerOptions: { declaration: false, declarationDir: undefined, emitDeclarationOnly: false, noEmit: false } }),
];

const minify = terser({
  ecma: 2020,
  compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
  // Private members end in no special marker, so only locals are mangled; properties keep their names.
  format: { comments: false },
});

export default [
  {
    input: 'sdk/src/iife.ts',
    output: { file: 'dist/sdk/holdfast.js', format: 'iife', plugins: [minify] },
    plugins: plugins(),
  },
  {
    input: 'sdk/src/index.ts',
    output: { file: 'dist/sdk/holdfast.esm.js', format: 'es' },
    plugins: plugins(),
  },
];
