package cn.duban.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable with its name and type, so that no name is spelled twice and no value is cast by hand
 * (the idea of holunda's camunda-bpm-data, in the few lines duban needs: that library brings the Kotlin
 * runtime along for three value types).
 *
 * <p>A value of the wrong type reads as null: a client that sends {@code "true"} where a yes/no is expected
 * gets the same "please choose" refusal as one that sends nothing.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static ProcessVariable<String> string(String name) {
        return new ProcessVariable<>(name, String.class);
    }

    public static ProcessVariable<Boolean> bool(String name) {
        return new ProcessVariable<>(name, Boolean.class);
    }

    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(name, Integer.class);
    }

    @SuppressWarnings("rawtypes")
    public static ProcessVariable<List> list(String name) {
        return new ProcessVariable<>(name, List.class);
    }

    /** The value in this scope or a parent's, or null (absent, or not a {@code T}). */
    public T get(VariableScope scope) {
        Object v = scope.getVariable(name);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    /** The value in this scope only (a multi-instance element variable), or null. */
    public T getLocal(VariableScope scope) {
        Object v = scope.getVariableLocal(name);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** The value as a form hands it in: transient, read by the listener and never stored by the engine. */
    public TypedValue transientValue(T value) {
        return Variables.untypedValue(value, true);
    }
}
