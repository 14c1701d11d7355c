package dev.kubeclient.autoconfigure.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KubeHealthPropertiesTest {

    @Test
    void theDefaultsWrittenOutForTheIdeMetadataAreTheIndicatorsOwn() {
        KubeHealthProperties properties = new KubeHealthProperties();

        assertThat(properties.getTimeout()).isEqualTo(KubeHealthIndicator.DEFAULT_TIMEOUT);
        assertThat(properties.getCacheTtl()).isEqualTo(KubeHealthIndicator.DEFAULT_CACHE_TTL);
    }
}
