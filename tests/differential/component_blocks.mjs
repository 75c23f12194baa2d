// stdin: JSON list of {path, source}; stdout: JSON list of [[start, end, lang], ...] (UTF-16 offsets)
import { createRequire } from 'node:module';
const require = createRequire(process.argv[2] + '/');
const { parse: parseVue } = require('@vue/compiler-sfc');
const loaded = await import(require.resolve('svelte/compiler'));
const svelte = loaded.parse ? loaded : loaded.default;
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const { path, source } of JSON.parse(input)) {
  const blocks = [];
  if (path.endsWith('.vue')) {
    const { descriptor } = parseVue(source);
    for (const block of [descriptor.script, descriptor.scriptSetup]) {
      if (block && !block.src) blocks.push([block.loc.start.offset, block.loc.end.offset, block.lang || 'js']);
    }
  } else {
    const ast = svelte.parse(source, { modern: true });
    for (const block of [ast.module, ast.instance]) {
      if (block) {
        const lang = (block.attributes.find((a) => a.name === 'lang')?.value?.[0]?.data) || 'js';
        blocks.push([block.content.start, block.content.end, lang]);
      }
    }
  }
  out.push(blocks.sort((a, b) => a[0] - b[0]));
}
process.stdout.write(JSON.stringify(out));
