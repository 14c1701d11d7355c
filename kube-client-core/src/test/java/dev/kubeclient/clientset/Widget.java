package dev.kubeclient.clientset;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A user's own custom resource class, as an operator would write it: annotations, no list class. */
@Group(Widget.GROUP)
@Version("v1")
@Plural("widgets")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Widget implements HasMetadata, Namespaced {

    static final String GROUP = "widgets.example.com";

    private String apiVersion = GROUP + "/v1";
    private String kind = "Widget";
    private ObjectMeta metadata;
    private Spec spec;

    public Widget() {
    }

    public Widget(String name, String color, Integer size) {
        this.metadata = new ObjectMeta();
        this.metadata.setName(name);
        this.spec = new Spec(color, size);
    }

    @Override
    public String getApiVersion() { return apiVersion; }
    @Override
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    @Override
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    @Override
    public ObjectMeta getMetadata() { return metadata; }
    @Override
    public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
    public Spec getSpec() { return spec; }
    public void setSpec(Spec spec) { this.spec = spec; }

    /** The widget's desired state. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Spec {
        private String color;
        private Integer size;

        public Spec() {
        }

        public Spec(String color, Integer size) {
            this.color = color;
            this.size = size;
        }

        public String getColor() { return color; }
        public void setColor(String color) { this.color = color; }
        public Integer getSize() { return size; }
        public void setSize(Integer size) { this.size = size; }
    }
}
