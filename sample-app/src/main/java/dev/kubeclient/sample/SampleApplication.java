package dev.kubeclient.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A small Spring Boot application that talks to the cluster of the current kubeconfig (or, in a pod, to its own
 * cluster): it prints the server version and the namespaces, then server-side applies a ConfigMap and shows who
 * owns its fields.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
