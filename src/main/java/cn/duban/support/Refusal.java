package cn.duban.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request duban refuses on purpose: a rule it breaks, something the person may not do. The message is
 * Chinese and shown to the person as it is; nothing has been saved when it is thrown. Every edge answers
 * it the same way: duban's API and the engine's REST API (where the engine wraps what a listener throws,
 * see {@link #in(Throwable)}) with {@link #status()} and a body of {@code message} and {@link #details()}.
 */
public class Refusal extends RuntimeException {

    public static final int BAD_REQUEST = 400;
    public static final int FORBIDDEN = 403;
    public static final int CONFLICT = 409;

    private final int status;

    public Refusal(String message) {
        this(BAD_REQUEST, message);
    }

    public Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that answers it: 400 for a broken rule, 403 for what the person may not do. */
    public int status() {
        return status;
    }

    /** What a form needs beyond the message, e.g. {@code fieldErrors} to show at each field. */
    public Map<String, Object> details() {
        return Map.of();
    }

    /** The body every edge answers with: the message alone, then the details. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", getMessage());
        body.putAll(details());
        return body;
    }

    /** The refusal in a chain of causes (the engine wraps what a listener or delegate throws), or null. */
    public static Refusal in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Refusal r) {
                return r;
            }
        }
        return null;
    }
}
