import { describe, expect, it } from 'vitest';
import { html } from '../../src/web/html.js';

describe('the page template', () => {
	it('escapes every interpolated value, in content and in attributes', () => {
		const name = `<img src=x onerror="alert(1)">'\`&`;
		const page = html`<p title="${name}">${name}</p>`;
		expect(page.text).toBe(
			'<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&#96;&amp;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&#96;&amp;</p>'
		);
	});

	it('keeps markup a template made, renders lists in order and leaves out empty values', () => {
		const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
		const empty = [null, undefined, false] as const;
		expect(html`<ul>${items}</ul>`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
		expect(html`${empty}${0}`.text).toBe('0');
	});
});
