package io.trailwatch.pattern;

import io.trailwatch.alert.Alert;
import java.util.List;

/** The outcome of one pattern test: the alerts the pipeline raised on the test's records. */
public record PatternTestResult(
        PatternDefinition pattern, PatternTestCase test, List<Alert> alerts) {

    public PatternTestResult {
        alerts = List.copyOf(alerts);
    }

    public boolean passed() {
        return alerts.size() == test.expectedAlerts();
    }
}
