package cn.duban.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints why duban will not start in production, problem by problem in Chinese and English, instead of a stack trace
 * (Spring Boot's "APPLICATION FAILED TO START" report; registered in META-INF/spring.factories).
 */
class ProductionFailureAnalyzer extends AbstractFailureAnalyzer<ProductionNotReady> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ProductionNotReady cause) {
        StringBuilder d = new StringBuilder("督办拒绝以生产方式启动，原因如下 / duban will not start in production:\n");
        for (ProductionNotReady.Problem p : cause.problems()) {
            d.append("\n  - ").append(p.zh()).append("\n    ").append(p.en());
        }
        return new FailureAnalysis(d.toString(),
                "按 docs/operations.md 设置以上各项（systemd 的 EnvironmentFile，例如 /etc/duban/duban.env）后重新启动。\n"
                        + "Set each of the above as docs/operations.md says (the systemd unit's EnvironmentFile, e.g. /etc/duban/duban.env) and start again.",
                cause);
    }
}
