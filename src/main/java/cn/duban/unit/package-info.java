/** The unit registry: units read from a CSV, kept in duban's table and mirrored as Camunda groups and users. */
package cn.duban.unit;
