package dev.kubeclient.autoconfigure;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.UnstructuredList;
import dev.kubeclient.scheme.GroupVersionResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.File;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter under Spring AOT, as {@code spring-boot:process-aot} and {@code -Dspring.aot.enabled=true} use it: the
 * context is processed ahead of time, the generated initializer is compiled and started in a fresh context without
 * the auto-configuration classes being parsed, and its Clientset, DynamicClient and RestMapper call a MockWebServer.
 * ({@code spring-core-test}'s TestCompiler is not published to Maven Central, so the generated sources are compiled
 * here with the JDK's compiler.)
 */
class KubeClientAotTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private static final String CONFIG_MAPS = """
            {"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"7"},
             "items":[{"metadata":{"name":"settings","namespace":"team-a"},"data":{"mode":"aot"}}]}""";
    private static final String CORE_RESOURCES = """
            {"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"configmaps","singularName":"configmap",
             "namespaced":true,"kind":"ConfigMap","verbs":["get","list"],"shortNames":["cm"]}]}""";

    @Test
    void theProcessedContextStartsAndItsClientsWork() throws Exception {
        server.setDispatcher(new KubeApi());
        Path kubeconfig = Fixtures.kubeconfig(dir, "config", server.url("/").toString());
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get(KubeClientAotTest.class)), new InMemoryGeneratedFiles());
        AtomicReference<ClassName> initializerName = new AtomicReference<>();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
                .prepare(context -> initializerName.set(new ApplicationContextAotGenerator().processAheadOfTime(
                        (GenericApplicationContext) context.getSourceApplicationContext(), generation)));
        generation.writeGeneratedContent();

        assertThat(RuntimeHintsPredicates.resource().forResource(KubeClientRuntimeHints.VERSION_RESOURCE))
                .as("the auto-configuration imports the starter's runtime hints").accepts(generation.getRuntimeHints());

        Path classes = compile((InMemoryGeneratedFiles) generation.getGeneratedFiles());
        defineInTestLoader(classes);
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            TestPropertyValues.of("kube.client.kubeconfig=" + kubeconfig, "kube.client.rate-limiter=off")
                    .applyTo(context);
            @SuppressWarnings("unchecked")
            ApplicationContextInitializer<GenericApplicationContext> initializer =
                    (ApplicationContextInitializer<GenericApplicationContext>) Class
                            .forName(initializerName.get().reflectionName()).getDeclaredConstructor().newInstance();
            initializer.initialize(context);
            context.refresh();
            assertThat(context.containsBean(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME))
                    .as("configuration classes are not parsed at run time").isFalse();

            List<ConfigMap> typed = context.getBean(Clientset.class).coreV1().configMaps("team-a").list().getItems();
            assertThat(typed).singleElement().satisfies(cm -> assertThat(cm.getData()).containsEntry("mode", "aot"));
            UnstructuredList untyped = context.getBean(DynamicClient.class)
                    .resource(new GroupVersionResource("", "v1", "configmaps")).namespace("team-a").list();
            assertThat(untyped.items()).singleElement()
                    .satisfies(cm -> assertThat(cm.name()).isEqualTo("settings"));
            assertThat(context.getBean(RestMapper.class).mappingFor("ConfigMap").resource())
                    .isEqualTo(new GroupVersionResource("", "v1", "configmaps"));
        }
    }

    /** Writes the generated sources to {@code dir} and compiles them against the test's class path. */
    private Path compile(InMemoryGeneratedFiles files) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "-classpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        for (Map.Entry<String, InputStreamSource> file : files.getGeneratedFiles(Kind.SOURCE).entrySet()) {
            Path source = sources.resolve(file.getKey());
            Files.createDirectories(source.getParent());
            try (InputStream in = file.getValue().getInputStream()) {
                Files.write(source, in.readAllBytes());
            }
            arguments.add(source.toString());
        }
        copy(files.getGeneratedFiles(Kind.RESOURCE), classes);
        copy(files.getGeneratedFiles(Kind.CLASS), classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, arguments.toArray(String[]::new));
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return classes;
    }

    private static void copy(Map<String, InputStreamSource> files, Path root) throws IOException {
        for (Map.Entry<String, InputStreamSource> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            try (InputStream in = file.getValue().getInputStream()) {
                Files.write(target, in.readAllBytes());
            }
        }
    }

    /**
     * Defines each generated class in the test's own class loader, in the runtime package of the class it was
     * generated for ({@code X__BeanDefinitions} next to {@code X}), because generated code calls package-private
     * members there (the starter's configurations, Boot's own).
     */
    private static void defineInTestLoader(Path classes) throws IOException, ReflectiveOperationException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        ClassLoader loader = KubeClientAotTest.class.getClassLoader();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
            int generated = name.indexOf("__");
            assertThat(generated).as("generated class name " + name).isPositive();
            Class<?> anchor = Class.forName(name.substring(0, generated), false, loader);
            MethodHandles.privateLookupIn(anchor, MethodHandles.lookup()).defineClass(Files.readAllBytes(file));
        }
    }

    /** The few API paths the three clients call. */
    private static final class KubeApi extends Dispatcher {

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String body = switch (request.getUrl().encodedPath()) {
                case "/api" -> "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}";
                case "/apis" -> "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}";
                case "/api/v1" -> CORE_RESOURCES;
                case "/api/v1/namespaces/team-a/configmaps" -> CONFIG_MAPS;
                default -> null;
            };
            return body == null ? new MockResponse.Builder().code(404).body("{\"kind\":\"Status\",\"code\":404}").build()
                    : new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
        }
    }
}
