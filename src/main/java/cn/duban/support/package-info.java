/** Small pieces shared by the features: reads done once per distribution batch. */
package cn.duban.support;
