package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;

/**
 * docs/engine.md lists what duban changes in Camunda and why. These checks fail when Camunda changes under it, so an
 * upgrade reads that list again (each entry against the new version) before it updates them.
 */
class EngineChangesTest {

    @Test
    void theEngineIsTheVersionDocsEngineMdWasCheckedAgainst() {
        assertThat(ProductPropertiesUtil.getProductVersion()).as("review docs/engine.md for the new version").isEqualTo("7.24.0");
    }

    /**
     * duban's rules (process.Duties) are asked at the engine's permission points by name; a point added, renamed or
     * removed in a new version may let a command through unasked.
     */
    @Test
    void theEnginesPermissionPointsAreThoseDutiesWasWrittenFor() {
        List<String> points = Arrays.stream(CommandChecker.class.getMethods()).map(Method::getName).distinct().sorted().toList();
        assertThat(points).as("review process.Duties and docs/engine.md").isEqualTo(List.of("""
            checkActivateBatch
            checkCreateBatch
            checkCreateCaseInstance
            checkCreateDeployment
            checkCreateMigrationPlan
            checkCreateProcessInstance
            checkCreateTask
            checkDeleteBatch
            checkDeleteDeployment
            checkDeleteHistoricBatch
            checkDeleteHistoricCaseInstance
            checkDeleteHistoricDecisionInstance
            checkDeleteHistoricProcessInstance
            checkDeleteHistoricTaskInstance
            checkDeleteHistoricVariableInstance
            checkDeleteHistoricVariableInstancesByProcessInstance
            checkDeleteLicenseKey
            checkDeleteMetrics
            checkDeleteProcessDefinitionById
            checkDeleteProcessDefinitionByKey
            checkDeleteProcessInstance
            checkDeleteProperty
            checkDeleteTask
            checkDeleteTaskMetrics
            checkDeleteUserOperationLog
            checkEvaluateDecision
            checkMigrateProcessInstance
            checkReadCaseDefinition
            checkReadCaseInstance
            checkReadDecisionDefinition
            checkReadDecisionRequirementsDefinition
            checkReadDeployment
            checkReadDiagnosticsData
            checkReadHistoricBatch
            checkReadHistoricExternalTaskLog
            checkReadHistoricJobLog
            checkReadHistoryAnyProcessDefinition
            checkReadHistoryLevel
            checkReadHistoryProcessDefinition
            checkReadJob
            checkReadLicenseKey
            checkReadProcessApplicationForDeployment
            checkReadProcessDefinition
            checkReadProcessInstance
            checkReadProcessInstanceVariable
            checkReadProperties
            checkReadRegisteredDeployments
            checkReadSchemaLog
            checkReadTableCount
            checkReadTableMetaData
            checkReadTableName
            checkReadTask
            checkReadTaskVariable
            checkRegisterDeployment
            checkRegisterProcessApplication
            checkSetLicenseKey
            checkSetProperty
            checkSuspendBatch
            checkTaskAssign
            checkTaskWork
            checkUnregisterDeployment
            checkUnregisterProcessApplication
            checkUpdateCaseDefinition
            checkUpdateCaseInstance
            checkUpdateDecisionDefinitionById
            checkUpdateJob
            checkUpdateProcessDefinitionById
            checkUpdateProcessDefinitionByKey
            checkUpdateProcessDefinitionSuspensionStateById
            checkUpdateProcessDefinitionSuspensionStateByKey
            checkUpdateProcessInstance
            checkUpdateProcessInstanceById
            checkUpdateProcessInstanceByProcessDefinitionId
            checkUpdateProcessInstanceByProcessDefinitionKey
            checkUpdateProcessInstanceSuspensionStateById
            checkUpdateProcessInstanceSuspensionStateByProcessDefinitionId
            checkUpdateProcessInstanceSuspensionStateByProcessDefinitionKey
            checkUpdateProcessInstanceVariables
            checkUpdateRetriesJob
            checkUpdateRetriesProcessInstanceByProcessDefinitionId
            checkUpdateTaskVariable
            checkUpdateUserOperationLog
            """.strip().split("\\s+")));
    }
}
