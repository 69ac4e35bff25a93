package com.flightwatch.e2e.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both given by path so that
 * Selenium Manager (which would download a browser and a driver) never runs. When they are missing
 * the set-up installs them ({@code apt-get install chromium chromium-driver}) if it runs as root with
 * apt-get; otherwise the test is skipped, saying what to install.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final long INSTALL_TIMEOUT_MINUTES = 10;
    /**
     * Debian's Chromium is newer than the DevTools versions Selenium bundles, which it warns about at
     * every start; the test speaks WebDriver only. Held here because java.util.logging keeps loggers weakly.
     */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private Chromium() {
    }

    /** Installs Chromium and its driver when missing and possible; skips the calling test when not. */
    public static void ensureInstalled() {
        if (installed()) {
            return;
        }
        boolean canInstall = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"));
        Assumptions.assumeTrue(canInstall, "Chromium is missing: install Debian's chromium and chromium-driver "
                + "(sudo apt-get install chromium chromium-driver) to run the console's browser test");
        run(List.of("apt-get", "update", "-q"));
        run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
        Assumptions.assumeTrue(installed(), "apt-get did not install " + BROWSER + " and " + DRIVER);
    }

    /** A fresh headless browser with its own empty profile under {@code profileDir}; quit it after use. */
    public static ChromeDriver start(Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1360,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over " + INSTALL_TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + String.join(" ", command), e);
        }
    }
}
