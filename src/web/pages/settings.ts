import type { TicketCategory } from '../../lib/categories/CategoryService.js';
import { PANEL_MODES, PANEL_STYLES, type Panel } from '../../lib/panels/PanelService.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { PRIORITIES } from '../../lib/config/schema.js';
import type { adminOverview } from '../../lib/settings/adminSettings.js';
import { questionsText } from '../../lib/settings/categorySettings.js';
import { NUMBER_RULE_NAMES, NUMBER_RULES, type GuildRules } from '../../lib/settings/guildRules.js';
import type { Flash } from '../flash.js';
import { html, type Html } from '../html.js';
import type { GuildAccess } from '../members.js';
import { postForm, when } from './format.js';
import { messagePreview, type PreviewMessage } from './panelPreview.js';
import { guildHeader } from './guildNav.js';
import type { NameOf } from './tickets.js';

/** A panel as the settings page shows it: where it goes, its state, and the message members will see. */
export interface PanelView {
	panel: Panel;
	key: string;
	channelName: string;
	deployedAt: Date | null;
	preview: PreviewMessage;
}

export interface SettingsView {
	guild: { id: string; name: string };
	access: GuildAccess;
	overview: Awaited<ReturnType<typeof adminOverview>>;
	categories: readonly TicketCategory[];
	/** The server's Discord categories, where ticket channels may go. */
	discordCategories: readonly { id: string; name: string }[];
	/** The server's text channels, where panels may be posted. */
	textChannels: readonly { id: string; name: string }[];
	panels: readonly PanelView[];
	csrf: string;
	flash?: Flash;
	nameOf: NameOf;
	roleName: (id: string) => string;
}

/** Each language in its own words. */
const LANGUAGE_NAMES: Record<SupportedLocale, string> = { 'en-US': 'English', fr: 'Français' };

/** A POST form of the settings page, with the CSRF token. */
const form = (view: SettingsView, action: string, body: Html, extra = '') =>
	postForm(`/g/${view.guild.id}/settings/${action}`, view.csrf, body, extra);

function rulesForm(t: Translate, view: SettingsView): Html {
	const S = LanguageKeys.Settings;
	const W = LanguageKeys.Web;
	const { rules, own } = view.overview;
	const mark = (name: keyof GuildRules) => html` <span class="muted">(${t(own.has(name) ? S.OwnValue : S.DefaultValue)})</span>`;
	const label = (name: keyof GuildRules, control: Html) => html`<label>${t(S.Labels[name])}${mark(name)} ${control}</label>`;
	const numbers = NUMBER_RULE_NAMES.map((name) => {
		const { min, max } = NUMBER_RULES[name];
		return label(
			name,
			html`<input type="number" name="${name}" value="${rules[name]}" min="${min}" max="${max}" step="1" required>`
		);
	});
	return html`<section><h2>${t(W.RulesHeading)}</h2><p class="muted">${t(W.RulesHint)}</p>
${form(
	view,
	'rules',
	html`${label(
		'locale',
		html`<select name="locale">${SUPPORTED_LOCALES.map(
			(code) => html`<option value="${code}"${code === rules.locale ? html` selected` : null}>${LANGUAGE_NAMES[code]}</option>`
		)}</select>`
	)}
${label('prefix', html`<input name="prefix" value="${rules.prefix}" maxlength="5" required>`)}
${label(
	'allowOpenerClose',
	html`<select name="allowOpenerClose"><option value="yes"${rules.allowOpenerClose ? html` selected` : null}>${t(S.Yes)}</option><option value="no"${
		rules.allowOpenerClose ? null : html` selected`
	}>${t(S.No)}</option></select>`
)}
${label('channelNamePattern', html`<input name="channelNamePattern" value="${rules.channelNamePattern}" maxlength="90" required>`)}
${numbers}
<div class="buttons"><button type="submit">${t(W.SaveRules)}</button></div>`,
	'settings-form'
)}
${form(view, 'reset', html`<button type="submit" class="secondary">${t(W.ResetRules)}</button>`)}
</section>`;
}

