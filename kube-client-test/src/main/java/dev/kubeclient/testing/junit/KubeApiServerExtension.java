package dev.kubeclient.testing.junit;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.server.KubeApiServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link EnableKubeApiServer}: starts the server (per class or per test), stores it in
 * the JUnit store (which closes it), resolves parameters and fills fields.
 */
public final class KubeApiServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KubeApiServerExtension.class);
    private static final String KEY = "server";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        EnableKubeApiServer settings = settings(context);
        if (settings.scope() == EnableKubeApiServer.Scope.CLASS) {
            KubeApiServer server = context.getStore(NAMESPACE).get(KEY, KubeApiServer.class);
            if (server == null) {
                server = start(settings);
                context.getStore(NAMESPACE).put(KEY, server);
            }
            inject(context.getRequiredTestClass(), null, server, true);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        EnableKubeApiServer settings = settings(context);
        if (settings.scope() == EnableKubeApiServer.Scope.TEST) {
            context.getStore(NAMESPACE).put(KEY, start(settings));
        }
        KubeApiServer server = server(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance.getClass(), instance, server, false);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KubeApiServer.class || type == Clientset.class || type == RestConfig.class
                || (type == Path.class && parameter.isAnnotated(KubeconfigPath.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KubeApiServer server = server(context);
        if (server == null) {
            throw new ParameterResolutionException("no test API server for " + parameter.getParameter()
                    + ": with @EnableKubeApiServer(scope = TEST) the server exists only in test methods and @BeforeEach/@AfterEach");
        }
        return value(parameter.getParameter().getType(), server);
    }

    private static Object value(Class<?> type, KubeApiServer server) {
        if (type == KubeApiServer.class) {
            return server;
        }
        if (type == Clientset.class) {
            return server.clientset();
        }
        if (type == RestConfig.class) {
            return server.restConfig();
        }
        return server.kubeconfig();
    }

    private static KubeApiServer server(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(KEY, KubeApiServer.class);
    }

    private static EnableKubeApiServer settings(ExtensionContext context) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            Optional<Class<?>> type = current.get().getTestClass();
            if (type.isPresent()) {
                Optional<EnableKubeApiServer> found = AnnotationSupport.findAnnotation(type.get(), EnableKubeApiServer.class);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            current = current.get().getParent();
        }
        throw new ExtensionConfigurationException("KubeApiServerExtension needs @EnableKubeApiServer on the test class");
    }

    private static KubeApiServer start(EnableKubeApiServer settings) {
        KubeApiServer.Builder builder = KubeApiServer.builder().http2(settings.http2()).apfEmulation(settings.apfEmulation());
        if (settings.plainHttp()) {
            builder.plainHttp();
        }
        if (settings.anonymous()) {
            builder.anonymous();
        }
        KubeApiServer server = builder.start();
        if (settings.demoObjects()) {
            server.seedDemoObjects();
        }
        return server;
    }

    private static void inject(Class<?> type, Object instance, KubeApiServer server, boolean statics) throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Class<?> fieldType = field.getType();
                boolean injectable = fieldType == KubeApiServer.class || fieldType == Clientset.class
                        || fieldType == RestConfig.class;
                int mods = field.getModifiers();
                if (!injectable || Modifier.isFinal(mods) || Modifier.isStatic(mods) != statics) {
                    continue;
                }
                field.setAccessible(true);
                field.set(statics ? null : instance, value(fieldType, server));
            }
        }
    }
}
