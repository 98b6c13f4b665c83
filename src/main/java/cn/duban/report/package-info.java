/**
 * A unit's report: signing for the notice, filling the statistics table, attachments, the unit head's
 * approval, the supervision review, and every version kept. Also lead and cooperating units' contributions.
 */
package cn.duban.report;
