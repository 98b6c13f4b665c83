package cn.duban.engine;

import cn.duban.engine.ClientCalls.RefusedRequest;
import cn.duban.support.Refusal;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that sees every engine command and tells a person's from duban's own. Every path a person can use
 * — Tasklist's and Cockpit's REST API, {@code /engine-rest}, duban's {@code /api} — ends in one engine command per
 * service call, issued with the person's authentication on the thread; duban's listeners and delegates run their
 * commands inside it (nested), and the job executor runs its own with nobody authenticated. So:
 *
 * <ul>
 *   <li>a <b>client command</b> is the outermost command of a thread on which a person is authenticated, while it
 *       is the command executing (not one nested inside it);</li>
 *   <li>every {@link ClientCommandRule} (a Spring bean) is asked at each of the engine's own permission points
 *       ({@link CommandChecker}: a task worked, a task's assignment changed, an instance deleted or modified, …)
 *       while a client command executes — for every person, the administrator included, since Camunda's
 *       authorizations let {@code camunda-admin} do anything;</li>
 *   <li>a refusal of Camunda's authorizations in a client command reaches the person in Chinese (403), without
 *       the engine's English text and the ids it names.</li>
 * </ul>
 *
 * The engine calls its checkers inside the command, before it changes anything; a rule that throws rolls the
 * command back whole.
 */
@Component
public class ClientCommands extends AbstractProcessEnginePlugin {

    /** The outermost command of this thread, when a person issued it; null otherwise. */
    private static final ThreadLocal<Command<?>> CLIENT_COMMAND = new ThreadLocal<>();
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final ObjectProvider<ClientCommandRule> rules;
    private ProcessEngineConfigurationImpl configuration;

    ClientCommands(ObjectProvider<ClientCommandRule> rules) {
        this.rules = rules;
    }

    /**
     * One rule on what a person may do through the engine. {@code check} is the name of the {@link CommandChecker}
     * method the engine called ({@code checkTaskWork}, {@code checkTaskAssign}, {@code checkDeleteProcessInstance}, …)
     * and {@code args} its arguments (the task or execution entity, the id); {@code command} is the command the
     * person issued. Throw a {@link Refusal} to refuse it.
     */
    public interface ClientCommandRule {
        void check(String check, Object[] args, Command<?> command, Authentication person);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        CommandInterceptor marker = new Marker();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, marker);
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, new Marker());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // duban's rules first, then the engine's own checkers (tenants, authorizations): a person refused by both reads
        // duban's reason (whose step it is), not only that they lack a permission
        List<CommandChecker> checkers = new ArrayList<>(configuration.getCommandCheckers());
        checkers.add(0, checker());
        configuration.setCommandCheckers(checkers);
    }

    /** Whether the command executing now is the one a person issued (not duban's nested work, not the job executor's). */
    public static boolean isClientCommand() {
        Command<?> client = CLIENT_COMMAND.get();
        if (client == null) {
            return false;
        }
        CommandInvocationContext current = Context.getCommandInvocationContext();
        return current != null && current.getCommand() == client;
    }

    /** The command the person issued on this thread, while it runs (for a rule that must know which service call it was). */
    public static Command<?> clientCommand() {
        return CLIENT_COMMAND.get();
    }

    private volatile List<ClientCommandRule> resolved;

    private List<ClientCommandRule> rules() {
        List<ClientCommandRule> r = resolved;
        if (r == null) {
            r = rules.orderedStream().toList();
            resolved = r;
        }
        return r;
    }

    private CommandChecker checker() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            if (isClientCommand()) {
                Authentication person = configuration.getIdentityService().getCurrentAuthentication();
                Object[] a = args == null ? new Object[0] : args;
                for (ClientCommandRule rule : rules()) {
                    rule.check(method.getName(), a, CLIENT_COMMAND.get(), person);
                }
            }
            return null;
        };
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(), new Class<?>[] {CommandChecker.class}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "duban's client command rules";
        };
    }

    /** Marks the outermost command of a thread as a person's when one is authenticated; answers refused authorizations in Chinese. */
    private final class Marker extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            int[] depth = DEPTH.get();
            boolean outermost = depth[0] == 0;
            if (outermost && configuration.getIdentityService().getCurrentAuthentication() != null) {
                CLIENT_COMMAND.set(command);
            }
            depth[0]++;
            try {
                return next.execute(command);
            } catch (AuthorizationException e) {
                if (outermost && CLIENT_COMMAND.get() != null) {
                    throw new RefusedRequest(new Refusal(Refusal.FORBIDDEN, ClientCalls.notPermitted(e)));
                }
                throw e;
            } finally {
                depth[0]--;
                if (outermost) {
                    CLIENT_COMMAND.remove();
                    DEPTH.remove();
                }
            }
        }
    }
}
