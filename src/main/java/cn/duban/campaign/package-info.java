/**
 * Campaigns: the template format (data, not code), parsing and validating it, drafting a notice,
 * its review and sign-off, issuing it, closing and archiving the campaign.
 */
package cn.duban.campaign;
