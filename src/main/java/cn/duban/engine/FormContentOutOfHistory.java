package cn.duban.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * With history level full, Camunda logs every submitted form field (ACT_HI_DETAIL, 4,000 characters at
 * most), transient ones included. duban's forms hand in reports and figures as transient variables whose
 * content belongs to duban's own tables: this handler keeps everything else of the full history and drops
 * those form-field events, so a long summary fits and the figures never reach the engine's tables.
 */
@Component
class FormContentOutOfHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DbHistoryEventHandler db = new DbHistoryEventHandler();
        configuration.setHistoryEventHandler(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (!(event instanceof HistoricFormPropertyEventEntity)) {
                    db.handleEvent(event);
                }
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
    }
}
