package dev.kubeclient.testing.server;

/** The demo objects of {@link KubeApiServer#startWithDemoObjects()}. */
final class DemoObjects {

    private DemoObjects() {
    }

    static void seed(KubeApiServer server) {
        server.seedJson("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo","labels":{"app.kubernetes.io/part-of":"demo"}}}""");
        server.seedJson("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app-config","namespace":"demo",
                 "labels":{"app":"web"}},"data":{"greeting":"hello","log.level":"info"}}""");
        server.seedJson("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"feature-flags","namespace":"demo",
                 "labels":{"app":"web"}},"data":{"new-ui":"false"}}""");
        String deployment = server.seedJson("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"demo",
                 "labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web",
                 "image":"nginx:1.27","ports":[{"containerPort":80}]}]}}}}""");
        String uid = deployment.replaceAll("(?s).*\"uid\":\"([^\"]+)\".*", "$1");
        for (String pod : new String[] {"web-7d4b9c-abcde", "web-7d4b9c-fghij"}) {
            server.seedJson("""
                    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"demo","labels":{"app":"web"},
                     "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"%s"}]},
                     "spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}""".formatted(pod, uid));
        }
    }
}
