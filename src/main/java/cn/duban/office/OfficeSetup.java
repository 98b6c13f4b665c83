package cn.duban.office;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At every start, each office's groups and grants are there (an office added on another node, or before a restore). */
@Component
@Order(2)
class OfficeSetup implements ApplicationRunner {

    private final Offices offices;

    OfficeSetup(Offices offices) {
        this.offices = offices;
    }

    @Override
    public void run(ApplicationArguments args) {
        offices.all().forEach(offices::ensureGroups);
    }
}
