export { dependencies, dependenciesForRelocation, uniquesWithoutForeignKeys, ROOT_MODELS, FORCED_NON_DANGLING } from './model-relations.js';
export type { ModelRelations } from './model-relations.js';
export { sortedDependencies, reversedDependencies } from './sorted-dependencies.js';
export { renderModelDependencies } from './fixture-files.js';
export type { ModelDependencyFiles } from './fixture-files.js';
