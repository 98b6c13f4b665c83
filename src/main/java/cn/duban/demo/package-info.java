/** Demo data for the one-command run: the section's people, and a live campaign from seed 000. */
package cn.duban.demo;
