package cn.duban.campaign;

import cn.duban.support.Refusal;
import java.util.List;
import java.util.Map;

/** A template that cannot be used; each problem names the field, in Chinese, for the drafter. */
public class TemplateException extends Refusal {

    private final List<String> problems;

    public TemplateException(List<String> problems) {
        super("活动模板有误：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("problems", problems);
    }
}
