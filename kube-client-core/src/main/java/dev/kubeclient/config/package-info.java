/** {@link dev.kubeclient.config.RestConfig} and where it comes from: kubeconfig files, in-cluster, autodetect. */
package dev.kubeclient.config;
