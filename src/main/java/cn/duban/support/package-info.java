/** Small pieces shared by the features: refusals (answered the same way at every edge), reads done once per
 * distribution batch, ids cut into IN lists. */
package cn.duban.support;
