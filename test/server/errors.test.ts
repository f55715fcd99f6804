// The error catalogue: every code is unique, HF_ERR_-prefixed, and documented in the README.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../server/errors.js';

describe('error catalogue', () => {
  it('documents every code with its status', () => {
    const readme = readFileSync('README.md', 'utf8');
    const codes = errorCodes.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { code, status } of errorCodes) {
      expect(code).toMatch(/^HF_ERR_[A-Z_]+$/);
      const line = readme.split('\n').find((l) => l.includes(`\`${code}\``));
      expect(line, `${code} in README`).toBeDefined();
      expect(line).toContain(`| ${status} |`);
    }
  });
});
