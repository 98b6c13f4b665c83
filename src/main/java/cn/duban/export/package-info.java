/**
 * Exports in the notice attachment's own layout (Apache POI, xlsx): the county summary, each unit's own
 * table, and the upward package (a zip with the summary and every approved unit's documents and photos).
 */
package cn.duban.export;
