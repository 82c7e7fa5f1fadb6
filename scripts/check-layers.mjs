// Fails when two folders of src/lib import each other, directly or around a loop: each folder is a layer,
// and the layers must form a ladder. Prints each loop with one import that closes it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const lib = join(root, 'src/lib');

function* sources(folder) {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) yield* sources(path);
		else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
	}
}

/** The folder of src/lib a file belongs to (its first level), or null outside src/lib. */
const layerOf = (path) => {
	const inside = relative(lib, path);
	return inside.startsWith('..') ? null : inside.split('/')[0];
};

const edges = new Map();
const sample = new Map();
for (const file of sources(lib)) {
	const from = layerOf(file);
	const text = readFileSync(file, 'utf8');
	for (const match of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
		const to = layerOf(resolve(dirname(file), match[1]));
		if (!to || to === from) continue;
		if (!edges.has(from)) edges.set(from, new Set());
		edges.get(from).add(to);
		sample.set(`${from}>${to}`, `${relative(root, file)} imports ${match[1]}`);
	}
}

// Tarjan's strongly connected components: any component of more than one folder is a loop.
let index = 0;
const indexOf = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const loops = [];
function visit(node) {
	indexOf.set(node, index);
	low.set(node, index++);
	stack.push(node);
	onStack.add(node);
	for (const next of edges.get(node) ?? []) {
		if (!indexOf.has(next)) {
			visit(next);
			low.set(node, Math.min(low.get(node), low.get(next)));
		} else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indexOf.get(next)));
	}
	if (low.get(node) === indexOf.get(node)) {
		const component = [];
		let member;
		do {
			member = stack.pop();
			onStack.delete(member);
			component.push(member);
		} while (member !== node);
		if (component.length > 1) loops.push(component);
	}
}
for (const node of edges.keys()) if (!indexOf.has(node)) visit(node);

if (loops.length === 0) {
	console.log(`layers: ${edges.size} folders of src/lib, no loop between them`);
} else {
	for (const loop of loops) {
		const members = new Set(loop);
		console.error(`layers: these folders of src/lib import each other: ${loop.sort().join(', ')}`);
		for (const [key, where] of sample) {
			const [from, to] = key.split('>');
			if (members.has(from) && members.has(to)) console.error(`  ${from} -> ${to}: ${where}`);
		}
	}
	process.exit(1);
}
