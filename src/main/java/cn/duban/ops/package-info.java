/**
 * Running duban for a county's IT (docs/operations.md): what the operators watch — readings of the database,
 * cached for a few seconds and shared by the metrics ({@code /actuator/prometheus}), the health checks
 * ({@code /actuator/health/readiness}) and the alerts — the alerts themselves (a mail to the operators through the
 * outbox and a panel on Cockpit's start page, once per condition, cleared when resolved), what is deployed
 * ({@code /actuator/info}), and the embedded database's online backup. Nothing here is a business rule of a campaign;
 * no feature depends on this package.
 */
package cn.duban.ops;
