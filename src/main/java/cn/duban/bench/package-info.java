/** Benchmarks run as a command (never as tests); see docs/benchmarks.md. */
package cn.duban.bench;
