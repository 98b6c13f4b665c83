package cn.duban.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Deploys every file of {@code bpmn/} (packaged under {@code processes/} in the jar) as one
 * deployment, named relative to {@code bpmn/}, so that {@code embedded:deployment:forms/x.html}
 * finds the form deployed with its process. When no file changed nothing is deployed; when any did, all are.
 *
 * <p>The engine keeps which build of duban deployed last ({@code duban.deployed-by} in its properties: version and
 * build time). While a new version is rolled onto one node of two (docs/operations.md, step 11), the older node may
 * restart: it then finds the models of a newer build deployed and leaves them, rather than deploying its older models
 * over them (which would have made them the latest, and engine.ProcessMigrator would have moved every running campaign
 * back onto them).
 */
@Component
@Order(0)
public class ProcessDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "duban";
    private static final String ROOT = "processes/";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    static final String DEPLOYED_BY = "duban.deployed-by";

    private final RepositoryService repositoryService;
    private final org.camunda.bpm.engine.ManagementService managementService;
    private final String build;

    @org.springframework.beans.factory.annotation.Autowired
    public ProcessDeployer(RepositoryService repositoryService, org.camunda.bpm.engine.ManagementService managementService,
                           org.springframework.beans.factory.ObjectProvider<org.springframework.boot.info.BuildProperties> build) {
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        var b = build.getIfAvailable();
        this.build = b == null || b.getTime() == null ? null : b.getVersion() + " " + b.getTime();
    }

    /** The build time in {@code <version> <time>}, or null. */
    static java.time.Instant builtAt(String build) {
        if (build == null || build.indexOf(' ') < 0) {
            return null;
        }
        try {
            return java.time.Instant.parse(build.substring(build.lastIndexOf(' ') + 1));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the models deployed by {@code deployed} are newer than this build's, so that this build must not deploy its own. */
    static boolean newerDeployed(String deployed, String mine) {
        java.time.Instant theirs = builtAt(deployed);
        java.time.Instant ours = builtAt(mine);
        return theirs != null && ours != null && theirs.isAfter(ours);
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    public void deploy() {
        String deployedBy = managementService.getProperties().get(DEPLOYED_BY);
        if (newerDeployed(deployedBy, build)) {
            log.warn("The processes were deployed by a newer build of duban ({}); this node ({}) runs them and deploys nothing",
                    deployedBy, build);
            return;
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("duban")
                // nothing changed: nothing deployed; anything changed: everything, so that each new version of a process
                // has its forms in its own deployment (embedded:deployment:forms/…). Deploying only the changed files
                // left a changed process without its forms, and every task moved onto it without a form in Tasklist
                // (ProcessUpgradeIT).
                .enableDuplicateFiltering(false);
        int count = 0;
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.*");
            for (Resource r : resources) {
                String url = r.getURL().toString();
                String name = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
                if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".html") || name.endsWith(".form")) {
                    try (InputStream in = r.getInputStream()) {
                        builder.addInputStream(name, in);
                        count++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bpmn/ resources", e);
        }
        var deployment = builder.deploy();
        if (build != null) {
            managementService.setProperty(DEPLOYED_BY, build);
        }
        log.info("Deployed {} resource(s) from bpmn/ as deployment {}", count, deployment.getId());
    }
}
