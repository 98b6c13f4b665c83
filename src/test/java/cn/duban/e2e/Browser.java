package cn.duban.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: no browser or driver is downloaded.
 * A Chinese browser in China (language zh-CN, time zone Asia/Shanghai), as the county's people use it.
 * Clicks go through JavaScript so that Tasklist's notifications sliding over a button do not swallow them.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("duban.e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("duban.e2e.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    final String base;
    final Path shots;
    private int shot;

    Browser(String base, Path shots) {
        // no silent pass without a browser: the suite fails and says what to install
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(exe).canExecute()) {
                throw new IllegalStateException(exe + " is missing: the end-to-end tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver fonts-noto-cjk; .ci/run installs them)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=zh-CN", "--window-size=1400,1000");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh"))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        this.base = base;
        this.shots = shots;
        try {
            Files.createDirectories(shots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Logs into a Camunda webapp as that user, in a fresh session. The login form re-renders while the app
     * boots, so the fields are filled until both hold what was typed, and only then submitted. A login the
     * page did not take (the form still there after 20 s) is tried again from a fresh load, twice at most;
     * each such try leaves a screenshot, and the last failure says what the page showed.
     */
    void login(String app, String user, String password) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                loginOnce(app, user, password, attempt > 1);
                return;
            } catch (RuntimeException e) {
                last = e;
                screenshot("login-" + app + "-" + user + "-try" + attempt);
                System.err.printf("[e2e] login %s/%s try %d failed at %s: %s%n  page: %s%n", app, user, attempt,
                        driver.getCurrentUrl(), e.getClass().getSimpleName(), abbreviate(pageText()));
            }
        }
        throw last;
    }

    private void loginOnce(String app, String user, String password, boolean clickButton) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/camunda/app/" + app + "/default/");
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        fillLogin(user, password);
        if (clickButton) {
            click("form button[type='submit']");
        } else {
            visible("input[type='password']").sendKeys(Keys.ENTER);
        }
        // a refused login (the page says 登录失败) is tried again at once rather than after the whole wait
        until(Duration.ofSeconds(20), d -> {
            if (d.findElements(By.cssSelector("input[ng-model='username']")).stream().noneMatch(WebElement::isDisplayed)) {
                return Boolean.TRUE;
            }
            if (d.findElements(By.cssSelector(".notifications .alert, [notifications-panel] .alert")).stream()
                    .anyMatch(e -> e.isDisplayed() && e.getText().contains("登录失败"))) {
                throw new IllegalStateException("the login page said 登录失败");
            }
            return null;
        });
    }

    /** Fills the login form; it re-renders while the app boots, so until both fields hold what was typed. */
    private void fillLogin(String user, String password) {
        until(d -> {
            WebElement name = visible("input[ng-model='username']");
            WebElement pw = visible("input[type='password']");
            name.clear();
            name.sendKeys(user);
            pw.clear();
            pw.sendKeys(password);
            return user.equals(name.getAttribute("value")) && password.equals(pw.getAttribute("value")) ? Boolean.TRUE : null;
        });
    }

    /** Tries a login the server refuses, and returns the notification the login page shows. */
    String refusedLogin(String app, String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/camunda/app/" + app + "/default/");
        fillLogin(user, password);
        click("form button[type='submit']");
        return until(d -> d.findElements(By.cssSelector(".notifications .alert, .notification, [notifications-panel] .alert")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement visible(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The first visible element matching css whose text contains text. */
    /** A phone's window (390×844, as an iPhone 12–15), or back to the desktop one. */
    void phone(boolean on) {
        driver.manage().window().setSize(on ? new org.openqa.selenium.Dimension(390, 844) : new org.openqa.selenium.Dimension(1400, 1000));
    }

    WebElement withText(String css, String text) {
        return until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    void click(WebElement e) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();", e);
    }

    void click(String css) {
        WebElement e = until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(x -> x.isDisplayed() && x.isEnabled()).findFirst().orElse(null));
        click(e);
    }

    void type(String css, String text) {
        WebElement e = visible(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets an Angular-bound input (a date field, say) the way a picker does: value, then input and change events. */
    void set(String css, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "var e = arguments[0]; e.value = arguments[1];"
                        + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                visible(css), value);
    }

    /**
     * Types a date into a date field key by key, as a person does (the field holds years 2, 20, 204 on the way to
     * 2041); the field's order of parts follows the browser's locale, so both usual orders are tried.
     */
    void typeDate(String css, java.time.LocalDate day) {
        String expected = day.toString();
        for (String keys : List.of(String.format("%02d%02d%04d", day.getMonthValue(), day.getDayOfMonth(), day.getYear()),
                String.format("%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()))) {
            WebElement e = visible(css);
            set(css, "");
            e.click();
            for (char c : keys.toCharArray()) {
                e.sendKeys(String.valueOf(c));
            }
            if (expected.equals(e.getAttribute("value"))) {
                return;
            }
        }
        throw new IllegalStateException("the date field " + css + " did not take " + expected);
    }

    /** The notifications Tasklist shows over the page (its errors among them). */
    List<String> notifications() {
        return driver.findElements(By.cssSelector(".notifications .alert, [notifications-panel] .alert")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** What the browser gets for a link, in this session: "status content-type". */
    String fetch(String href) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                        + "  done(r.status + ' ' + r.headers.get('Content-Type')); }, function (e) { done('error ' + e); });",
                href);
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(Duration.ofSeconds(30), condition);
    }

    <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    void waitForText(String text) {
        until(d -> pageText().contains(text) ? Boolean.TRUE : null);
    }

    /** Saves a numbered screenshot under target/; returns its path. */
    Path screenshot(String name) {
        try {
            Path p = shots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.write(p, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
