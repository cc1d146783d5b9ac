package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ludus.testkit.LudusDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * University sign-in (issue 11) against a real identity provider: Keycloak with the realm of
 * src/test/resources/keycloak, and a second server of our own whose settings point at it
 * (LUDUS_OIDC_ISSUER …, LUDUS_OIDC_ROLE_MAP). A browser goes to /admin/, signs in on Keycloak's page and comes
 * back signed in; a user without a role sees "no access yet"; signing out ends the provider's session too; a
 * university account signs in through a SAML identity provider that the lab's Keycloak brokers.
 */
@ExtendWith(ArquillianExtension.class)
class OidcSignInIT {

    private static UniversitySignIn university;
    private ChromeDriver browser;

    /** Arquillian's server only brings the suite's configuration up; this test runs its own second server. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return LudusDeployment.war();
    }

    @BeforeAll
    static void startProviderAndServer() throws Exception {
        university = UniversitySignIn.start("oidc-server");
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (university != null) {
            university.stop();
        }
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            Browsers.quitCheckingPolicy(browser);
        }
    }

    /** The second server on localhost, the name the provider's redirect URIs are registered for. */
    private static URI ludus() {
        return university.ludus();
    }

    private org.openqa.selenium.support.ui.WebDriverWait waitFor() {
        var wait = Browsers.waitFor(browser);
        wait.withMessage(() -> "the browser is at " + browser.getCurrentUrl() + ": "
                + browser.getPageSource().substring(0, Math.min(2000, browser.getPageSource().length())));
        return wait;
    }

    private void signInOnTheProvider(String user, String password) {
        waitFor().until(b -> b.getCurrentUrl().startsWith(Keycloak.base().toString())
                && !b.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    @Test
    @RunAsClient
    void aResearcherSignsInAtTheUniversityAndOutAgain() throws Exception {
        HttpResponse<String> notHers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                ludus().resolve("/api/sessions/")).header("otree-rest-key", System.getProperty("ludus.it.restKey"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"session_config_name\":\"bargaining\",\"num_participants\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, notHers.statusCode(), notHers.body());
        String othersCode = jakarta.json.Json.createReader(new java.io.StringReader(notHers.body())).readObject()
                .getString("code");
        browser = Browsers.open();
        browser.get(ludus().resolve("/admin/sessions").toString());
        signInOnTheProvider("alice", "alice-password");
        waitFor().until(b -> b.getCurrentUrl().startsWith(ludus().resolve("/admin/sessions").toString())
                && !b.findElements(By.id("logout")).isEmpty());
        assertTrue(browser.findElement(By.id("logout")).isDisplayed());
        assertTrue(browser.getPageSource().contains("alice"), "signed in as alice");
        assertTrue(browser.findElements(By.cssSelector("#sessions td")).stream()
                .noneMatch(cell -> cell.getText().contains(othersCode)), "only her own sessions are listed");

        browser.findElement(By.id("logout")).click();
        waitFor().until(b -> b.getCurrentUrl().equals(ludus().resolve("/admin/signed-out").toString()));
        // the provider's session is over too: the admin asks for the password again
        browser.get(ludus().resolve("/admin/sessions").toString());
        waitFor().until(b -> b.getCurrentUrl().startsWith(Keycloak.base().toString()));
        assertEquals(1, browser.findElements(By.id("password")).size(), "Keycloak's login form, not a silent sign-in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "eve"}) // bob has no group; eve's group is called "admin", which names no lab role
    void someoneWithoutARoleSeesNoAccessYet(String user) {
        browser = Browsers.open();
        browser.get(ludus().resolve("/admin/").toString());
        signInOnTheProvider(user, user + "-password");
        waitFor().until(b -> b.getCurrentUrl().startsWith(ludus().toString())
                && !b.findElements(By.id("error-message")).isEmpty());
        String message = browser.findElement(By.id("error-message")).getText();
        assertTrue(message.contains("signed in as " + user) && message.contains("no access yet"), message);
    }

    @Test
    @RunAsClient
    void aUniversityAccountSignsInThroughTheSamlBroker() {
        browser = Browsers.open();
        browser.get(ludus().resolve("/admin/sessions").toString());
        waitFor().until(b -> b.getCurrentUrl().startsWith(Keycloak.base().resolve("/realms/ludus/").toString())
                && !b.findElements(By.id("social-university")).isEmpty());
        browser.findElement(By.id("social-university")).click(); // "University (SAML)" on the lab's login page
        waitFor().until(b -> b.getCurrentUrl().startsWith(Keycloak.base().resolve("/realms/university/").toString())
                && !b.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys("dana");
        browser.findElement(By.id("password")).sendKeys("dana-password");
        browser.findElement(By.id("kc-login")).click();
        // a first brokered sign-in may show the profile for review: it is confirmed as it came from the IdP
        waitFor().until(b -> !b.findElements(By.id("logout")).isEmpty()
                || b.getCurrentUrl().startsWith(Keycloak.base().toString()) && !b.findElements(By.cssSelector(
                        "form input[type=submit], form button[type=submit]")).isEmpty()
                        && b.findElements(By.id("kc-login")).isEmpty());
        if (browser.findElements(By.id("logout")).isEmpty()) {
            browser.findElement(By.cssSelector("form input[type=submit], form button[type=submit]")).click();
        }
        waitFor().until(b -> b.getCurrentUrl().startsWith(ludus().resolve("/admin/sessions").toString())
                && !b.findElements(By.id("logout")).isEmpty());
        assertTrue(browser.getPageSource().contains("dana"), "signed in as the university's dana, a researcher"
                + " through the SAML attribute 'groups' (econ-staff)");
    }

    @Test
    @RunAsClient
    void theRestKeyWorksBesideTheUniversitySignIn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> withKey = http.send(HttpRequest.newBuilder(ludus().resolve("/api/session_configs/"))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withKey.statusCode(), withKey.body());
        HttpResponse<String> without = http.send(HttpRequest.newBuilder(ludus().resolve("/api/session_configs/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, without.statusCode(), "the API does not send scripts to a login page");
        HttpResponse<String> participant = http.send(HttpRequest.newBuilder(ludus().resolve("/room/econ_lab")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, participant.statusCode(), "participant pages never need a login");
        HttpResponse<String> withProviderParameters = http.send(HttpRequest.newBuilder(
                ludus().resolve("/room/econ_lab?state=forged&code=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withProviderParameters.statusCode(), "an open page is not the sign-in's business");
        HttpResponse<String> staleCallback = http.send(HttpRequest.newBuilder(
                ludus().resolve("/oidc/callback?state=forged&code=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, staleCallback.statusCode(), "a forged or reloaded callback starts the sign-in again: "
                + staleCallback.body());
    }
}
