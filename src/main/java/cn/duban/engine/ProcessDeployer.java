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
 * finds the form deployed with its process. Unchanged files are not redeployed.
 */
@Component
@Order(0)
public class ProcessDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "duban";
    private static final String ROOT = "processes/";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;

    public ProcessDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    public void deploy() {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("duban")
                .enableDuplicateFiltering(true);
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
        log.info("Deployed {} resource(s) from bpmn/ as deployment {}", count, deployment.getId());
    }
}
