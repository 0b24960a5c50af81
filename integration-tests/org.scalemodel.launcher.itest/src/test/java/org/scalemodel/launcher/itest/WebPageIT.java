package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium (Debian's chromium and chromium-driver, driven by
 * Selenium): it loads, a scenario runs, the charts appear, and a hot-swapped definition shows up
 * without a reload. Skipped where no Chromium is installed, unless
 * {@code scalemodel.browser.required} is true (as in CI, whose {@code .ci/run} installs it).
 */
class WebPageIT {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final File CHROMIUM = new File("/usr/bin/chromium");

    @TempDir
    static Path folder;

    static Server server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
        if (!installed && Boolean.getBoolean("scalemodel.browser.required")) {
            throw new AssertionError("scalemodel.browser.required is set, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeThat(installed).as("Chromium and ChromeDriver installed").isTrue();
        server = new Server(folder);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the flags a closed network and a root sandbox need (see the machine notes)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1900",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aScenarioRunsItsChartsAppearAndAHotSwapShowsUp() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(server.uri("/").toString());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(browser.getCurrentUrl()).endsWith("/web/index.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog"), "catalog generation"));
        assertThat(browser.findElements(By.cssSelector("#system option"))).hasSizeGreaterThan(10);
        assertThat(browser.findElement(By.id("scenario")).getAttribute("value")).contains("GPT-3 175B");

        browser.findElement(By.id("plan")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-breakdown"), "data-ready", "true"));
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-memory"), "data-ready", "true"));
        WebElement canvas = browser.findElement(By.cssSelector("#chart-breakdown canvas"));
        assertThat(Integer.parseInt(canvas.getAttribute("width"))).as("the chart has room to draw").isGreaterThan(100);
        List<WebElement> plans = browser.findElements(By.cssSelector("#plans tbody tr"));
        assertThat(plans).isNotEmpty();
        assertThat(browser.findElement(By.id("comparison")).getText()).as("the fastest plan's compute by operator")
                .contains("mlp.up", "TFLOP/s");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        String before = browser.findElement(By.id("facts")).getText();
        assertThat(before).contains("catalog generation").contains("built-in nvidia.yaml");

        // hot-swap: an A100 override with twice the BF16 peak; the page re-asks and says so
        Definitions.write(server.definitions, "a100-override.yaml", Definitions.a100("624 TFLOPS"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertThat(browser.findElement(By.id("banner")).getText()).contains("The catalog changed");
        wait.until(d -> d.findElement(By.id("facts")).getText().contains("a100-override.yaml"));
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-breakdown"), "data-ready", "true"));

        // two systems side by side
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("system")))
                .selectByValue("nvidia-selene-a100");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("systemB")))
                .selectByValue("nvidia-dgx-h100-superpod");
        browser.findElement(By.id("compare")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-compare"), "data-ready", "true"));
        assertThat(browser.findElements(By.cssSelector("#comparison tbody tr"))).isNotEmpty();
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#chart-compare canvas")).getAttribute("width")))
                .isGreaterThan(100);
        Thread.sleep(1500); // for the picture only: ECharts animates bars in over one second
        screenshot();
    }

    @Test
    void theValidationShowsEveryCaseAndOpensOneInFull() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(server.uri("/").toString());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));

        browser.findElement(By.id("validate")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-scaling"), "data-ready", "true"));
        assertThat(browser.findElement(By.id("facts")).getText()).contains("MAPE");
        assertThat(browser.findElements(By.cssSelector("#plans a[data-case]"))).hasSizeGreaterThan(50);
        assertThat(browser.findElements(By.cssSelector("#comparison tbody tr"))).isNotEmpty();

        browser.findElement(By.cssSelector("#plans a[data-case='korthikanti22-175B-full']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-breakdown"), "data-ready", "true"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), "korthikanti22-175B-full"));
        assertThat(browser.findElement(By.id("facts")).getText()).contains("measured", "predicted", "error");
        assertThat(browser.findElements(By.cssSelector("#plans tbody tr"))).as("the pipeline stages").hasSize(8);
        assertThat(browser.findElement(By.id("comparison")).getText()).as("the compute by operator")
                .contains("mlp.up", "attention", "TFLOP/s");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    private static void screenshot() throws IOException {
        String target = System.getProperty("scalemodel.screenshot");
        if (target != null) {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
