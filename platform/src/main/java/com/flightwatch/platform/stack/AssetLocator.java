package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Finds the local file behind a resource property that CDK pointed at an uploaded asset: first
 * through the resource's {@code aws:asset:path} metadata, else through the S3 key and the asset manifest.
 */
final class AssetLocator {

    private final StackAssets assets;
    private final Intrinsics intrinsics;

    AssetLocator(StackAssets assets, Intrinsics intrinsics) {
        this.assets = assets;
        this.intrinsics = intrinsics;
    }

    /**
     * @param property  the property CDK records in {@code aws:asset:property} ("Code", "BodyS3Location")
     * @param s3Key     the property's S3 key node, resolved when the metadata does not name the asset
     */
    Path locate(String logicalId, JsonNode resource, String property, JsonNode s3Key) {
        JsonNode metadata = resource.path("Metadata");
        String assetPath = metadata.path("aws:asset:path").asText(null);
        String assetProperty = metadata.path("aws:asset:property").asText(property);
        String where = logicalId + " (" + property + ")";
        if (assetPath != null && assetProperty.equals(property)) {
            return assets.byMetadataPath(assetPath, where);
        }
        String key = intrinsics.resolveText(s3Key, where);
        if (key == null) {
            throw new StackException(where + ": names no S3 key and carries no aws:asset:path metadata");
        }
        return assets.byObjectKey(key, where);
    }
}
