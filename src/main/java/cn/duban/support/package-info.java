/** Small pieces shared by the features: reads done once per distribution batch, ids cut into IN lists. */
package cn.duban.support;
