package com.flightwatch.e2e.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a user sees it, one method per thing a user does or reads. Views redraw themselves
 * every few seconds, so every lookup and click runs inside a wait (a poll with a deadline) that tries
 * again when the element it held was redrawn away.
 */
public final class ConsolePage {

    private final ChromeDriver driver;
    private final String url;
    private final Path screenshots;
    private final WebDriverWait wait;

    public ConsolePage(ChromeDriver driver, String controlUrl, Path screenshots, Duration patience) {
        this.driver = driver;
        this.url = controlUrl;
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(driver, patience);
        wait.ignoring(StaleElementReferenceException.class);
    }

    public ConsolePage open() {
        driver.get(url + "/");
        waitForView("functions");
        return this;
    }

    /** Clicks a view's link in the navigation bar. */
    public void goTo(String view) {
        driver.findElement(By.cssSelector("nav a[data-view='" + view + "']")).click();
        waitForView(view);
    }

    /** The names in the functions table, once it has {@code atLeast} rows. */
    public List<String> functionNames(int atLeast) {
        return wait.until(d -> {
            List<String> names = d.findElements(By.cssSelector("table.functions tbody tr")).stream()
                    .map(row -> row.getAttribute("data-function")).toList();
            return names.size() >= atLeast ? names : null;
        });
    }

    /** The instances (warm or busy) the functions table shows for {@code function}. */
    public int instancesOf(String function) {
        By cell = By.cssSelector("table.functions tr[data-function='" + function + "'] td.instances");
        return Integer.parseInt(wait.until(d -> d.findElement(cell).getText()));
    }

    /** Waits until the live list shows an activation of {@code function}; returns the newest one's id. */
    public String waitForActivationOf(String function) {
        By rows = By.cssSelector("table.activations tr[data-function='" + function + "']");
        return wait.until(d -> d.findElement(rows).getAttribute("data-activation-id"));
    }

    /** The function of every row the activations list shows now. */
    public List<String> listedActivationFunctions() {
        return wait.until(d -> d.findElements(By.cssSelector("table.activations tbody tr")).stream()
                .map(row -> row.getAttribute("data-function")).toList());
    }

    /** Picks a function in the filter; waits until every listed row is of it. */
    public void filterActivationsBy(String function) {
        new Select(wait.until(d -> {
            WebElement select = d.findElement(By.id("filter-function"));
            return select.findElements(By.cssSelector("option[value='" + function + "']")).isEmpty() ? null : select;
        })).selectByValue(function);
        waitForFilter("function", function);
        wait.until(d -> {
            List<String> listed = listedActivationFunctions();
            return !listed.isEmpty() && listed.stream().allMatch(function::equals);
        });
    }

    public void filterActivationsByStatus(String status) {
        wait.until(d -> {
            new Select(d.findElement(By.id("filter-status"))).selectByValue(status);
            return true;
        });
        waitForFilter("status", status);
    }

    /** Clicks the activation's row and returns the logs its page shows. */
    public String openActivationLogs(String activationId) {
        click(By.cssSelector("tr[data-activation-id='" + activationId + "']"));
        WebElement logs = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activation-logs")));
        return logs.getText();
    }

    public String activationResult() {
        return driver.findElement(By.id("activation-result")).getText();
    }

    /** Opens a number's conversation in the SMS view and returns its messages' texts. */
    public List<String> smsTo(String phoneNumber) {
        By number = By.cssSelector("#sms-numbers li[data-phone-number='" + phoneNumber + "'] a");
        click(number);
        By bubbles = By.cssSelector(".conversation[data-phone-number='" + phoneNumber + "'] .bubble .text");
        return wait.until(d -> {
            List<String> texts = d.findElements(bubbles).stream().map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
        });
    }

    /** Waits until the topic shows a dead letter; returns the delivery ids shown. */
    public List<String> waitForDeadLetters(String topic) {
        By rows = By.cssSelector("section[data-topic='" + topic + "'] tr.dead-letter");
        return wait.until(d -> {
            List<String> ids = d.findElements(rows).stream().map(row -> row.getAttribute("data-delivery-id")).toList();
            return ids.isEmpty() ? null : ids;
        });
    }

    /** Clicks the topic's "Redrive all" and returns the notice the console shows. */
    public String redriveAll(String topic) {
        click(By.cssSelector("section[data-topic='" + topic + "'] button.redrive-all"));
        WebElement notice = wait.until(d -> {
            WebElement element = d.findElement(By.id("redrive-result"));
            return element.getText().isEmpty() ? null : element;
        });
        return notice.getText();
    }

    /** The masked value the API view shows for a key. */
    public String shownKeyValue(String keyId) {
        By value = By.cssSelector("tr[data-key-id='" + keyId + "'] .key-value");
        return wait.until(d -> d.findElement(value).getText());
    }

    /** The count the API view shows as used this period, once it is at least {@code atLeast}. */
    public long shownUsage(String keyId, long atLeast) {
        By used = By.cssSelector("tr[data-key-id='" + keyId + "'] .used");
        return wait.until(d -> {
            long shown = Long.parseLong(d.findElement(used).getAttribute("data-used"));
            return shown >= atLeast ? shown : null;
        });
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves the page as {@code name}.png under the screenshot directory. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.createDirectories(screenshots);
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + file, e);
        }
        return file;
    }

    /** Clicks what {@code target} finds, again if a redraw replaced it between the lookup and the click. */
    private void click(By target) {
        wait.until(d -> {
            d.findElement(target).click();
            return true;
        });
    }

    /** The list shown is the one filtered so: the view drew it after the filter changed the address. */
    private void waitForFilter(String name, String value) {
        wait.until(ExpectedConditions.attributeToBe(By.id("activations"), "data-" + name, value));
    }

    private void waitForView(String view) {
        wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-view", view));
    }
}
