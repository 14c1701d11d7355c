package dev.kubeclient.discovery;

/** Whether a resource's objects live in a namespace or at cluster level (client-go's {@code RESTScope}). */
public enum Scope {
    /** Objects live in a namespace: {@code /apis/g/v/namespaces/ns/resource}. */
    NAMESPACED,
    /** Objects live at cluster level: {@code /apis/g/v/resource}. */
    CLUSTER
}
