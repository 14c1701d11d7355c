package dev.kubeclient.meta;

/** Whether and how deleting an object deletes its dependents (DeleteOptions {@code propagationPolicy}). */
public enum PropagationPolicy {
    /** Leave dependents alone; remove their owner reference. */
    ORPHAN("Orphan"),
    /** Delete the object now; the garbage collector deletes dependents afterwards. */
    BACKGROUND("Background"),
    /** Keep the object (with a foregroundDeletion finalizer) until its blocking dependents are gone. */
    FOREGROUND("Foreground");

    private final String wireValue;

    PropagationPolicy(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The field's value on the wire. */
    public String wireValue() {
        return wireValue;
    }
}
