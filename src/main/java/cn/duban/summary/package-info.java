/** The county roll-up: totals per indicator over approved reports, a row per unit, who is missing or late. */
package cn.duban.summary;
