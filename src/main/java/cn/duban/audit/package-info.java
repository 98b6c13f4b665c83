/** The audit listing of a campaign: every state change, who, when, what and from which task; downloads too. */
package cn.duban.audit;
