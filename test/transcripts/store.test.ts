import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/lib/files/atomic.js';
import { TranscriptStore } from '../../src/lib/transcripts/store.js';

const GUILD = '333333333333333333';

describe('transcript store', () => {
	const folders: string[] = [];
	const store = () => {
		const folder = mkdtempSync(join(tmpdir(), 'transcripts-'));
		folders.push(folder);
		return new TranscriptStore(folder);
	};
	afterEach(() => {
		for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
	});

	it('saves both files per guild and ticket; saving again replaces them, leaving no temporary file', async () => {
		const transcripts = store();
		const first = await transcripts.save(GUILD, 12, 7, { html: '<p>one</p>', txt: 'one' });
		expect(first.htmlPath).toBe(join(transcripts.root, GUILD, '0007-12', 'transcript.html'));
		const again = await transcripts.save(GUILD, 12, 7, { html: '<p>two</p>', txt: 'two' });
		expect(again).toEqual(first);
		expect(readFileSync(again.htmlPath, 'utf8')).toBe('<p>two</p>');
		expect(readFileSync(again.txtPath, 'utf8')).toBe('two');
		expect(readdirSync(join(transcripts.root, GUILD, '0007-12')).sort()).toEqual(['transcript.html', 'transcript.txt']);
	});

	it('never lets two tickets share a folder, even with the same number in two guilds', async () => {
		const transcripts = store();
		const paths = await Promise.all([
			transcripts.save(GUILD, 1, 1, { html: 'a', txt: 'a' }),
			transcripts.save(GUILD, 2, 2, { html: 'b', txt: 'b' }),
			transcripts.save('444444444444444444', 3, 1, { html: 'c', txt: 'c' })
		]);
		expect(new Set(paths.map((path) => path.htmlPath)).size).toBe(3);
	});

	it('refuses anything but IDs the bot made', async () => {
		const transcripts = store();
		for (const [guild, id, number] of [
			['../../etc', 1, 1],
			['123', 1, 1],
			[GUILD, 0, 1],
			[GUILD, 1, -1],
			[GUILD, 1.5, 1],
			[`${GUILD}/..`, 1, 1]
		] as const) {
			await expect(transcripts.save(guild, id, number, { html: '', txt: '' })).rejects.toThrow(RangeError);
		}
		expect(readdirSync(transcripts.root)).toEqual([]);
	});

	it('removes its temporary file when a write fails and keeps the old file whole', async () => {
		const transcripts = store();
		const { htmlPath } = await transcripts.save(GUILD, 5, 5, { html: 'old', txt: 'old' });
		// Renaming a file over a folder fails after the temporary file was written.
		await expect(writeAtomically(join(transcripts.root, GUILD), 'new')).rejects.toThrow();
		expect(readdirSync(transcripts.root)).toEqual([GUILD]);
		expect(readFileSync(htmlPath, 'utf8')).toBe('old');
	});
});
