// Answers bundler-mode queries with the real enhanced-resolve (path given as argv[2]) for the webpack
// loader and normal presets: JSON queries {id, context, request} on stdin, JSON answers on stdout.
const {ResolverFactory, CachedInputFileSystem} = require(process.argv[2]);
const fs = require('fs');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const presets = {
  loader: {extensions: ['.js'], mainFields: ['loader', 'main'], conditionNames: ['loader', 'require', 'node'], mainFiles: ['index'], exportsFields: ['exports']},
  normal: {extensions: ['.js', '.json', '.wasm'], mainFields: ['main'], conditionNames: ['webpack', 'production', 'node', 'require'], mainFiles: ['index'], exportsFields: ['exports']},
};
const out = [];
for (const [preset, opts] of Object.entries(presets)) {
  const r = ResolverFactory.createResolver({fileSystem: new CachedInputFileSystem(fs, 4000), useSyncFileSystemCalls: true, ...opts});
  for (const q of input) {
    try { const res = r.resolveSync({}, q.context, q.request); out.push({preset, id: q.id, resolved: res === false ? '' : res}); }
    catch (e) { out.push({preset, id: q.id, resolved: null}); }
  }
}
console.log(JSON.stringify(out));
