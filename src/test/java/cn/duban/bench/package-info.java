/** Benchmarks run as commands, never as tests; they live in the test sources so that the product's jar holds none of them (docs/benchmarks.md gives each command: {@code ./mvnw spring-boot:test-run -Dspring-boot.run.profiles=bench …}). */
package cn.duban.bench;
