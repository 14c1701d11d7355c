/**
 * The patch engines and the field-ownership bookkeeping of the in-JVM API server, as a library: {@link
 * dev.kubeclient.testing.server.patch.Patches} (JSON merge patch, JSON patch, strategic merge patch) and {@link
 * dev.kubeclient.testing.server.patch.ServerSideApply} (apply, and the Update entries of every other write). Both
 * work on Jackson trees and return new objects; errors carry the status, reason and message the real kube-apiserver
 * answers with ({@link dev.kubeclient.testing.server.patch.PatchException}, {@link
 * dev.kubeclient.testing.server.patch.ApplyConflictException}).
 *
 * <p>What the engines know about the built-in types ({@link dev.kubeclient.testing.server.patch.BuiltInSchema}) is
 * generated from a v1.20 server's OpenAPI; the lists that merge by key include:
 * <table>
 *   <caption>Merged lists (strategic merge key; server-side apply keys where they differ)</caption>
 *   <tr><th>List</th><th>Key</th></tr>
 *   <tr><td>PodSpec containers, initContainers, ephemeralContainers</td><td>name</td></tr>
 *   <tr><td>Container env</td><td>name</td></tr>
 *   <tr><td>Container ports</td><td>containerPort (apply: containerPort, protocol)</td></tr>
 *   <tr><td>Container volumeMounts / volumeDevices</td><td>mountPath / devicePath</td></tr>
 *   <tr><td>PodSpec volumes</td><td>name, with {@code $retainKeys}</td></tr>
 *   <tr><td>PodSpec imagePullSecrets, ServiceAccount secrets</td><td>name</td></tr>
 *   <tr><td>PodSpec hostAliases</td><td>ip</td></tr>
 *   <tr><td>PodSpec topologySpreadConstraints</td><td>topologyKey (apply: topologyKey, whenUnsatisfiable)</td></tr>
 *   <tr><td>ServiceSpec ports</td><td>port (apply: port, protocol)</td></tr>
 *   <tr><td>ObjectMeta ownerReferences</td><td>uid</td></tr>
 *   <tr><td>ObjectMeta finalizers, NodeSpec podCIDRs</td><td>merged as a set of values</td></tr>
 *   <tr><td>status conditions (Pod, Node, Deployment, ...)</td><td>type</td></tr>
 *   <tr><td>webhooks of webhook configurations, CSINode drivers</td><td>name</td></tr>
 * </table>
 * Every other list (tolerations, Endpoints subsets, Ingress rules, ...) is replaced by a strategic merge patch and
 * owned as one value by apply. Custom resources get no strategic merge (415) and are schemaless to apply.
 */
package dev.kubeclient.testing.server.patch;
