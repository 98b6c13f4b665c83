package cn.duban.support;

/** The current user may not do or see this; answered with 403. */
public class Forbidden extends Refusal {

    public Forbidden(String message) {
        super(FORBIDDEN, message);
    }
}
