package cn.duban.web;

/** The current user may not do or see this; answered with 403. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
