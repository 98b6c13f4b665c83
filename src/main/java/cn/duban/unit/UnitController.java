package cn.duban.unit;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.support.Forbidden;
import cn.duban.support.UploadedText;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The unit registry over HTTP: the section and operators read it (a drafter picks a notice's units from it); only
 * operators and administrators change it — units, unit types, a CSV import after its preview.
 */
@RestController
@RequestMapping("/api")
class UnitController {

    /** The largest registry file read (a province's registry is well under it). */
    static final long MAX_CSV_BYTES = 2 * 1024 * 1024;

    /** A unit as the pages show it: with its type's and its parent's names. */
    record UnitView(String code, String name, String type, String typeName, String mailbox, String headName, String headUser,
                    String parentCode, String parentName, boolean active) {}

    record Registry(List<UnitView> units, Map<String, String> types) {}

    record TypeForm(String name) {}

    private final UnitAdmin admin;
    private final People people;

    UnitController(UnitAdmin admin, People people) {
        this.admin = admin;
        this.people = people;
    }

    @GetMapping("/units")
    Registry units(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅局机关人员和运维人员可以查看单位名册");
        }
        List<Unit> all = admin.all();
        Map<String, String> types = admin.types();
        Map<String, String> names = new java.util.HashMap<>();
        all.forEach(u -> names.put(u.code(), u.name()));
        return new Registry(all.stream().map(u -> new UnitView(u.code(), u.name(), u.type(), types.getOrDefault(u.type(), u.type()),
                u.mailbox(), u.headName(), u.headUser(), u.parentCode(), u.parentCode() == null ? null : names.get(u.parentCode()),
                u.active())).toList(), types);
    }

    @PostMapping("/units")
    UnitAdmin.Saved create(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @RequestBody UnitAdmin.UnitForm form) {
        requireOperator(user);
        return admin.create(form, user.id());
    }

    @PutMapping("/units/{code}")
    UnitAdmin.Saved update(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code,
                           @RequestBody UnitAdmin.UnitForm form) {
        requireOperator(user);
        return admin.update(code, form, user.id());
    }

    /** A person of a unit as the registry page lists them: account, name, and the unit roles they hold. */
    record Person(String id, String name, List<String> roles) {}

    /** The unit's people (members of its group), for the operator: who can act for the unit, and links to their accounts. */
    @GetMapping("/units/{code}/people")
    List<Person> people(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireOperator(user);
        return admin.people(code).stream().map(p -> new Person(p.id(), p.name(), p.roles())).toList();
    }

    @PostMapping("/units/{code}/deactivate")
    Unit deactivate(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireOperator(user);
        return admin.setActive(code, false, user.id());
    }

    @PostMapping("/units/{code}/activate")
    Unit activate(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireOperator(user);
        return admin.setActive(code, true, user.id());
    }

    @PutMapping("/unit-types/{code}")
    Map<String, String> saveType(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code,
                                 @RequestBody TypeForm form) {
        requireOperator(user);
        admin.saveType(code, form.name(), user.id());
        return admin.types();
    }

    @DeleteMapping("/unit-types/{code}")
    Map<String, String> deleteType(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireOperator(user);
        admin.deleteType(code, user.id());
        return admin.types();
    }

    /** What importing the file would do: new, changed (field by field), deactivated; nothing is written. */
    @PostMapping("/units/import/preview")
    UnitAdmin.Imported preview(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                               @RequestParam("file") MultipartFile file) {
        requireOperator(user);
        return admin.previewCsv(text(file));
    }

    @PostMapping("/units/import")
    UnitAdmin.Imported importCsv(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                 @RequestParam("file") MultipartFile file) {
        requireOperator(user);
        return admin.importCsv(text(file), user.id());
    }

    /** A change as the page shows it: with the name of who made it. */
    record ChangeView(@com.fasterxml.jackson.annotation.JsonUnwrapped UnitChange change, String changedByName) {}

    @GetMapping("/units/changes")
    List<ChangeView> changes(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                             @RequestParam(defaultValue = "50") int size) {
        requireOperator(user);
        List<UnitChange> changes = admin.changes(size);
        Map<String, String> names = people.names(changes.stream().map(UnitChange::changedBy).toList());
        return changes.stream().map(c -> new ChangeView(c, names.getOrDefault(c.changedBy(), "system".equals(c.changedBy()) ? "系统" : null)))
                .toList();
    }

    /** The registry file's text (UTF-8, or a Chinese spreadsheet's GB18030). */
    static String text(MultipartFile file) {
        return UploadedText.read(file, MAX_CSV_BYTES, "名册文件过大（最多 2 MB）", "名册文件");
    }

    private static void requireOperator(CurrentUser user) {
        if (!user.isOperator()) {
            throw new Forbidden("仅运维人员和系统管理员可以维护单位名册");
        }
    }
}