function rolesForms(t: Translate, view: SettingsView): Html {
	const W = LanguageKeys.Web;
	const shown = (ids: readonly string[]) => (ids.length ? ids.map((id) => `@${view.roleName(id)}`).join(', ') : t(W.NoRoles));
	const list = (name: 'support_roles' | 'admin_roles', heading: string, ids: readonly string[]) =>
		form(
			view,
			name,
			html`<label>${heading} <span class="muted">(${shown(ids)})</span>
<input name="roles" value="${ids.join(' ')}" maxlength="500" placeholder="none"></label>
<div class="buttons"><button type="submit">${t(W.SaveRoles)}</button></div>`,
			'settings-form'
		);
	return html`<section><h2>${t(W.RolesHeading)}</h2><p class="muted">${t(W.RolesHint)}</p>
${list('support_roles', t(W.SupportRoles), view.overview.supportRoleIds)}
${list('admin_roles', t(W.AdminRoles), view.overview.adminRoleIds)}
</section>`;
}

function blacklistSection(t: Translate, locale: SupportedLocale, view: SettingsView): Html {
	const W = LanguageKeys.Web;
	const { blacklist } = view.overview;
	const rows = blacklist.map(
		(entry) => html`<tr>
<td>${view.nameOf(entry.userId)} <span class="muted">${entry.userId}</span></td>
<td class="details">${entry.reason}</td>
<td>${entry.expiresAt ? when(entry.expiresAt, locale) : t(W.BlacklistForever)}</td>
<td>${view.nameOf(entry.createdById)}</td>
<td>${form(view, 'blacklist-remove', html`<input type="hidden" name="userId" value="${entry.userId}"><button type="submit" class="secondary">${t(W.BlacklistRemove)}</button>`)}</td>
</tr>`
	);
	return html`<section><h2>${t(W.BlacklistHeading)}</h2>
${
	blacklist.length
		? html`<div class="table-wrap"><table class="blacklist">
<thead><tr><th>${t(W.ColumnMember)}</th><th>${t(W.ColumnReason)}</th><th>${t(W.BlacklistUntil)}</th><th>${t(W.ColumnAddedBy)}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></div>`
		: html`<p class="muted">${t(W.BlacklistEmpty)}</p>`
}
${form(
	view,
	'blacklist-add',
	html`<label>${t(W.MemberId)} <input name="userId" inputmode="numeric" maxlength="20" required></label>
<label>${t(W.BlacklistHours)} <input type="number" name="hours" value="0" min="0" max="87600" step="1" required></label>
<label>${t(W.BlacklistReason)} <input name="reason" maxlength="500" required></label>
<div class="buttons"><button type="submit">${t(W.BlacklistAdd)}</button></div>`,
	'settings-form'
)}
</section>`;
}

