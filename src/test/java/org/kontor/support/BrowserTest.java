package org.kontor.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.kontor.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the whole application (as {@link IntegrationTest}) driven through Debian's headless
 * Chromium. One browser per test class (starting it is the slow part); each test starts signed out. Controls
 * are found the way a person finds them: by their visible label or text. Tests are written as named
 * {@link #step steps}; a failing step names itself and leaves a screenshot in {@code target/browser-screenshots}.
 * Tagged {@code browser}: they run on H2 only (see the POM).
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {
    public static final String PASSWORD = "browser-test-password";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies();
    }

    protected WebDriver browser() {
        return driver;
    }

    /** A named step of a user flow: a failure says which step broke, and a screenshot shows the page. */
    protected void step(String name, Runnable action) {
        try {
            action.run();
        } catch (AssertionError | WebDriverException e) {
            screenshot(name);
            throw new AssertionError("Step \"" + name + "\" failed on " + driver.getCurrentUrl() + ": " + e.getMessage(), e);
        }
    }

    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "browser-screenshots");
            Files.createDirectories(dir);
            String file = getClass().getSimpleName() + "-" + name.replaceAll("[^A-Za-z0-9]+", "_") + ".png";
            Files.write(dir.resolve(file), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception ignored) {
            // The step's own failure matters more than a missing screenshot.
        }
    }

    /** Gives the user the test password and signs in through the sign-in page. */
    protected void signIn(User user) {
        fixtures.users().setPassword(user.getId(), PASSWORD, fixtures.adminActor());
        open("/login");
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user.getEmail());
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    protected void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    protected String path() {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf('/', "http://".length()));
    }

    /** Waits for the condition; an element that htmx swapped out while it was read is looked up again. */
    protected <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(WAIT, condition);
    }

    /** As above, for what takes longer than a page, e.g. mail queued behind earlier test classes' mail. */
    protected <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    protected WebElement waitFor(By by) {
        return waitUntil(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e : null;
        });
    }

    /** The form control whose visible label (or aria-label) is exactly {@code label}. */
    protected WebElement field(String label) {
        String text = literal(label);
        return waitUntil(d -> {
            for (WebElement l : d.findElements(By.xpath("//label[normalize-space(.)=" + text + "]"))) {
                String target = l.getDomAttribute("for");
                WebElement control = target != null ? d.findElement(By.id(target))
                        : l.findElement(By.xpath(".//input|.//select|.//textarea"));
                if (control.isDisplayed() || "radio".equals(control.getDomAttribute("type"))
                        || "checkbox".equals(control.getDomAttribute("type"))) {
                    return control;
                }
            }
            for (WebElement e : d.findElements(By.xpath("//*[@aria-label=" + text + "]"))) {
                if (e.isDisplayed()) {
                    return e;
                }
            }
            return null;
        });
    }

    /** The visible button, link, menu summary or option whose text (or aria-label) is exactly {@code text}. */
    protected WebElement control(String text) {
        String t = literal(text);
        By by = By.xpath("//button[normalize-space(.)=" + t + " or @aria-label=" + t + "]"
                + " | //a[normalize-space(.)=" + t + " or @aria-label=" + t + "]"
                + " | //summary[normalize-space(.)=" + t + " or @aria-label=" + t + "]"
                + " | //input[(@type='submit' or @type='button') and @value=" + t + "]");
        return waitUntil(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    protected void click(String text) {
        WebElement e = control(text);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    /** Types into the field with that label, replacing what it held. */
    protected void type(String label, String value) {
        WebElement e = field(label);
        e.clear();
        e.sendKeys(value);
    }

    protected void choose(String label, String visibleOption) {
        new org.openqa.selenium.support.ui.Select(field(label)).selectByVisibleText(visibleOption);
    }

    /** The visible text of the page's main content. */
    protected String mainText() {
        return waitFor(By.tagName("main")).getText();
    }

    protected List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until the page's main content shows the text. */
    protected void waitForText(String text) {
        waitUntil(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private static String literal(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        if (!s.contains("\"")) {
            return "\"" + s + "\"";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }
}
