import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../files/atomic.js';
import type { TranscriptMessage } from './model.js';

/** Where the copies go in a transcript's folder, and how its pages link them (relative). */
export const ATTACHMENTS_FOLDER = 'attachments';
/** A copy's file name: its place in the ticket, then the name it had, kept to safe characters. */
export const COPY_NAME = /^\d{1,5}-[\w.-]{1,80}$/;

/** The list of copies kept beside them, so that a reader's copy of the transcript can link them too. */
export const COPIES_INDEX = 'index.json';

export interface SavedCopy {
	/** The attachment's URL on Discord when it was copied. */
	url: string;
	/** Its file in the attachments folder. */
	file: string;
	messageId: string;
}

/** Discord's CDN hosts: the only places the bot downloads an attachment from (plus a test Discord's own). */
export const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

export interface CopyOptions {
	/** Bytes the copies of one ticket may take in all. */
	budgetBytes: number;
	/** Hosts an attachment URL may point to. */
	hosts: readonly string[];
	timeoutMs?: number;
	log: { warn(message: string, fields?: object): void };
}

const safeName = (name: string) =>
	[...name.normalize('NFKD').replace(/[^\w.-]+/g, '_')].slice(-80).join('').replace(/^[.]+/, '_') || 'file';

/** Reads a response's body, refusing it as soon as it passes `limit` bytes (a lying Content-Length included). */
async function bodyWithin(response: Response, limit: number): Promise<Uint8Array | null> {
	const declared = Number(response.headers.get('content-length') ?? Number.NaN);
	if (declared > limit) return null;
	const chunks: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of response.body ?? []) {
		total += chunk.byteLength;
		if (total > limit) return null;
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/**
 * Downloads the ticket's attachments into `<folder>/attachments/`, oldest first, while they fit the
 * budget, and answers which URL now has which relative link. One that is too big, on another host, or
 * that Discord no longer serves keeps its original link (noted in the log); none stops the transcript.
 */
export async function copyAttachments(
	folder: string,
	messages: readonly TranscriptMessage[],
	options: CopyOptions
): Promise<Map<string, string>> {
	const copies = new Map<string, string>();
	const saved: SavedCopy[] = [];
	if (options.budgetBytes <= 0) return copies;
	let left = options.budgetBytes;
	let index = 0;
	for (const message of messages)
		for (const attachment of message.attachments) {
			index++;
			if (copies.has(attachment.url) || attachment.size > left) continue;
			let url: URL;
			try {
				url = new URL(attachment.url);
			} catch {
				continue;
			}
			if (!['http:', 'https:'].includes(url.protocol) || !options.hosts.includes(url.host)) continue;
			try {
				const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), redirect: 'error' });
				if (!response.ok) {
					options.log.warn('An attachment could not be copied into its transcript: its link keeps pointing to Discord', {
						messageId: message.id,
						status: response.status
					});
					continue;
				}
				const body = await bodyWithin(response, left);
				if (!body) continue;
				const name = `${index}-${safeName(attachment.name)}`;
				await mkdir(join(folder, ATTACHMENTS_FOLDER), { recursive: true });
				await writeAtomically(join(folder, ATTACHMENTS_FOLDER, name), body);
				left -= body.byteLength;
				copies.set(attachment.url, `${ATTACHMENTS_FOLDER}/${name}`);
				saved.push({ url: attachment.url, file: name, messageId: message.id });
			} catch (error) {
				options.log.warn('An attachment could not be copied into its transcript: its link keeps pointing to Discord', {
					messageId: message.id,
					error
				});
			}
		}
	if (saved.length) await writeAtomically(join(folder, ATTACHMENTS_FOLDER, COPIES_INDEX), JSON.stringify(saved));
	return copies;
}

/** The messages with each copied attachment linked to its copy. */
export function linkedToCopies(messages: readonly TranscriptMessage[], copies: ReadonlyMap<string, string>): TranscriptMessage[] {
	if (copies.size === 0) return [...messages];
	return messages.map((message) => ({
		...message,
		attachments: message.attachments.map((attachment) => ({ ...attachment, url: copies.get(attachment.url) ?? attachment.url }))
	}));
}
