package dev.kubeclient.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code java.nio.file.Path} parameter that receives the path of a kubeconfig file for the test server's
 * admin user (written to a temporary folder, deleted when the server stops).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KubeconfigPath {
}
