import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeAtomically } from '../files/atomic.js';

const SNOWFLAKE = /^\d{17,20}$/;

export interface SavedTranscript {
	htmlPath: string;
	txtPath: string;
}

/**
 * Transcript files on disk: `<root>/<guild>/<number>-<ticket id>/transcript.{html,txt}`. Only IDs the
 * bot made reach a path, so two tickets never share a folder and no user input picks one. Each file is
 * written to a temporary name, flushed, then renamed over the old one: a crash leaves the previous
 * file or the new one, never half of one.
 */
export class TranscriptStore {
	public readonly root: string;

	public constructor(root: string) {
		this.root = resolve(root);
	}

	public folder(guildId: string, ticketId: number, ticketNumber: number): string {
		if (!SNOWFLAKE.test(guildId)) throw new RangeError(`not a guild ID: ${JSON.stringify(guildId).slice(0, 40)}`);
		for (const value of [ticketId, ticketNumber])
			if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`not a ticket ID or number: ${value}`);
		return join(this.root, guildId, `${String(ticketNumber).padStart(4, '0')}-${ticketId}`);
	}

	public async save(
		guildId: string,
		ticketId: number,
		ticketNumber: number,
		files: { html: string; txt: string }
	): Promise<SavedTranscript> {
		const folder = this.folder(guildId, ticketId, ticketNumber);
		await mkdir(folder, { recursive: true });
		const htmlPath = join(folder, 'transcript.html');
		const txtPath = join(folder, 'transcript.txt');
		await writeAtomically(htmlPath, files.html);
		await writeAtomically(txtPath, files.txt);
		return { htmlPath, txtPath };
	}
}
