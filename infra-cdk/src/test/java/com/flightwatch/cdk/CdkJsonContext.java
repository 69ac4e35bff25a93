package com.flightwatch.cdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The context the CDK CLI gives the app when it reads cdk.json, so a stack synthesized in a test
 * sees the same settings. Asset metadata matters most: the local platform finds each function's
 * jar through it.
 */
final class CdkJsonContext {

    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() { };

    private CdkJsonContext() {
    }

    static Map<String, Object> read() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode cdkJson = mapper.readTree(Path.of("cdk.json").toFile());
        Map<String, Object> context = new HashMap<>(mapper.convertValue(cdkJson.path("context"), MAP_TYPE));
        // The CLI turns these cdk.json settings into the context keys the framework reads.
        context.put("aws:cdk:enable-asset-metadata", cdkJson.path("assetMetadata").asBoolean(true));
        context.put("aws:cdk:enable-path-metadata", cdkJson.path("pathMetadata").asBoolean(true));
        context.put("aws:cdk:version-reporting", cdkJson.path("versionReporting").asBoolean(true));
        return context;
    }
}
