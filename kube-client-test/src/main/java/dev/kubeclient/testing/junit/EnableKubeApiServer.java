package dev.kubeclient.testing.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against an in-JVM {@link dev.kubeclient.testing.server.KubeApiServer}: one server per class
 * (default) or per test method. Test methods, constructors and lifecycle methods can take a
 * {@code KubeApiServer}, a {@code Clientset}, a {@code RestConfig}, or a {@code Path} annotated
 * {@link KubeconfigPath}; fields of the first three types that are not final are filled in too (static ones
 * before all tests with the per-class server). Test classes running in parallel each get their own server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KubeApiServerExtension.class)
public @interface EnableKubeApiServer {

    /** Whether the server lives for the whole class (default) or for each test method. */
    Scope scope() default Scope.CLASS;

    /** Whether HTTP/2 is offered (default true). */
    boolean http2() default true;

    /** Plain HTTP instead of HTTPS. */
    boolean plainHttp() default false;

    /** Seeds the demo objects of {@code KubeApiServer.startWithDemoObjects()}. */
    boolean demoObjects() default false;

    /** Adds the API Priority and Fairness headers to every response. */
    boolean apfEmulation() default false;

    /** Lets requests without credentials do everything. */
    boolean anonymous() default false;

    /** How long a server lives. */
    enum Scope {
        /** One server for all tests of the class. */
        CLASS,
        /** A fresh server for each test method. */
        TEST
    }
}
