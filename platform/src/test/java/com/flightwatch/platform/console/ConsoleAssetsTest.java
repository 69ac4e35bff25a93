package com.flightwatch.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleAssetsTest {

    private final ConsoleAssets assets = new ConsoleAssets("console");

    @Test
    void find_everyFileThePageLoads_isThereWithItsContentType() {
        assertThat(assets.find("index.html")).get().extracting(ConsoleAssets.Asset::contentType)
                .isEqualTo("text/html; charset=utf-8");
        for (String module : new String[] {"app.js", "dom.js", "refresh.js", "functions.js", "activations.js", "topics.js",
                "sms.js", "api.js"}) {
            assertThat(assets.find(module)).as(module).get().extracting(ConsoleAssets.Asset::contentType)
                    .isEqualTo("text/javascript; charset=utf-8");
        }
        assertThat(assets.find("console.css")).isPresent();
        assertThat(assets.find("icon.svg")).isPresent();
    }

    @Test
    void find_pageAndModules_loadNothingFromTheInternet() {
        for (String name : new String[] {"index.html", "app.js", "dom.js", "console.css"}) {
            String text = new String(assets.find(name).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(text).as(name).doesNotContain("http://", "https://", "//cdn");
        }
    }

    @Test
    void find_pathOrUnknownName_isEmpty() {
        assertThat(assets.find("../logback.xml")).isEmpty();
        assertThat(assets.find("sub/app.js")).isEmpty();
        assertThat(assets.find("missing.js")).isEmpty();
        assertThat(assets.find("ConsoleRoutes.class")).isEmpty();
        assertThat(assets.find(null)).isEmpty();
    }
}
