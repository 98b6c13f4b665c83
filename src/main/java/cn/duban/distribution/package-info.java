/**
 * Rolling a campaign out to its units and back in: the unit rows and one unit-report process per unit,
 * started in batches of async jobs (so 10,000 units are never one transaction and spread over the nodes'
 * job executors), and the close that ends the work of units that never reported.
 */
package cn.duban.distribution;
