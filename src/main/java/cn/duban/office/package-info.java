/**
 * The bureau's offices (科室/股): data an operator adds while duban runs, each with its Camunda groups of drafters,
 * reviewers and its head. The office that drafts a notice reviews its units' reports, urges them and watches its
 * 督办看板; leaders, operators and administrators see every office's.
 */
package cn.duban.office;
