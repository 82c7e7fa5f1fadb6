import { isAbsolute, resolve } from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export function providerOf(url: string): DatabaseProvider {
	return url.startsWith('file:') ? 'sqlite' : 'postgresql';
}

/** The file path of a file: URL, resolved against the working directory. */
export function sqlitePath(url: string): string {
	const path = url.slice('file:'.length).split('?')[0]!;
	if (path === ':memory:') return path;
	return isAbsolute(path) ? path : resolve(process.cwd(), path);
}
