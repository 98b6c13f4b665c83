/** Roles as Camunda groups, the authorizations each role holds, and the current user of a request. */
package cn.duban.identity;
