package io.trailwatch.config;

/**
 * One thing wrong with the configuration.
 *
 * @param subject what is wrong, e.g. {@code option 'aws.region' (from config.yaml)}
 * @param message what to change
 */
public record ConfigProblem(String subject, String message) {

    @Override
    public String toString() {
        return subject + ": " + message;
    }
}
