package dev.kubeclient.testing.spring;

import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the kube-client Spring Boot starter at an in-JVM {@link dev.kubeclient.testing.server.KubeApiServer}: put
 * it on a {@code @SpringBootTest} class (or any {@code @Configuration}) and every client bean the starter makes
 * (the {@code Clientset}, the dynamic client, discovery, the RESTMapper, the health indicator) talks to a fresh
 * server started with the application context and closed with it. The server itself is a bean too, for seeding
 * objects, scripting faults and reading the request record.
 *
 * <p>It works through a {@code KubeClientConnectionDetails} bean, so the starter's {@code kube.client.*} properties
 * and customizers still apply on top of the server's connection settings; no kubeconfig is read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(KubeApiServerTestConfiguration.class)
public @interface AutoConfigureKubeApiServer {

    /** Seeds the demo objects of {@code KubeApiServer.startWithDemoObjects()} (namespace {@code demo}). */
    boolean demoObjects() default false;

    /** Adds the API Priority and Fairness headers to every response (so {@code rate-limiter: auto} switches off). */
    boolean apfEmulation() default false;
}