/** A category's form: every field, filled with what it is now (a new one: the defaults). */
function categoryForm(t: Translate, view: SettingsView, category: TicketCategory | null): Html {
	const W = LanguageKeys.Web;
	const field = (label: string, control: Html) => html`<label>${label} ${control}</label>`;
	const checked = (on: boolean | undefined) => (on ? html` checked` : null);
	const priority = category?.defaultPriority ?? 'normal';
	const body = html`${
		category
			? html`<input type="hidden" name="key" value="${category.key}">`
			: field(t(W.FieldKey), html`<input name="key" maxlength="32" required>`)
	}
${field(t(W.FieldDisplayName), html`<input name="displayName" value="${category?.displayName ?? ''}" maxlength="80" required>`)}
${field(t(W.FieldDescription), html`<input name="description" value="${category?.description ?? ''}" maxlength="100">`)}
${field(t(W.FieldEmoji), html`<input name="emoji" value="${category?.emoji ?? ''}" maxlength="64">`)}
${field(t(W.FieldSla), html`<input type="number" name="slaMinutes" value="${category?.slaMinutes ?? ''}" min="1" max="525600" step="1">`)}
${field(t(W.FieldResolutionSla), html`<input type="number" name="resolutionSlaMinutes" value="${category?.resolutionSlaMinutes ?? ''}" min="1" max="525600" step="1">`)}
${field(t(W.FieldHours), html`<input name="workingHours" value="${category?.workingHours ?? ''}" maxlength="500" placeholder="Europe/Paris; mon-fri 09:00-17:00; closed 2026-12-25">`)}
${field(
	t(W.FieldOutOfHours),
	html`<select name="outOfHours">${(['notice', 'pause'] as const).map(
		(value) =>
			html`<option value="${value}"${value === (category?.outOfHours ?? 'notice') ? html` selected` : null}>${t(value === 'pause' ? LanguageKeys.Categories.HoursPause : LanguageKeys.Categories.HoursNotice)}</option>`
	)}</select>`
)}
${field(
	t(W.FieldPriority),
	html`<select name="defaultPriority">${PRIORITIES.map(
		(value) => html`<option value="${value}"${value === priority ? html` selected` : null}>${value}</option>`
	)}</select>`
)}
${field(t(W.FieldTags), html`<input name="defaultTags" value="${category?.defaultTags.join(', ') ?? ''}" maxlength="400">`)}
${field(t(W.FieldStaffRoles), html`<input name="staffRoles" value="${category?.staffRoleIds.join(' ') ?? ''}" maxlength="500">`)}
${field(
	t(W.FieldParent),
	html`<select name="parentChannelId"><option value="">${t(W.ParentNone)}</option>${view.discordCategories.map(
		(channel) =>
			html`<option value="${channel.id}"${channel.id === category?.parentChannelId ? html` selected` : null}>${channel.name}</option>`
	)}</select>`
)}
<label class="check"><input type="checkbox" name="anonymous" value="yes"${checked(category?.anonymousAllowed)}> ${t(W.FieldAnonymous)}</label>
<label class="check"><input type="checkbox" name="captcha" value="yes"${checked(category?.captcha)}> ${t(W.FieldCaptcha)}</label>
${field(t(W.FieldQuestions), html`<textarea name="questions" rows="3" maxlength="2000">${category ? questionsText(category.questions) : ''}</textarea>`)}
<div class="buttons"><button type="submit">${t(W.CategorySave)}</button></div>`;
	return form(view, 'category-save', body, 'settings-form');
}

function categoriesSection(t: Translate, view: SettingsView): Html {
	const W = LanguageKeys.Web;
	const roles = (ids: readonly string[]) => (ids.length ? ids.map((id) => `@${view.roleName(id)}`).join(', ') : t(W.NoRoles));
	return html`<section><h2>${t(W.CategoriesHeading)}</h2><p class="muted">${t(W.CategoriesHint)}</p>
<div class="table-wrap"><table class="categories">
<thead><tr><th>${t(W.ColumnKey)}</th><th>${t(W.ColumnName)}</th><th>${t(W.ColumnStaffRoles)}</th><th>${t(W.ColumnQuestions)}</th><th>${t(W.ColumnSla)}</th></tr></thead>
<tbody>${view.categories.map(
		(category) => html`<tr>
<td><code>${category.key}</code></td>
<td>${category.emoji ? `${category.emoji} ` : ''}${category.displayName}</td>
<td>${roles(category.staffRoleIds)}</td>
<td class="details">${category.questions.length ? html`<ol>${category.questions.map((question) => html`<li>${question.label}</li>`)}</ol>` : '—'}</td>
<td>${category.slaMinutes ? `${category.slaMinutes} min` : '—'}</td>
</tr>`
	)}</tbody></table></div>
${view.categories.map(
	(
		category
	) => html`<details class="category" data-key="${category.key}"><summary>${t(W.CategoryEdit, { name: category.displayName })}</summary>
${categoryForm(t, view, category)}
${form(view, 'category-delete', html`<input type="hidden" name="key" value="${category.key}"><button type="submit" class="secondary">${t(W.CategoryDelete)}</button>`)}
</details>`
)}
<details class="category"><summary>${t(W.CategoryNew)}</summary>${categoryForm(t, view, null)}</details>
</section>`;
}

