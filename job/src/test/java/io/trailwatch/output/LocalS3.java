package io.trailwatch.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginManager;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy (transient blob store, no authorization, path-style) on 127.0.0.1 in this JVM, and the
 * Flink configuration that points Flink's S3 file system ({@code flink-s3-fs-hadoop}) at it.
 */
final class LocalS3 implements AutoCloseable {

    /** S3Proxy accepts any credentials; these are placeholders, never real keys. */
    private static final String DUMMY_KEY = "test";

    private final S3Proxy proxy;
    final String endpoint;
    final S3Client client;

    private LocalS3() throws Exception {
        BlobStoreContext context =
                ContextBuilder.newBuilder("transient")
                        .credentials("identity", "credential")
                        .overrides(new Properties())
                        .build(BlobStoreContext.class);
        proxy =
                S3Proxy.builder()
                        .blobStore(context.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.NONE, null, null)
                        .ignoreUnknownHeaders(true)
                        .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        client =
                S3Client.builder()
                        .region(Region.US_EAST_1)
                        .endpointOverride(URI.create(endpoint))
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY)))
                        .build();
    }

    static LocalS3 start() {
        try {
            return new LocalS3();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    /** Flink options for {@code s3://} paths against this S3Proxy. */
    Configuration flinkConfiguration() {
        Configuration config = new Configuration();
        config.setString("s3.endpoint", endpoint);
        config.setString("s3.path.style.access", "true");
        config.setString("s3.access-key", DUMMY_KEY);
        config.setString("s3.secret-key", DUMMY_KEY);
        return config;
    }

    /**
     * The S3 file system loaded as clusters load it, as a plugin in its own class loader (the jar
     * bundles unshaded Jackson and Guava that must not meet the job's).
     */
    static PluginManager s3Plugin(Configuration config) {
        String root = System.getProperty("trailwatch.flink.plugins", "target/flink-plugins");
        try {
            return new DefaultPluginManager(
                    new DirectoryBasedPluginFinder(Path.of(root)).findPlugins(),
                    CoreOptions.getPluginParentFirstLoaderPatterns(config));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no Flink plugins in " + root + " (mvn process-test-resources copies them)", e);
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
