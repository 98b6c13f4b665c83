/** Engine adapters: deploying bpmn/ from the jar, the engine clock as a java.time.Clock. */
package cn.duban.engine;
