package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.http.HttpServerConfig;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The web console in a real browser (Debian's chromium, driven by chromium-driver through Selenium),
 * over {@code serve}'s own wiring with the embedded backend answering DNS: sign in, create a zone, add a
 * record and see it answered over DNS, remove it, delete the zone. The screenshots it takes
 * ({@code target/console-screenshots/}) are the ones in docs/console.md.
 *
 * <p>Without chromium it skips with a message, except under CI ({@code CI=true}) or with
 * {@code -Dbindsmith.requireNamed=true}, where a missing browser fails the build.
 */
class ConsoleInBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "console-it-token-7f3a9c0e5b1d2468";
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Backend backend;
    private ApiServer server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start(@TempDir Path data, @TempDir Path profile) throws IOException {
        boolean required = Boolean.getBoolean("bindsmith.requireNamed") || "true".equals(System.getenv("CI"));
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && required) {
            throw new AssertionError("the console test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + DRIVER + "): apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                present,
                "skipped: no " + CHROMIUM + " / " + DRIVER
                        + " (apt-get install chromium chromium-driver; CI installs them and requires this test)");

        backend = Backend.open(
                BackendSettings.fromEnvironment(Map.of(
                        BackendSettings.BACKEND, "embedded",
                        BackendSettings.DATA_DIR, data.toString(),
                        BackendSettings.DNS_ADDRESS, "127.0.0.1",
                        BackendSettings.DNS_PORT, "0")),
                true);
        server = ApiServer.start(
                backend,
                HttpServerConfig.parse(
                        Map.of("API_PORT", "0", "BIND_API_TOKEN", TOKEN, "BIND_ENABLE_DOCS", "true"), Map.of()));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container: no sandbox, no GPU, no /dev/shm, nothing fetched in the background.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void signInCreateAZoneAddARecordSeeItOverDnsRemoveItDeleteTheZone() throws Exception {
        String zone = "console.example";
        browser.get(server.url() + "/ui/");

        // sign in
        visible("sign-in");
        shot("01-sign-in", "sign-in");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        visible("zones");

        // an error is shown from the API's envelope
        fill("#create-zone", Map.of("zoneName", "not a zone!", "primaryNs", "ns1." + zone + ".", "adminEmail", "h."));
        browser.findElement(By.cssSelector("#create-zone button")).click();
        WebElement error = visible("error");
        assertThat(error.getText()).contains("zoneName", "code VALIDATION_FAILED", "request ");
        shot("02-error-envelope", "error");

        // create a zone from the form
        browser.findElement(By.cssSelector("#create-zone input[name=zoneName]")).clear();
        fill(
                "#create-zone",
                Map.of(
                        "zoneName", zone,
                        "primaryNs", "ns1." + zone + ".",
                        "adminEmail", "hostmaster." + zone + ".",
                        "nameServers", "ns1." + zone + ".",
                        "nameServerIps", "ns1." + zone + ".=192.0.2.53",
                        "updateKeyName", "bindsmith"));
        browser.findElement(By.cssSelector("#create-zone button")).click();
        visible("zone");
        wait.until(ExpectedConditions.textToBe(By.id("zone-name"), zone));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-rows"), "SOA"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains(zone);

        // add a record, with its change set previewed first
        fill("#record-form", Map.of("name", "www", "type", "A", "value", "192.0.2.80", "ttl", "300"));
        browser.findElement(By.cssSelector("#record-form button[type=submit]")).click();
        visible("preview");
        assertThat(browser.findElement(By.id("preview-body")).getText())
                .contains("+", "www." + zone + ".", "192.0.2.80");
        assertThat(answer(zone)).as("nothing is applied by the preview").isEmpty();
        shot("03-add-record-preview", "preview");
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-rows"), "192.0.2.80"));
        shot("04-zone-with-record", "record-rows");

        // it is answered over DNS
        assertThat(answer(zone)).contains("192.0.2.80");

        // remove it
        WebElement row = browser.findElement(By.xpath("//tbody[@id='record-rows']/tr[td[4]='192.0.2.80']"));
        row.findElement(By.xpath(".//button[text()='Remove']")).click();
        visible("preview");
        assertThat(browser.findElement(By.id("preview-body")).getText()).contains("−", "192.0.2.80");
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("record-rows"), "192.0.2.80")));
        assertThat(answer(zone)).isEmpty();

        // delete the zone, confirming with its name
        browser.findElement(By.cssSelector("#delete-zone input[name=confirm]")).sendKeys("console.exampl");
        browser.findElement(By.cssSelector("#delete-zone button")).click();
        assertThat(visible("error").getText()).contains("Type the zone's name");
        browser.findElement(By.cssSelector("#delete-zone input[name=confirm]")).sendKeys("e");
        shot("05-delete-confirmation", "delete-zone");
        browser.findElement(By.cssSelector("#delete-zone button")).click();
        visible("zones");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "deleted"));
        assertThat(browser.findElement(By.id("zone-rows")).getText()).doesNotContain(zone);
        shot("06-zone-deleted", "notice");

        // the token stays in this tab: not in the address, not in a cookie
        assertThat(browser.getCurrentUrl()).doesNotContain(TOKEN);
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('bindsmith.token')"))
                .isEqualTo(TOKEN);
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.length"))
                .isEqualTo(0L);

        // and the strict policy broke nothing: the browser reported no violation and no error
        assertThat(severe()).isEmpty();
    }

    @Test
    void swaggerUiRendersTheDescriptionUnderItsPolicy() throws Exception {
        browser.get(server.url() + "/api/v1/docs");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".swagger-ui .info"), "bindsmith API"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#operations-default-listZones, [id$='listZones']")));
        shot("07-swagger-ui", "swagger-ui");
        assertThat(severe()).isEmpty();
    }

    /** What the browser reported as an error (a blocked script or style would be one), but a 4xx fetch. */
    private List<LogEntry> severe() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("Failed to load resource"))
                .toList();
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void fill(String form, Map<String, String> fields) {
        fields.forEach((name, value) -> {
            WebElement input = browser.findElement(By.cssSelector(form + " [name=" + name + "]"));
            input.clear();
            input.sendKeys(value);
        });
    }

    /** A screenshot with {@code id} scrolled to the middle of the window. */
    private void shot(String name, String id) throws IOException {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    /** The A records the embedded server answers for www.{zone}; empty for NXDOMAIN. */
    private List<String> answer(String zone) throws IOException {
        InetSocketAddress dns = backend.dnsAddress().orElseThrow();
        SimpleResolver resolver = new SimpleResolver(dns.getAddress());
        resolver.setPort(dns.getPort());
        resolver.setTimeout(Duration.ofSeconds(5));
        Message reply = resolver.send(
                Message.newQuery(Record.newRecord(Name.fromString("www." + zone + "."), Type.A, DClass.IN)));
        assertThat(reply.getRcode()).isIn(Rcode.NOERROR, Rcode.NXDOMAIN);
        return reply.getSection(Section.ANSWER).stream()
                .filter(ARecord.class::isInstance)
                .map(r -> ((ARecord) r).getAddress().getHostAddress())
                .toList();
    }
}
