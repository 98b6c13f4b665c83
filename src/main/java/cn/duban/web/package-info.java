/**
 * The HTTP edge: authentication of duban's API (the Camunda webapp session or HTTP Basic), HTTP Basic
 * on /engine-rest, Chinese error bodies, and the JSON API the Tasklist forms call.
 */
package cn.duban.web;
