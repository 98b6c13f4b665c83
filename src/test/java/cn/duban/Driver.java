package cn.duban;

import cn.duban.process.NoticeApprovalProcess;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.process.CampaignProcess;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.report.AttachmentService;
import cn.duban.report.ReportPayload;
import cn.duban.process.UnitReportProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.core.io.ClassPathResource;

/**
 * Drives duban the way its users do: every step as a named user with their groups (authorizations
 * are on), forms submitted through {@link FormService#submitTaskForm} exactly as Tasklist's
 * {@code POST /task/{id}/submit-form} does, with the forms' transient variables, and async jobs
 * executed explicitly. Not a scanned component: tests bring it in with {@code @Import(Driver.class)} (or
 * {@link EngineTest}), so that a run on the test classpath (the benchmarks' {@code spring-boot:run}) never
 * picks it up.
 */
public class Driver {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final TemplateCatalog catalog;
    private final RepositoryService repositoryService;
    private final AttachmentService attachments;

    public Driver(RuntimeService runtimeService, TaskService taskService, FormService formService,
                  IdentityService identityService, ManagementService managementService, TemplateCatalog catalog,
                  RepositoryService repositoryService, AttachmentService attachments) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.catalog = catalog;
        this.repositoryService = repositoryService;
        this.attachments = attachments;
    }

    /** Ensures the section's people exist (the demo profile is off in tests). */
    public void sectionPeople() {
        user("drafter1", "drafter", "reviewer");
        user("head1", "section-head");
        user("leader1", "leader");
        user("reviewer1", "reviewer");
    }

    public void user(String id, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            var u = identityService.newUser(id);
            u.setFirstName(id);
            u.setLastName("");
            u.setPassword("test");
            identityService.saveUser(u);
            for (String g : groups) {
                identityService.createMembership(id, g);
            }
        }
    }

    /** A shipped template's YAML with its code made unique and its targets replaced (a new notice, as a file). */
    public CampaignTemplate uploadVariant(String resource, String targetsYaml) {
        try {
            return variant(new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8), targetsYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template file the test wrote, as {@link #uploadVariant(String, String)}. */
    public CampaignTemplate uploadVariant(java.nio.file.Path file, String targetsYaml) {
        try {
            return variant(java.nio.file.Files.readString(file), targetsYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #uploadVariant(String, String)}, with more of the template appended (a roll-up, say). */
    public CampaignTemplate uploadVariantWith(String resource, String targetsYaml, String appended) {
        try {
            return variant(new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8) + appended, targetsYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CampaignTemplate variant(String yaml, String targetsYaml) {
        String code = "t" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        yaml = yaml.replaceFirst("(?m)^code: .*$", "code: " + code);
        if (targetsYaml != null) {
            yaml = yaml.replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n" + targetsYaml + "\n");
        }
        String source = yaml;
        return as("drafter1", () -> catalog.upload(source, "drafter1"));
    }

    public ProcessInstance startCampaign(String templateCode, String deadline) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CampaignProcess.TEMPLATE_CODE.name(), templateCode);
        if (deadline != null) {
            vars.put(CampaignProcess.DEADLINE.name(), Variables.stringValue(deadline, true));
        }
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY)
                .latestVersion().singleResult().getId();
        return as("drafter1", () -> formService.submitStartForm(definitionId, vars));
    }

    /** Drafts, reviews and signs off the notice, then runs the jobs until every unit has its first task. */
    public String issue(ProcessInstance campaign) {
        String id = (String) runtimeService.getVariable(campaign.getId(), CampaignProcess.CAMPAIGN_ID.name());
        submit("drafter1", task(id, NoticeApprovalProcess.DRAFT_NOTICE), Map.of());
        submit("head1", task(id, NoticeApprovalProcess.REVIEW_NOTICE), Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true));
        submit("leader1", task(id, NoticeApprovalProcess.SIGN_OFF_NOTICE), Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), true));
        runJobs();
        return id;
    }

    /** The one open task of that definition key in the campaign (its own or a unit's). */
    public Task task(String campaignId, String key) {
        List<Task> tasks = taskService.createTaskQuery().taskDefinitionKey(key).processVariableValueEquals("campaignId", campaignId).list();
        assertThat(tasks).as("open %s tasks of %s", key, campaignId).hasSize(1);
        return tasks.get(0);
    }

    public Task unitTask(String campaignId, String unitCode, String key) {
        List<Task> tasks = taskService.createTaskQuery().taskDefinitionKey(key)
                .processInstanceBusinessKey(campaignId + ":" + unitCode).list();
        assertThat(tasks).as("open %s tasks of %s", key, unitCode).hasSize(1);
        return tasks.get(0);
    }

    public List<Task> unitTasks(String campaignId, String unitCode, String key) {
        return taskService.createTaskQuery().taskDefinitionKey(key).processInstanceBusinessKey(campaignId + ":" + unitCode).list();
    }

    /** Submits a task form as that user, as Tasklist does; values given as {@code TypedValue} keep their transient flag. */
    public void submit(String user, Task task, Map<String, Object> variables) {
        as(user, () -> {
            formService.submitTaskForm(task.getId(), new HashMap<>(variables));
            return null;
        });
    }

    // ---- a unit's steps, as its reporter takes them in Tasklist

    /** 签收: the unit's reporter signs for the notice and names themself. */
    public void sign(String campaignId, String unit) {
        submit(unit + "-reporter", unitTask(campaignId, unit, UnitReportProcess.SIGN_NOTICE),
                Map.of(UnitReportProcess.REPORTER.name(), unit + "-reporter"));
    }

    /** Uploads (stages) a summary document and/or a photo, as the fill-in form does before submitting. */
    public void stage(String campaignId, String unit, boolean summary, boolean photo) {
        if (summary) {
            attachments.stage(campaignId, unit, AttachmentService.SUMMARY, "活动总结.pdf", PDF, unit + "-reporter");
        }
        if (photo) {
            attachments.stage(campaignId, unit, AttachmentService.PHOTO, "现场.png", PNG, unit + "-reporter");
        }
    }

    /** 填报并报送: hands in the figures (and keeps the given attachments of the previous version). */
    public void handIn(String campaignId, String unit, Map<String, String> values, List<Long> keep) {
        handIn(campaignId, unit, values, keep, null);
    }

    public void handIn(String campaignId, String unit, Map<String, String> values, List<Long> keep, String note) {
        String json = new ReportPayload(values, unit + " 开展活动总结", note, keep).toJson();
        submit(unit + "-reporter", unitTask(campaignId, unit, UnitReportProcess.FILL_REPORT),
                Map.of(UnitReportProcess.REPORT.name(), transientString(json)));
    }

    /** 审核报送 by reviewer1: approve, or return with a reason and a new due date. */
    public void review(String campaignId, String unit, boolean approved, String comment, java.time.LocalDate newDue) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(UnitReportProcess.REPORT_APPROVED.name(), approved);
        vars.put(UnitReportProcess.COMMENT.name(), transientString(comment == null ? "" : comment));
        vars.put(UnitReportProcess.NEW_DUE_DATE.name(), transientString(newDue == null ? "" : newDue.toString()));
        submit("reviewer1", unitTask(campaignId, unit, UnitReportProcess.REVIEW_REPORT), vars);
    }

    /** Seed 000's eleven rows, all {@code value}. */
    public static Map<String, String> seed000Figures(String value) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 11; i++) {
            m.put(String.valueOf(i), value);
        }
        return m;
    }

    /** Real, tiny images: uploads are checked by their header, so a fake magic number is not enough. */
    public static final byte[] PNG = image("png");
    public static final byte[] JPEG = image("jpg");

    private static byte[] image(String format) {
        try {
            var img = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    public static final byte[] PDF = "%PDF-1.4\n% duban test\n".getBytes(StandardCharsets.UTF_8);

    /** The text of a received mail, every part joined (as a standard mail parser decodes it). */
    public static String mailText(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        if (content instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append(mailText(mp.getBodyPart(i)));
            }
        }
        return sb.toString();
    }

    public static Object transientString(String value) {
        return Variables.stringValue(value, true);
    }

    /** Runs every executable job until none is left; returns the failures (a failed job loses a retry). */
    public List<Exception> runJobs() {
        List<Exception> failures = new ArrayList<>();
        for (int round = 0; round < 10_000; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().listPage(0, 1);
            if (jobs.isEmpty()) {
                return failures;
            }
            try {
                managementService.executeJob(jobs.get(0).getId());
            } catch (Exception e) {
                failures.add(e);
            }
        }
        throw new IllegalStateException("jobs did not settle");
    }

    public <T> T as(String user, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
