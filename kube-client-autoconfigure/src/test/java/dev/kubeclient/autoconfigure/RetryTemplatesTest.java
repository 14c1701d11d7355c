package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.errors.NotFoundException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both conflict retry templates retry only 409 Conflict, with client-go's DefaultRetry schedule: at most five
 * attempts, about 10 ms apart.
 */
class RetryTemplatesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
            .withBean(KubeClientConnectionDetails.class,
                    () -> () -> RestConfig.builder().server("https://a.example").build());

    private static ConflictException conflict() {
        Status status = new StatusBuilder().withCode(409).withReason("Conflict").withMessage("the object has been modified").build();
        return new ConflictException(409, "PUT", "/api/v1/namespaces/ns/configmaps/a", status, null);
    }

    private static NotFoundException notFound() {
        Status status = new StatusBuilder().withCode(404).withReason("NotFound").withMessage("not found").build();
        return new NotFoundException(404, "GET", "/api/v1/namespaces/ns/configmaps/a", status, null);
    }

    @Test
    void theSpringFrameworkTemplateRetriesConflictsFiveTimesAtMostAbout10msApart() {
        runner.run(context -> {
            RetryTemplate template = context.getBean("kubeConflictRetryTemplate", RetryTemplate.class);
            AtomicInteger attempts = new AtomicInteger();
            long started = System.nanoTime();
            assertThatThrownBy(() -> template.execute(() -> {
                attempts.incrementAndGet();
                throw conflict();
            })).isInstanceOf(RetryException.class).cause().isInstanceOf(ConflictException.class);
            assertThat(attempts).hasValue(5);
            // Four waits of 10-11 ms each.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        });
    }

    @Test
    void theSpringFrameworkTemplateSucceedsOnceTheConflictIsGone() throws Exception {
        runner.run(context -> {
            RetryTemplate template = context.getBean("kubeConflictRetryTemplate", RetryTemplate.class);
            AtomicInteger attempts = new AtomicInteger();
            String result = template.execute(() -> {
                if (attempts.incrementAndGet() < 3) {
                    throw conflict();
                }
                return "updated";
            });
            assertThat(result).isEqualTo("updated");
            assertThat(attempts).hasValue(3);
        });
    }

    @Test
    void theSpringFrameworkTemplateDoesNotRetryOtherErrors() {
        runner.run(context -> {
            RetryTemplate template = context.getBean("kubeConflictRetryTemplate", RetryTemplate.class);
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> template.execute(() -> {
                attempts.incrementAndGet();
                throw notFound();
            })).isInstanceOf(RetryException.class).cause().isInstanceOf(NotFoundException.class);
            assertThat(attempts).hasValue(1);
        });
    }

    @Test
    void theSpringRetryTemplateHasTheSamePolicy() {
        runner.run(context -> {
            org.springframework.retry.support.RetryTemplate template = context.getBean("kubeConflictSpringRetryTemplate",
                    org.springframework.retry.support.RetryTemplate.class);
            AtomicInteger conflicts = new AtomicInteger();
            assertThatThrownBy(() -> template.execute(retry -> {
                conflicts.incrementAndGet();
                throw conflict();
            })).isInstanceOf(ConflictException.class);
            assertThat(conflicts).hasValue(5);
            AtomicInteger misses = new AtomicInteger();
            assertThatThrownBy(() -> template.execute(retry -> {
                misses.incrementAndGet();
                throw notFound();
            })).isInstanceOf(NotFoundException.class);
            assertThat(misses).hasValue(1);
        });
    }

    @Test
    void withoutSpringRetryOnTheClassPathOnlyTheSpringFrameworkTemplateIsThere() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.retry"))
                .run(context -> assertThat(context).hasNotFailed().hasBean("kubeConflictRetryTemplate")
                        .doesNotHaveBean("kubeConflictSpringRetryTemplate"));
    }
}