/** A panel's form: every field, filled with what it is now (a new one: the defaults). */
function panelForm(t: Translate, view: SettingsView, panel: Panel | null): Html {
	const W = LanguageKeys.Web;
	const field = (label: string, control: Html) => html`<label>${label} ${control}</label>`;
	const options = (values: readonly string[], current: string) =>
		values.map((value) => html`<option value="${value}"${value === current ? html` selected` : null}>${value}</option>`);
	const body = html`${
		panel
			? html`<input type="hidden" name="key" value="${panel.key}">`
			: field(t(W.FieldKey), html`<input name="key" maxlength="32" required>`)
	}
${field(
	t(W.FieldPanelChannel),
	html`<select name="channelId" required>${view.textChannels.map(
		(channel) =>
			html`<option value="${channel.id}"${channel.id === panel?.channelId ? html` selected` : null}>#${channel.name}</option>`
	)}</select>`
)}
${field(t(W.FieldTitle), html`<input name="title" value="${panel?.title ?? ''}" maxlength="256" required>`)}
${field(t(W.FieldPanelText), html`<textarea name="description" rows="3" maxlength="2000">${panel?.description ?? ''}</textarea>`)}
${field(t(W.FieldButtonLabel), html`<input name="buttonLabel" value="${panel?.buttonLabel ?? ''}" maxlength="80">`)}
${field(t(W.FieldEmoji), html`<input name="emoji" value="${panel?.emoji ?? ''}" maxlength="64">`)}
${field(t(W.FieldStyle), html`<select name="style">${options(PANEL_STYLES, panel?.buttonStyle ?? 'primary')}</select>`)}
${field(t(W.FieldMode), html`<select name="mode">${options(PANEL_MODES, panel?.mode ?? 'buttons')}</select>`)}
<fieldset><legend>${t(W.FieldPanelCategories)}</legend>${view.categories.map(
		(category) =>
			html`<label class="check"><input type="checkbox" name="categories" value="${category.key}"${
				panel?.categoryKeys.includes(category.key) ? html` checked` : null
			}> ${category.displayName}</label>`
	)}</fieldset>
<div class="buttons"><button type="submit">${t(W.PanelSave)}</button></div>`;
	return form(view, 'panel-save', body, 'settings-form');
}

function panelsSection(t: Translate, locale: SupportedLocale, view: SettingsView): Html {
	const W = LanguageKeys.Web;
	const fresh = html`<details class="panel-edit"><summary>${t(W.PanelNew)}</summary>${panelForm(t, view, null)}</details>`;
	if (view.panels.length === 0)
		return html`<section><h2>${t(W.PanelsHeading)}</h2><p class="muted">${t(W.PanelsEmpty)}</p>${fresh}</section>`;
	return html`<section><h2>${t(W.PanelsHeading)}</h2><p class="muted">${t(W.PanelsHint)}</p>
${view.panels.map(
	(panel) => html`<article class="panel" data-key="${panel.key}">
<h3><code>${panel.key}</code> · ${t(W.PanelIn, { channel: panel.channelName })} · <span class="muted">${
		panel.deployedAt ? html`${t(W.PanelDeployedAt)} ${when(panel.deployedAt, locale)}` : t(W.PanelNotDeployed)
	}</span></h3>
<p class="muted">${t(W.PanelPreview)}</p>
${messagePreview(panel.preview)}
${form(view, 'panel-deploy', html`<input type="hidden" name="key" value="${panel.key}"><button type="submit">${t(W.PanelDeploy)}</button>`)}
<details class="panel-edit"><summary>${t(W.PanelEdit, { key: panel.key })}</summary>
${panelForm(t, view, panel.panel)}
${form(view, 'panel-delete', html`<input type="hidden" name="key" value="${panel.key}"><button type="submit" class="secondary">${t(W.PanelDelete)}</button>`)}
</details>
</article>`
)}
${fresh}
</section>`;
}

/** The server's settings for its admins: the same values, checks and messages as the /admin commands. */
export function settingsPage(t: Translate, locale: SupportedLocale, view: SettingsView): Html {
	return html`${guildHeader(t, view.guild, view.access, 'settings')}
${view.flash ? html`<p class="flash ${view.flash.kind}" role="status">${view.flash.text}</p>` : null}
${rulesForm(t, view)}
${rolesForms(t, view)}
${blacklistSection(t, locale, view)}
${categoriesSection(t, view)}
${panelsSection(t, locale, view)}`;
}
