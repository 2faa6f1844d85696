// check.mjs parses every ```mermaid block of the Markdown files named on the command line
// with the real mermaid parser (mermaid.parse), and exits 1 naming the file, the block's
// opening fence line and the parser's message when any block fails; 2 when a file cannot be read.
// Usage: node check.mjs FILE.md...
import { readFile } from 'node:fs/promises';
import mermaid from 'mermaid';

// blocks returns each mermaid block of text with the 1-based line of its opening fence.
function blocks(text) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```mermaid') continue;
    const start = i + 1;
    const body = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    out.push({ line: start, text: body.join('\n') });
  }
  return out;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check.mjs FILE.md...');
  process.exit(2);
}
let failed = 0;
let count = 0;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  for (const b of blocks(text)) {
    count++;
    try {
      await mermaid.parse(b.text);
    } catch (e) {
      failed++;
      console.error(`${file}:${b.line}: mermaid: ${e.message}`);
    }
  }
}
console.log(`${count} mermaid blocks, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
