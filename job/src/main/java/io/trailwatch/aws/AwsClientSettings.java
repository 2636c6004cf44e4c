package io.trailwatch.aws;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where and how to reach an AWS service: region, an optional endpoint override (for emulators such
 * as ElasticMQ or S3Proxy) and S3 path-style access. Holds no credentials: those always come from
 * the default provider chain (environment, system properties, profile, container or instance role).
 */
public final class AwsClientSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String region;
    private final String endpointOverride;
    private final boolean pathStyleAccess;

    private AwsClientSettings(String region, String endpointOverride, boolean pathStyleAccess) {
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.pathStyleAccess = pathStyleAccess;
    }

    /** Settings for {@code region}; {@code null} lets the SDK's default region chain decide. */
    public static AwsClientSettings forRegion(String region) {
        return new AwsClientSettings(blankToNull(region), null, false);
    }

    /** The same settings talking to {@code endpoint} instead of the public AWS endpoint. */
    public AwsClientSettings withEndpointOverride(String endpoint) {
        String value = blankToNull(endpoint);
        if (value != null && !isAbsoluteUrl(value)) {
            throw new IllegalArgumentException(
                    "endpoint override '"
                            + value
                            + "' is not an absolute URL; write it like http://127.0.0.1:9324");
        }
        return new AwsClientSettings(region, value, pathStyleAccess);
    }

    /** The same settings with S3 path-style addressing on or off (S3Proxy needs it on). */
    public AwsClientSettings withPathStyleAccess(boolean enabled) {
        return new AwsClientSettings(region, endpointOverride, enabled);
    }

    /** Region name, or {@code null} for the SDK's default region chain. */
    public String region() {
        return region;
    }

    /** Endpoint URL, or {@code null} for the public AWS endpoint. */
    public String endpointOverride() {
        return endpointOverride;
    }

    public boolean pathStyleAccess() {
        return pathStyleAccess;
    }

    private static boolean isAbsoluteUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AwsClientSettings)) {
            return false;
        }
        AwsClientSettings that = (AwsClientSettings) o;
        return pathStyleAccess == that.pathStyleAccess
                && Objects.equals(region, that.region)
                && Objects.equals(endpointOverride, that.endpointOverride);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, endpointOverride, pathStyleAccess);
    }

    @Override
    public String toString() {
        return "AwsClientSettings{region="
                + (region == null ? "<default chain>" : region)
                + ", endpoint="
                + (endpointOverride == null ? "<AWS>" : endpointOverride)
                + ", pathStyle="
                + pathStyleAccess
                + '}';
    }
}
