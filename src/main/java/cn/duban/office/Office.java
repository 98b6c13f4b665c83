package cn.duban.office;

import cn.duban.identity.Roles;
import java.time.LocalDateTime;

/** An office of the bureau (科室/股): its code (its groups are named after it), its name, who added it and when. */
public record Office(String code, String name, boolean active, String createdBy, LocalDateTime createdAt) {

    /** The group of one of its roles: {@code office-fbg-reviewer}, or the default office's {@code reviewer}. */
    public String group(Roles.OfficeRole role) {
        return Roles.officeGroup(code, role);
    }
}
