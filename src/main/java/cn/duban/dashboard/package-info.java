/**
 * The campaign dashboard behind Cockpit's login: where every campaign and every unit stands, read in SQL
 * from duban's own tables (never one engine query per unit), with the rules that bucket and colour a unit
 * kept pure in {@link cn.duban.dashboard.DashboardRules}.
 */
package cn.duban.dashboard;
