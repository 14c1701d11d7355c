/**
 * Server-side apply support shared by the typed ({@code clientset}) and untyped ({@code dynamic}) clients:
 * {@link dev.kubeclient.apply.ApplyBody} makes an object fit to send as an apply body (the one apply path of both
 * clients), {@link dev.kubeclient.apply.FieldSet} reads the {@code FieldsV1} ownership sets of
 * {@code metadata.managedFields}, and {@link dev.kubeclient.apply.ManagedFields#extract} returns only the fields one
 * field manager owns (client-go's {@code ExtractX} functions and apimachinery's {@code managedfields.ExtractInto}).
 */
package dev.kubeclient.apply;
