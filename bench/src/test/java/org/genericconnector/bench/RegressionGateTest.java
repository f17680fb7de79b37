package org.genericconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RegressionGateTest {
    private static JsonNode run(double throughput, double p99Ratio, double addedP99, long unanswered) throws Exception {
        String closed = "{\"window\":40,\"unanswered\":" + unanswered + ",\"errors\":0}";
        return Json.MAPPER.readTree("{\"mode\":\"full\",\"login\":{\"agents\":1000,\"loggedIn\":1000},"
                + "\"openwire\":{\"baseline\":{\"closedLoop\":[" + closed + "]},\"connector\":{\"closedLoop\":[" + closed + "]},"
                + "\"ratios\":{\"throughput\":" + throughput + ",\"throughputByWindow\":{\"40\":" + throughput + "},"
                + "\"latency\":[{\"rate\":1000,\"p99\":" + p99Ratio + ",\"addedP99Ms\":" + addedP99 + "}]}}}");
    }

    @Test
    void withoutRecordedResultsOnlyItsOwnChecksCount() throws Exception {
        assertThat(RegressionGate.check(run(0.1, 9, 50, 0), Optional.empty())).isEmpty();
        assertThat(RegressionGate.check(run(1, 1, 0, 3), Optional.empty())).hasSize(2);
    }

    @Test
    void aThroughputRatioBelowHalfTheRecordedOneFails() throws Exception {
        assertThat(RegressionGate.check(run(0.6, 1, 0.5, 0), Optional.of(run(1.0, 1, 0.5, 0)))).isEmpty();
        assertThat(RegressionGate.check(run(0.45, 1, 0.5, 0), Optional.of(run(1.0, 1, 0.5, 0))))
                .singleElement().asString().contains("throughput ratio 0.45");
    }

    @Test
    void latencyFailsOnlyWhenFarOffTheRecordedRatioAndAddingMuch() throws Exception {
        assertThat(RegressionGate.check(run(1, 8, 5, 0), Optional.of(run(1, 1.2, 0.5, 0)))).isEmpty();
        assertThat(RegressionGate.check(run(1, 8, 30, 0), Optional.of(run(1, 1.2, 0.5, 0)))).hasSize(1);
    }
}
