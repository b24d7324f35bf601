package iq.gov.bcc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ReducedMotion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
import iq.gov.bcc.localstack.Tokens;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auditor console in a real browser: Debian's Chromium, headless, driven by Playwright (whose own browser download
 * is skipped), signing in through the real Keycloak login page. Screenshots go to target/console-screenshots.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("bcc.test.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    static Playwright playwright;
    static Browser browser;
    static SimulatedDay day;

    @TestHTTPResource("/console/")
    URL console;

    @BeforeAll
    static void launchChromium() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium package (apt-get install chromium), which .ci/run installs").exists();
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void aDayAtTheCrossings() throws Exception {
        ConsoleClientRedirects.allow(console);
        if (day == null) {
            day = SimulatedDay.publish();
        }
    }

    @Test
    void anAuditorFollowsTheMoneyFromTheChartToTheEvidenceAndDecidesWithASecondPairOfEyes() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.navigate(console.toString());
            page.keyboard().press("Tab");
            assertThat(page.evaluate("document.activeElement.id")).as("the first Tab stop skips to the content").isEqualTo("skip-link");
            screenshot(page, "01-sign-in");
            signIn(page, "auditor");
            PlaywrightAssertions.assertThat(page.locator("#user")).containsText("Zainab Al-Saadi");

            // Revenue: both charts drawn, with yesterday's figures for Al-Shalamcha and a year earlier beside them.
            page.locator("#revenue-by-crossing canvas").first().waitFor();
            page.locator("#revenue-by-month canvas").first().waitFor();
            Locator shalamcha = page.locator("#revenue-by-crossing-table tr[data-crossing=SHL]");
            PlaywrightAssertions.assertThat(shalamcha).hasCount(1);
            List<String> cells = shalamcha.locator("td").allTextContents();
            assertThat(cells.get(0)).as("assessed").isNotEqualTo("0 IQD").endsWith("IQD");
            assertThat(cells.get(4)).as("assessed a year earlier").isNotEqualTo("0 IQD");
            PlaywrightAssertions.assertThat(page.locator(".figure-value").first()).not().hasText("0 IQD");
            screenshot(page, "02-revenue");

            // A crossing picked on the chart opens its scorecard.
            clickChartRow(page, "revenue-by-crossing", "SHL");
            page.waitForURL(url -> url.contains("#/crossings/SHL"));
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Al-Shalamcha (SHL)");
            PlaywrightAssertions.assertThat(page.locator("#scorecard-by-type canvas").first()).isVisible();
            screenshot(page, "03-scorecard");

            // From the scorecard to the crossing's cases, filtered to underpayments, and the CSV of them.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All discrepancies at Al-Shalamcha")).click();
            page.locator("#cases").waitFor();
            page.getByLabel("Type").selectOption("UNDERPAYMENT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            page.waitForURL(url -> url.contains("type=UNDERPAYMENT"));
            Locator row = page.locator("#cases tr[data-declaration='" + day.nightRelease.id + "']");
            PlaywrightAssertions.assertThat(row).hasCount(1);
            assertEveryControlIsLabelled(page);
            screenshot(page, "04-discrepancies");
            Download csv = page.waitForDownload(() -> page.locator("#download-csv").click());
            String exported = Files.readString(csv.path());
            // the byte-order mark that makes Excel read the file as UTF-8 survives the browser's download
            assertThat(exported).startsWith("\uFEFFid,type,status,declarationId,crossingCode,amountAtStakeIqd")
                    .contains(day.nightRelease.id.toString()).doesNotContain(",WEIGHT_MISMATCH,");

            // The case: evidence, the declaration's story as a timeline, four eyes required above 1,000,000 IQD.
            row.locator("a").click();
            PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Underpayment at Al-Shalamcha");
            String caseId = page.url().replaceAll(".*#/discrepancies/", "");
            PlaywrightAssertions.assertThat(page.locator(".evidence")).containsText("1,593,800 IQD");
            Locator timeline = page.locator("#timeline li");
            PlaywrightAssertions.assertThat(timeline).hasCount(5);
            assertThat(timeline.evaluateAll("items => items.map(i => i.dataset.type)").toString())
                    .contains("declaration.filed", "assessment.completed", "payment.recorded", "declaration.weighed",
                            "declaration.released");
            PlaywrightAssertions.assertThat(page.locator("#timeline")).containsText("29,000 kg on scale SHL-WB-1");
            PlaywrightAssertions.assertThat(page.locator("#four-eyes")).containsText("A dismissal needs a second, different senior auditor");
            assertEveryControlIsLabelled(page);
            screenshot(page, "05-case");

            dismiss(page, "Receipt R-2026-0098765 covers the balance: paid at the Rafidain bank Basra branch, copy on file.");
            PlaywrightAssertions.assertThat(page.locator("#decision-result")).hasText("Decision recorded: Dismiss.");
            PlaywrightAssertions.assertThat(page.locator("#four-eyes")).containsText("Awaiting a second senior auditor");
            PlaywrightAssertions.assertThat(page.locator("#decisions tbody tr")).hasCount(1);
            PlaywrightAssertions.assertThat(page.locator("#decisions")).containsText("Waiting for a second senior auditor");
            screenshot(page, "06-first-dismissal");

            // Sign out; a senior auditor signs in at the same laptop and gives the second dismissal.
            page.locator("#sign-out").click();
            page.locator("#sign-in").waitFor();
            PlaywrightAssertions.assertThat(page.locator("#user")).isHidden();
            signIn(page, "senior");
            page.navigate(console + "#/discrepancies/" + caseId);
            PlaywrightAssertions.assertThat(page.locator("#four-eyes")).containsText("First dismissed by auditor");
            dismiss(page, "Checked the bank copy of the receipt myself: the duty was paid in full.");
            PlaywrightAssertions.assertThat(page.locator("h1 .badge")).hasText("Dismissed");
            PlaywrightAssertions.assertThat(page.locator("#decisions tbody tr")).hasCount(2);
            screenshot(page, "07-second-dismissal");
            Audit.as("auditor").get("/api/v1/discrepancies/{id}", caseId).then().statusCode(200)
                    .body("status", equalTo("DISMISSED"))
                    .body("decisions.decidedBy", org.hamcrest.Matchers.contains("auditor", "senior"));

            // Arabic, right to left: the case, the revenue chart and the crossings map.
            page.locator("#language").click();
            PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            PlaywrightAssertions.assertThat(page.locator("h1")).containsText("نقص في السداد في الشلامجة");
            screenshot(page, "08-case-arabic");
            page.navigate(console + "#/revenue");
            page.locator("#revenue-by-crossing canvas").first().waitFor();
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("الإيرادات");
            screenshot(page, "09-revenue-arabic");
            page.navigate(console + "#/crossings");
            PlaywrightAssertions.assertThat(page.locator(".tile")).hasCount(22);
            PlaywrightAssertions.assertThat(page.locator(".neighbour h2")).hasCount(6);
            screenshot(page, "10-crossings-arabic");
            page.locator("#language").click();
            PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("dir", "ltr");
            PlaywrightAssertions.assertThat(page.locator(".tile[data-crossing=SHL]")).containsText("Al-Shalamcha");
            screenshot(page, "11-crossings");

            page.locator("#sign-out").click();
            page.locator("#sign-in").waitFor();
        }
    }

    @Test
    void aCrossingSystemCannotSignIn() {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.navigate(console.toString());
            page.locator("#sign-in").click();
            page.waitForURL(url -> url.contains("/protocol/openid-connect/auth"));
            // A crossing's service account has no password: its client secret does not open the login page.
            page.locator("#username").fill("service-account-crossing-shl");
            page.locator("#password").fill("local-dev-only-crossing-shl");
            page.locator("#kc-login").click();
            PlaywrightAssertions.assertThat(page.getByText("Invalid username or password")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");
            assertThat(page.url()).startsWith(TestInfrastructure.keycloak().baseUrl());
            screenshot(page, "12-crossing-refused");

            // Nor can the crossing's own client start a browser sign-in that comes back to the console.
            page.navigate(TestInfrastructure.keycloak().issuer() + "/protocol/openid-connect/auth?response_type=code"
                    + "&client_id=crossing-shl&scope=openid&code_challenge_method=S256"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&redirect_uri=" + URLEncoder.encode(console.toString(), StandardCharsets.UTF_8));
            assertThat(page.url()).startsWith(TestInfrastructure.keycloak().baseUrl()).doesNotContain("code=");
            screenshot(page, "13-crossing-client-refused");
        }
        // And a crossing's token reads none of what the console shows.
        String yesterday = LocalDate.now(ZoneId.of("Asia/Baghdad")).minusDays(1).toString();
        for (String path : List.of("/api/v1/revenue?from=" + yesterday + "&to=" + yesterday, "/api/v1/crossings",
                "/api/v1/crossings/SHL/scorecard", "/api/v1/discrepancies")) {
            RestAssured.given().auth().oauth2(Tokens.crossing("SHL")).get(path).then().statusCode(403);
        }
    }

    @Test
    void aPersonWhoIsNotAnAuditorIsTurnedAway() {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.navigate(console.toString());
            signIn(page, "tariff-admin");
            PlaywrightAssertions.assertThat(page.locator("#no-access")).containsText("tariff-admin");
            PlaywrightAssertions.assertThat(page.locator("#sections")).isHidden();
            screenshot(page, "14-not-an-auditor");
        }
        Audit.as("tariff-admin").get("/api/v1/discrepancies").then().statusCode(403);
    }

    @Test
    void theConsoleLearnsWhereToSignInFromTheService() {
        RestAssured.given().get("/console/settings").then().statusCode(200)
                .body("issuer", equalTo(TestInfrastructure.keycloak().issuer()))
                .body("clientId", equalTo("bcc-console"))
                .body("roles", hasSize(2));
        RestAssured.given().get("/console/").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString(
                        "connect-src 'self' " + TestInfrastructure.keycloak().issuer() + "/"));
        RestAssured.given().get("/_static/echarts/dist/echarts.min.js").then().statusCode(200);
        for (String entrance : List.of("/", "/console")) {
            RestAssured.given().redirects().follow(false).get(entrance).then().statusCode(302)
                    .header("Location", org.hamcrest.Matchers.endsWith("/console/"));
        }
    }

    private BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
                .setLocale("en-GB").setReducedMotion(ReducedMotion.REDUCE).setAcceptDownloads(true));
        context.setDefaultTimeout(60_000);
        return context;
    }

    private void signIn(Page page, String username) {
        page.locator("#sign-in").click();
        page.waitForURL(url -> url.contains("/protocol/openid-connect/auth"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(Tokens.LOCAL_PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(console.toString()) && !url.contains("code="));
        page.locator("#user").waitFor();
    }

    /** Clicks the chart's row of a crossing, where the person would: on the canvas, at that crossing's bars. */
    private static void clickChartRow(Page page, String chartId, String crossing) {
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) page.evaluate("""
                ([chartId, crossing]) => {
                  const container = document.getElementById(chartId);
                  const chart = echarts.getInstanceByDom(container);
                  const rows = [...document.querySelectorAll(`#${chartId}-table tbody tr`)].map(tr => tr.dataset.crossing);
                  const canvas = container.querySelector('canvas').getBoundingClientRect();
                  return { x: canvas.width / 2, y: chart.convertToPixel({ yAxisIndex: 0 }, rows.indexOf(crossing)) };
                }""", List.of(chartId, crossing));
        BoundingBox canvas = page.locator("#" + chartId + " canvas").first().boundingBox();
        page.mouse().click(canvas.x + ((Number) point.get("x")).doubleValue(), canvas.y + ((Number) point.get("y")).doubleValue());
    }

    private static void dismiss(Page page, String reason) {
        page.getByLabel("Dismiss — no loss").check();
        page.getByLabel("Reason").fill(reason);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
    }

    private static void assertEveryControlIsLabelled(Page page) {
        Object unlabelled = page.evaluate("""
                [...document.querySelectorAll('input, select, textarea, button')]
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
                  .map(e => e.outerHTML)""");
        assertThat((List<?>) unlabelled).as("controls without a label").isEmpty();
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
