package cn.duban.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule set of a decision on someone else's work — 科长核稿, 领导签发, 单位负责人审批, 审核报送: a choice is
 * made; a return says why; an opinion has a length; where a return gives the unit a new due date, it is given and
 * not in the past; where a return is no longer possible, only an approval is. The services refuse a decision with
 * it, and the forms ask it as the person decides ({@code …/decision/check}), so both say the same thing at the
 * same field.
 */
public final class Decisions {

    public static final int MAX_COMMENT = 2_000;

    /** The two decisions on a document before it goes out — a notice's, a 督办通报's — by the word and the step's name. */
    public enum Stage {
        REVIEW("核稿", "科长核稿"), SIGNOFF("签发", "领导签发");

        private final String label;
        private final String step;

        Stage(String label, String step) {
            this.label = label;
            this.step = step;
        }

        /** 核稿, 签发. */
        public String label() {
            return label;
        }

        /** Who decides: 科长核稿, 领导签发. */
        public String step() {
            return step;
        }
    }

    private Decisions() {}

    /** What a return needs and allows at this step. */
    public record Return(boolean needsDueDate, String refusedBecause) {
        /** A return that needs a reason only (核稿, 签发, 单位负责人审批). */
        public static final Return REASON = new Return(false, null);
        /** A return that gives the unit a new due date (审核报送). */
        public static final Return REASON_AND_DUE_DATE = new Return(true, null);

        /** No return possible any more, for this reason (e.g. the campaign has closed). */
        public static Return refused(String because) {
            return new Return(false, because);
        }
    }

    /** The problems of a decision, field by field ({@code approved}, {@code comment}, {@code newDueDate}). */
    public record Verdict(Map<String, String> fieldErrors) {
        public Verdict {
            fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean ready() {
            return fieldErrors.isEmpty();
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public List<String> problems() {
            return List.copyOf(fieldErrors.values());
        }

        /** Refuses the decision with its first problem as the message and every problem at its field. */
        public void orRefuse() {
            if (!ready()) {
                throw new Refused(problems().get(0), fieldErrors);
            }
        }
    }

    public static Verdict check(Boolean approved, String comment, LocalDate newDueDate, Return onReturn, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String reason = Texts.optional(comment);
        if (approved == null) {
            errors.put("approved", onReturn.refusedBecause() == null ? "请选择“通过”或“退回修改”" : "请选择“通过”");
        } else if (!approved && onReturn.refusedBecause() != null) {
            errors.put("approved", onReturn.refusedBecause());
        }
        if (Boolean.FALSE.equals(approved) && reason == null) {
            errors.put("comment", "退回时请填写退回理由");
        } else if (reason != null && reason.length() > MAX_COMMENT) {
            errors.put("comment", "意见过长（最多 " + MAX_COMMENT + " 字，现 " + reason.length() + " 字）");
        }
        if (Boolean.FALSE.equals(approved) && onReturn.needsDueDate()) {
            if (newDueDate == null) {
                errors.put("newDueDate", "退回时请填写新的报送期限");
            } else if (newDueDate.isBefore(today)) {
                errors.put("newDueDate", "新的报送期限不能早于今天");
            }
        }
        return new Verdict(errors);
    }

    /** A decision the rules refuse; its field errors go to the form like a report's. */
    public static final class Refused extends Refusal {
        private final Map<String, String> fieldErrors;

        Refused(String message, Map<String, String> fieldErrors) {
            super(message);
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        public Map<String, String> fieldErrors() {
            return fieldErrors;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("fieldErrors", fieldErrors);
        }
    }
}
