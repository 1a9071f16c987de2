import {detailParts} from '../components/detail-rows.js';
import type {Screen} from './screen.js';

/** Who and where: identity, region, build host, Java, Maven and the project. */
export const preflightScreen: Screen = (state, columns) => {
	const view = state.steps.preflight;
	return {parts: detailParts(view.facts, view.resources, columns)};
};
