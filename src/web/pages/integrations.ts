import type { ApiTokenInfo } from '../../lib/api/tokens.js';
import { TOKEN_SCOPES } from '../../lib/api/tokens.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { SupportedLocale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/notice.js';
import type { guildWebhooks } from '../../lib/settings/integrations.js';
import { WEBHOOK_EVENT_NAMES } from '../../lib/model/webhookEvents.js';
import type { Flash } from '../flash.js';
import { html, type Html } from '../html.js';
import type { GuildAccess } from '../members.js';
import { postForm, when } from './format.js';
import { guildHeader } from './guildNav.js';
import type { NameOf } from './tickets.js';

/** A secret the page shows once, right after it was made (never stored where it could be shown again). */
export type ShownSecret =
	{ kind: 'token'; name: string; scope: string; value: string } | { kind: 'webhook'; id: number; value: string };

export interface IntegrationsView {
	guild: { id: string; name: string };
	access: GuildAccess;
	tokens: readonly ApiTokenInfo[];
	webhooks: Awaited<ReturnType<typeof guildWebhooks>>;
	csrf: string;
	flash?: Flash;
	secret?: ShownSecret;
	nameOf: NameOf;
}

const form = (view: IntegrationsView, action: string, body: Html, extra = '') =>
	postForm(`/g/${view.guild.id}/integrations/${action}`, view.csrf, body, extra);

function secretBox(t: Translate, secret: ShownSecret): Html {
	const W = LanguageKeys.Web;
	const text =
		secret.kind === 'token' ? t(W.TokenShown, { name: secret.name, scope: secret.scope }) : t(W.WebhookSecret, { id: secret.id });
	return html`<div class="flash done secret" role="status"><p>${text}</p><pre><code>${secret.value}</code></pre></div>`;
}

function tokensSection(t: Translate, locale: SupportedLocale, view: IntegrationsView): Html {
	const W = LanguageKeys.Web;
	const rows = view.tokens.map(
		(token) => html`<tr>
<td><code>${token.name}</code></td>
<td>${token.scope}</td>
<td>${view.nameOf(token.createdById)}</td>
<td>${when(token.createdAt, locale)}</td>
<td>${token.lastUsedAt ? when(token.lastUsedAt, locale) : t(W.NeverUsed)}</td>
<td>${form(view, 'token-revoke', html`<input type="hidden" name="name" value="${token.name}"><button type="submit" class="secondary">${t(W.TokenRevoke)}</button>`)}</td>
</tr>`
	);
	return html`<section><h2>${t(W.TokensHeading)}</h2><p class="muted">${t(W.TokensHint)}</p>
${
	view.tokens.length
		? html`<div class="table-wrap"><table class="tokens">
<thead><tr><th>${t(W.ColumnName)}</th><th>${t(W.ColumnScope)}</th><th>${t(W.ColumnMadeBy)}</th><th>${t(W.ColumnCreated)}</th><th>${t(W.ColumnLastUsed)}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></div>`
		: html`<p class="muted">${t(W.TokensEmpty)}</p>`
}
${form(
	view,
	'token-create',
	html`<label>${t(W.TokenName)} <input name="name" maxlength="32" required></label>
<label>${t(W.ColumnScope)} <select name="scope">${TOKEN_SCOPES.map((scope) => html`<option value="${scope}">${scope}</option>`)}</select></label>
<div class="buttons"><button type="submit">${t(W.TokenCreate)}</button></div>`,
	'settings-form'
)}
</section>`;
}

function webhooksSection(t: Translate, locale: SupportedLocale, view: IntegrationsView): Html {
	const W = LanguageKeys.Web;
	const { endpoints, deliveries } = view.webhooks;
	const events = (list: readonly string[]) => (list.length ? list.join(', ') : t(LanguageKeys.Webhooks.AllEvents));
	const rows = endpoints.map(
		(endpoint) => html`<tr>
<td>#${endpoint.id}</td>
<td class="details"><code>${endpoint.url}</code></td>
<td>${events(endpoint.events)}</td>
<td>${t(W.DeliveryCounts, { delivered: endpoint.delivered, pending: endpoint.pending, failed: endpoint.failed })}</td>
<td>${form(view, 'webhook-remove', html`<input type="hidden" name="id" value="${endpoint.id}"><button type="submit" class="secondary">${t(W.WebhookRemove)}</button>`)}</td>
</tr>`
	);
	const status = (delivery: (typeof deliveries)[number]): Html => {
		if (delivery.status === 'delivered')
			return html`${t(W.DeliveryDelivered)}${delivery.deliveredAt ? html` ${when(delivery.deliveredAt, locale)}` : null}`;
		if (delivery.status === 'pending')
			return html`${t(W.DeliveryPending)} · ${t(W.NextTry)} ${when(delivery.nextAttemptAt, locale)}`;
		return html`${t(W.DeliveryFailed)}`;
	};
	const log = deliveries.map(
		(delivery) => html`<tr class="delivery-${delivery.status}">
<td>${when(delivery.createdAt, locale)}</td>
<td>#${delivery.endpointId}</td>
<td><code>${delivery.event}</code></td>
<td>${status(delivery)}</td>
<td>${delivery.attempts}</td>
<td class="details">${delivery.lastStatus ?? ''}${delivery.lastError && delivery.status !== 'delivered' ? ` ${delivery.lastError}` : ''}</td>
</tr>`
	);
	return html`<section><h2>${t(W.WebhooksHeading)}</h2><p class="muted">${t(W.WebhooksHint)}</p>
${
	endpoints.length
		? html`<div class="table-wrap"><table class="webhooks">
<thead><tr><th>#</th><th>${t(W.ColumnUrl)}</th><th>${t(W.ColumnEvents)}</th><th>${t(W.ColumnDeliveries)}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></div>`
		: html`<p class="muted">${t(W.WebhooksEmpty)}</p>`
}
${form(
	view,
	'webhook-add',
	html`<label>${t(W.WebhookUrl)} <input type="url" name="url" maxlength="500" required></label>
<fieldset><legend>${t(W.WebhookEventsHint)}</legend>${WEBHOOK_EVENT_NAMES.map(
		(event) => html`<label class="check"><input type="checkbox" name="events" value="${event}"> <code>${event}</code></label>`
	)}</fieldset>
<div class="buttons"><button type="submit">${t(W.WebhookAdd)}</button></div>`,
	'settings-form'
)}
<h3>${t(W.DeliveryLogHeading)}</h3>
${
	deliveries.length
		? html`<div class="table-wrap"><table class="deliveries">
<thead><tr><th>${t(W.ColumnWhen)}</th><th>${t(W.ColumnWebhook)}</th><th>${t(W.ColumnEvents)}</th><th>${t(W.ColumnStatus)}</th><th>${t(W.ColumnAttempts)}</th><th>${t(W.ColumnAnswer)}</th></tr></thead>
<tbody>${log}</tbody></table></div>`
		: html`<p class="muted">${t(W.DeliveryLogEmpty)}</p>`
}
</section>`;
}

/** The server's links to its own tools, for its admins: API tokens and webhooks with their delivery log. */
export function integrationsPage(t: Translate, locale: SupportedLocale, view: IntegrationsView): Html {
	return html`${guildHeader(t, view.guild, view.access, 'integrations')}
${view.flash ? html`<p class="flash ${view.flash.kind}" role="status">${view.flash.text}</p>` : null}
${view.secret ? secretBox(t, view.secret) : null}
${tokensSection(t, locale, view)}
${webhooksSection(t, locale, view)}`;
}
