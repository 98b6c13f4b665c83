package cn.duban.identity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * duban refuses to start in production (the postgres profile) until what is listed is set: each problem said in Chinese
 * for the county's IT and in English for whoever helps them, all of them at once, as {@link ProductionFailureAnalyzer}
 * prints them in place of a stack trace.
 */
public class ProductionNotReady extends RuntimeException {

    /** One thing missing or wrong, and what to do about it. */
    public record Problem(String zh, String en) {}

    private final transient List<Problem> problems;

    public ProductionNotReady(List<Problem> problems) {
        super("duban will not start in production: " + problems.stream().map(Problem::en).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
