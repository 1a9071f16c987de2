import type {RestRoute} from '../protocols/rest-json.js';

export const codeArtifactRoutes: RestRoute[] = [];
