package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.KubeConfigException;

/** A {@code kube.client.*} property has a value that cannot work, such as {@code burst < 1} with the limiter on. */
public final class InvalidKubeClientPropertyException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;
    private final String problem;
    private final String fix;

    /**
     * @param property the full property name ({@code kube.client.burst})
     * @param value its bound value
     * @param problem why the value cannot work
     * @param fix what to set instead
     */
    public InvalidKubeClientPropertyException(String property, Object value, String problem, String fix) {
        super(property + "=" + value + " " + problem);
        this.property = property;
        this.value = String.valueOf(value);
        this.problem = problem;
        this.fix = fix;
    }

    /** The full property name. */
    public String property() {
        return property;
    }

    /** The bound value, as text. */
    public String value() {
        return value;
    }

    /** Why the value cannot work ("must be at least 1 while the rate limiter is on"). */
    public String problem() {
        return problem;
    }

    /** What to set instead. */
    public String fix() {
        return fix;
    }
}
