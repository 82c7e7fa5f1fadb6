import type { CategoryService } from '../../lib/categories/CategoryService.js';
import type { PanelService } from '../../lib/panels/PanelService.js';
import type { WebServices } from '../context.js';
import type { ApiTokenStore } from '../../lib/api/tokens.js';

/** What the API's routes run with: the dashboard's services, the tokens, and the catalog's services. */
export interface ApiContext {
	readonly services: WebServices;
	readonly tokens: ApiTokenStore;
	readonly categories: CategoryService;
	readonly panels: PanelService;
}
