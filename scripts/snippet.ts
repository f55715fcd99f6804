// npm run snippet — writes the generated snippet into every place that shows it (README, examples).
import { readFileSync, writeFileSync } from 'node:fs';
import { snippet } from '../sdk/snippet.js';

const readme = readFileSync('README.md', 'utf8').replace(
  /<!-- snippet -->\n```html\n[\s\S]*?\n```/,
  `<!-- snippet -->\n\`\`\`html\n${snippet('https://holdfast.example.com', 'YOUR_WRITE_KEY')}\n\`\`\``,
);
writeFileSync('README.md', readme);
console.log('snippet written to README.md');
