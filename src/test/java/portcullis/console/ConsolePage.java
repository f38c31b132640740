package portcullis.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import portcullis.servers.HeadlessChromium;

/**
 * The admin console in real Chromium, as an operator uses it: typing, clicking, reading what the page shows. Every
 * document the browser opens first gets a listener (through the DevTools protocol, before the page's own scripts)
 * that writes Content-Security-Policy violations and script errors to the tab's session storage, so they survive
 * page loads and can be read at the end.
 */
public final class ConsolePage implements AutoCloseable {
    private static final String WATCH = """
            (() => {
              const note = (line) => {
                const seen = JSON.parse(sessionStorage.getItem('test-problems') || '[]');
                seen.push(line);
                sessionStorage.setItem('test-problems', JSON.stringify(seen));
              };
              document.addEventListener('securitypolicyviolation',
                (e) => note('CSP ' + e.effectiveDirective + ' blocked ' + e.blockedURI), true);
              window.addEventListener('error', (e) => note('error ' + e.message), true);
              window.addEventListener('unhandledrejection', (e) => note('rejection ' + e.reason));
            })();
            """;

    private final HeadlessChromium chromium;
    private final ChromeDriver driver;
    private final String url;

    private ConsolePage(HeadlessChromium chromium, String url) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.url = url;
        driver.executeCdpCommand("Page.enable", Map.of());
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    }

    /** Chromium on the console of the server at {@code serverRoot} (ending in a slash). */
    public static ConsolePage start(String serverRoot) {
        return new ConsolePage(HeadlessChromium.start(), serverRoot + "admin/");
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A fresh load of the console: whatever was signed in is gone. */
    public void open() {
        driver.get(url);
        await(By.id("email"));
    }

    public void open(String hash) {
        driver.get(url + hash);
        await(By.id("email"));
    }

    /** Signs in with the keyboard only: the email field has the focus, Tab to the password, Enter to submit. */
    public void signIn(String email, String password) {
        WebElement focused = driver.switchTo().activeElement();
        if (!"email".equals(focused.getAttribute("id"))) {
            throw new AssertionError("the email field should have the focus, not " + focused.getAttribute("outerHTML"));
        }
        focused.sendKeys(email, Keys.TAB);
        driver.switchTo().activeElement().sendKeys(password, Keys.ENTER);
    }

    /** Signs in and waits for the console to show the users screen. */
    public void signInAsAdministrator(String email, String password) {
        signIn(email, password);
        awaitHeading("Users");
    }

    public String signInError() {
        WebElement error = driver.findElement(By.id("sign-in-error"));
        wait(Duration.ofSeconds(20)).until(d -> !error.getText().isBlank() && !error.getText().startsWith("Signing"));
        return error.getText();
    }

    /** Goes to a screen as a link would: the page stays, and so does the session. */
    public void go(String hash) {
        script("location.hash = arguments[0];", hash);
    }

    public void navigate(String linkText) {
        driver.findElement(By.id("nav")).findElement(By.linkText(linkText)).click();
        awaitHeading(linkText); // each screen's heading is its link's text
    }

    /** Waits until the screen's heading is {@code text} (and the screen has finished loading). */
    public void awaitHeading(String text) {
        wait(Duration.ofSeconds(20)).until(d -> {
            List<WebElement> headings = d.findElements(By.cssSelector("#screen:not([aria-busy]) h1"));
            return !headings.isEmpty() && (text == null || text.equals(headings.get(0).getText()));
        });
    }

    public WebElement screen() {
        return driver.findElement(By.id("screen"));
    }

    public WebElement await(By by) {
        return wait(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for the status line to say something starting with {@code start}; returns what it says. */
    public String awaitStatus(String start) {
        WebElement status = driver.findElement(By.id("status"));
        wait(Duration.ofSeconds(20)).until(d -> status.getText().startsWith(start) || status.getText().startsWith("Not done"));
        return status.getText();
    }

    /** Fills the labelled field of the screen (its label text) and presses Enter in it. */
    public void fillAndSubmit(String label, String value) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(value, Keys.ENTER);
    }

    public WebElement field(String label) {
        WebElement labelElement = screen().findElement(By.xpath(".//label[normalize-space(.)='" + label + "']"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public void click(String buttonText) {
        screen().findElement(By.xpath(".//button[normalize-space(.)='" + buttonText + "']")).click();
    }

    /** Answers the confirmation dialog with its confirming button (named {@code confirmLabel}); returns its question. */
    public String confirm(String confirmLabel) {
        WebElement dialog = await(By.cssSelector("dialog[open]"));
        String question = dialog.findElement(By.tagName("p")).getText();
        dialog.findElement(By.xpath(".//button[normalize-space(.)='" + confirmLabel + "']")).click();
        return question;
    }

    /** The rows of the screen's first table, each as the texts of its cells. */
    public List<List<String>> rows() {
        return screen().findElements(By.cssSelector("table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** CSP violations and script errors seen in every page this tab loaded. */
    @SuppressWarnings("unchecked")
    public List<String> problems() {
        Object seen = script("return JSON.parse(sessionStorage.getItem('test-problems') || '[]');");
        return (List<String>) seen;
    }

    public Object script(String source, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(source, arguments);
    }

    public void screenshot(String name) {
        chromium.screenshot(name);
    }

    public WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class); // a screen being drawn again
        return wait;
    }

    @Override
    public void close() {
        chromium.close();
    }
}
