package cn.duban.unit;

/**
 * A unit of the county that receives notices: a hospital, a township health centre, the CDC, … A unit may have a
 * parent (the CDC over the township centres); a deactivated unit gets no new notices and keeps its history.
 */
public record Unit(String code, String name, String type, String mailbox, String headName, String headUser,
                   String parentCode, boolean active) {

    /** An active unit without a parent. */
    public Unit(String code, String name, String type, String mailbox, String headName, String headUser) {
        this(code, name, type, mailbox, headName, headUser, null, true);
    }
}
