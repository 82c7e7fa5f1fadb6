// npm run bench <name> [-- options]: runs scripts/bench/<name>.ts.
const benches = ['create', 'floor', 'transcript', 'analytics', 'web', 'soak'];
const [name, ...rest] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
	console.error(`usage: npm run bench <${benches.join('|')}> [-- options]`);
	process.exit(2);
}
process.argv.splice(2, process.argv.length - 2, ...rest);
await import(`./${name}.js`);
