package portcullis.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.Keycloak;
import portcullis.servers.Neighbour;
import portcullis.servers.SharedServer;

/**
 * Token exchange against a real Keycloak: realm {@code corp} trusted by {@code sub}, realm {@code partner} trusted by
 * verified email (its keys fetched through a {@link JwksMirror} the test counts and can hang), realm
 * {@code elsewhere} not trusted. Both dialects, the mapping, the stored link, every refusal RFC 8725 asks for, key
 * rotation followed without a restart, and Keycloak stopped (last: the tests that change Keycloak run in order at
 * the end).
 */
@Tag("database-independent")
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedServer(configuredBy = "configuration")
public class FederationIT {
    private static final String OPS = "ops@local.example";
    private static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    private static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    private static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    @RegisterExtension
    static final Neighbour<Keycloak> KEYCLOAK = Neighbour.of(() -> Keycloak.start("federation/corp-realm.json",
            "federation/partner-realm.json", "federation/elsewhere-realm.json"));
    /** The partner realm's keys, through a mirror the tests count and can make hang. */
    @RegisterExtension
    static final Neighbour<JwksMirror> PARTNER_KEYS = Neighbour.of(() -> new JwksMirror(
            URI.create(KEYCLOAK.get().issuer("partner") + "/protocol/openid-connect/certs")));

    Api api;
    URL base;

    static List<String> configuration() {
        Keycloak keycloak = KEYCLOAK.get();
        return Arrays.asList("""
                portcullis.admin.bootstrap-email=%s
                portcullis.admin.bootstrap-password=Quokka-Turbine-Lantern-47
                portcullis.users.bcrypt-cost=4
                portcullis.throttling.address-failures=200
                portcullis.requests.trusted-proxies=127.0.0.1,::1
                portcullis.federation.providers=corp,partner
                portcullis.federation.clock-leeway=PT2S
                portcullis.federation.key-refresh-interval=PT3S
                portcullis.federation.connect-timeout=PT1S
                portcullis.federation.read-timeout=PT2S
                portcullis.federation.corp.issuer=%s
                portcullis.federation.corp.audience=portcullis
                portcullis.federation.corp.group-roles=engineering=developer,staff=staffer
                portcullis.federation.corp.group-organisations=engineering=corp.example,staff=staff.corp.example
                portcullis.federation.partner.issuer=%s
                portcullis.federation.partner.jwks-url=%s
                portcullis.federation.partner.audience=portcullis
                portcullis.federation.partner.user-claim=email
                """.formatted(OPS, keycloak.issuer("corp"), keycloak.issuer("partner"), PARTNER_KEYS.get().url())
                .split("\n"));
    }

    private Reply exchange(String dialect, String token, String tokenType) {
        return api.send("POST", dialect, Api.FORM, form(Map.of("grant_type", EXCHANGE, "subject_token", token,
                "subject_token_type", tokenType)));
    }

    private Reply conduitExchange(String token) {
        return exchange("users/exchange", token, ACCESS_TOKEN);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString).stream().sorted().toList();
    }

    private static void assertRefused(Reply reply, String reason) {
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), reply::toString);
        assertEquals("invalid_grant", reply.json().getString("error"), reply::toString);
        assertEquals(List.of(reason), reply.json().getJsonObject("errors").getJsonArray("subject_token")
                .getValuesAs(JsonString::getString), reply::toString);
    }

    @Test
    void aKeycloakAccessTokenIsExchangedInTheConduitDialectAndTheTokenWorks() {
        Reply exchanged = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "ada"));
        assertEquals(200, exchanged.status(), exchanged::toString);
        JsonObject user = exchanged.user();
        assertEquals("ada@corp.example", user.getString("email"));
        assertEquals("ada", user.getString("username"));
        assertEquals("Ada Lovelace", user.getString("name"));
        String token = exchanged.json().getString("access_token");
        assertEquals(token, user.getString("token"));
        assertEquals(ACCESS_TOKEN, exchanged.json().getString("issued_token_type"));
        assertEquals("Bearer", exchanged.json().getString("token_type"));
        assertTrue(exchanged.json().getJsonNumber("expires_in").longValue() > 3600, exchanged::toString);

        JsonObject claims = Jwt.claims(token);
        assertEquals(List.of("developer", "staffer", "user"), strings(claims, "groups"));
        assertEquals(List.of("corp.example", "staff.corp.example"), strings(claims, "belongsTo"));
        Reply me = api.get("user", "Authorization", "Token " + token);
        assertEquals(200, me.status(), me::toString);
        assertEquals("ada@corp.example", me.user().getString("email"));
        Reply bearer = api.get("user", "Authorization", "Bearer " + token);
        assertEquals(200, bearer.status(), bearer::toString);
    }

    @Test
    void aKeycloakIdTokenIsExchangedInTheEdumapsDialectIntoTheSameAccountAndReauthenticates() {
        String first = Jwt.claims(conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "ada"))
                .json().getString("access_token")).getString("sub");
        Reply exchanged = exchange("auth/exchange", KEYCLOAK.get().tokens("corp", "estate-app", "ada").getString("id_token"),
                ID_TOKEN);
        assertEquals(200, exchanged.status(), exchanged::toString);
        JsonObject data = exchanged.json().getJsonObject("data");
        assertEquals(first, data.getString("_id"));
        assertEquals("ada@corp.example", data.getString("email"));
        assertEquals(List.of("corp.example", "staff.corp.example"), strings(data, "belongsTo"));
        assertEquals(exchanged.json().getString("token"), exchanged.json().getString("access_token"));

        Reply fresh = api.post("auth/token", "", "Authorisation", exchanged.json().getString("token"));
        assertEquals(200, fresh.status(), fresh::toString);
        assertEquals(first, fresh.json().getJsonObject("data").getString("_id"));
    }

    @Test
    void theSamePersonExchangingAgainGetsTheSameAccount() {
        Reply once = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "gus"));
        assertEquals(200, once.status(), once::toString);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = KEYCLOAK.get().accessToken("corp", "estate-app", "gus");
            long started = System.nanoTime();
            Reply again = conduitExchange(token);
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertEquals(200, again.status(), again::toString);
            assertEquals(once.user().getJsonNumber("id"), again.user().getJsonNumber("id"));
            assertNotEquals(once.user().getString("token"), again.user().getString("token"));
        }
        // For the record (not asserted: speed is the benchmark's): the exchange as a client sees it.
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("20 exchanges: median " + sorted.get(10) + " ms, slowest " + sorted.get(19) + " ms");
    }

    @Test
    void aTokenIsExchangedOnceOnly() {
        String token = KEYCLOAK.get().accessToken("corp", "estate-app", "gus");
        assertEquals(200, conduitExchange(token).status());
        assertRefused(conduitExchange(token), "has been exchanged already");
        assertRefused(exchange("auth/exchange", token, ACCESS_TOKEN), "has been exchanged already");
    }

    @Test
    void aTokenSentEightTimesAtOnceIsExchangedOnce() throws Exception {
        String token = KEYCLOAK.get().accessToken("corp", "estate-app", "gus");
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(clients.submit(() -> {
                    start.await();
                    return new Api(base).send("POST", "users/exchange", Api.FORM, form(Map.of("grant_type", EXCHANGE,
                            "subject_token", token, "subject_token_type", ACCESS_TOKEN)));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var reply : replies) {
                Reply answer = reply.get();
                statuses.add(answer.status());
                if (answer.status() != 200) {
                    assertRefused(answer, "has been exchanged already");
                }
            }
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses::toString);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void refusedExchangesThrottleTheirAddressButNotItsKnownUsers() {
        String address = "203.0.113.77"; // through the trusted proxy 127.0.0.1; other tests come from 127.0.0.1
        TestUsers.Registered regular = TestUsers.register(api);
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(regular.email(), regular.password()),
                "X-Forwarded-For", address).status()); // a known client of that address from now on
        int refused = 0;
        Reply reply;
        do {
            reply = api.send("POST", "users/exchange", Api.FORM, form(Map.of("grant_type", EXCHANGE,
                    "subject_token", "not.a.token", "subject_token_type", ACCESS_TOKEN)), "X-Forwarded-For", address);
            refused++;
        } while (reply.status() == 401 && refused < 260);
        assertEquals(429, reply.status(), reply::toString);
        assertEquals(201, refused, "the 201st attempt waits (address-failures=200)");
        assertTrue(reply.headers().firstValue("Retry-After").isPresent());
        Reply valid = api.send("POST", "users/exchange", Api.FORM, form(Map.of("grant_type", EXCHANGE,
                "subject_token", KEYCLOAK.get().accessToken("corp", "estate-app", "gus"),
                "subject_token_type", ACCESS_TOKEN)), "X-Forwarded-For", address);
        assertEquals(429, valid.status(), "even a valid token waits: " + valid);
        assertEquals(200, api.post("users/login", TestUsers.conduitLogin(regular.email(), regular.password()),
                "X-Forwarded-For", address).status(), "a known user of the address is not held back");
        assertEquals(200, conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "gus")).status(),
                "other addresses are not held back");
    }

    @Test
    void aForgedTokenIsRefused() {
        String[] parts = KEYCLOAK.get().accessToken("corp", "estate-app", "gus").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("gus@corp.example", OPS);
        assertRefused(conduitExchange(parts[0] + "." + Jwt.encode(claims) + "." + parts[2]),
                "has a signature that does not verify with the provider's published keys");
        // the signature of another token of the same key on these claims
        String[] other = KEYCLOAK.get().accessToken("corp", "estate-app", "ben").split("\\.");
        assertRefused(conduitExchange(parts[0] + "." + parts[1] + "." + other[2]),
                "has a signature that does not verify with the provider's published keys");
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String token = KEYCLOAK.get().accessToken("corp", "short-lived", "gus"); // lives 1 s; the leeway is 2 s
        long expiry = Jwt.claims(token).getJsonNumber("exp").longValue();
        Thread.sleep(Math.max(0, (expiry + 3) * 1000 - System.currentTimeMillis()));
        assertRefused(conduitExchange(token), "has expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = KEYCLOAK.get().accessToken("corp", "no-audience", "gus");
        assertFalse(Jwt.claims(token).toString().contains("portcullis"));
        assertRefused(conduitExchange(token), "is not for Portcullis (aud)");
    }

    @Test
    void aTokenOfAnIssuerNotConfiguredIsRefused() {
        String token = KEYCLOAK.get().accessToken("elsewhere", "estate-app", "ada"); // same email, same audience
        assertRefused(conduitExchange(token), "is from an issuer Portcullis does not trust");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = KEYCLOAK.get().accessToken("corp", "estate-app", "gus").split("\\.");
        String none = Jwt.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertRefused(conduitExchange(none + "." + parts[1] + "."), "is not a signed JWT");
        assertRefused(conduitExchange(none + "." + parts[1] + "." + parts[2]), "is not a signed JWT");
    }

    @Test
    void hs256SignedWithTheProvidersPublicKeyIsRefused() throws Exception {
        String token = KEYCLOAK.get().accessToken("corp", "estate-app", "gus");
        String kid = Jwt.header(token).getString("kid");
        RSAKey published = JWKSet.load(URI.create(KEYCLOAK.get().issuer("corp") + "/protocol/openid-connect/certs").toURL())
                .getKeyByKeyId(kid).toRSAKey();
        byte[] der = published.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        Payload claims = new Payload(Jwt.claims(token).toString());
        for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII),
                published.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
            JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(kid).build(), claims);
            forged.sign(new MACSigner(secret));
            assertRefused(conduitExchange(forged.serialize()),
                    "is signed with HS256, which is not allowed for this provider");
        }
    }

    @Test
    void aTokenBringingItsOwnKeyIsRefusedAndItsKeyUrlNeverFetched() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
        AtomicInteger fetched = new AtomicInteger();
        HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        keys.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = new JWKSet(attacker.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.start();
        try {
            Payload claims = new Payload(Jwt.claims(KEYCLOAK.get().accessToken("corp", "estate-app", "gus")).toString());
            String jku = "http://127.0.0.1:" + keys.getAddress().getPort() + "/keys";
            for (JWSHeader header : List.of(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").jwk(attacker.toPublicJWK()).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").jwkURL(URI.create(jku)).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").x509CertURL(URI.create(jku)).build())) {
                JWSObject forged = new JWSObject(header, claims);
                forged.sign(new RSASSASigner(attacker));
                assertRefused(conduitExchange(forged.serialize()),
                        "has a header naming its own key (jwk, jku, x5u, x5c) or extensions (crit)");
            }
            // and without those headers, a key the provider does not publish
            JWSObject unknownKey = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(),
                    claims);
            unknownKey.sign(new RSASSASigner(attacker));
            assertRefused(conduitExchange(unknownKey.serialize()),
                    "has a signature that does not verify with the provider's published keys");
        } finally {
            keys.stop(0);
        }
        assertEquals(0, fetched.get());
    }

    @Test
    void anEmailTheProviderHasNotVerifiedIsRefused() {
        assertRefused(conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "cleo")),
                "has no email the provider verified (email, email_verified)");
        assertRefused(conduitExchange(KEYCLOAK.get().accessToken("partner", "estate-app", "quinn")),
                "has no email the provider verified (email, email_verified)");
    }

    @Test
    void aProviderTrustedByEmailLinksByTheVerifiedEmail() {
        Reply once = conduitExchange(KEYCLOAK.get().accessToken("partner", "estate-app", "pia"));
        assertEquals(200, once.status(), once::toString);
        assertEquals("pia@partner.example", once.user().getString("email"));
        Reply twice = exchange("auth/exchange", KEYCLOAK.get().accessToken("partner", "estate-app", "pia"), ACCESS_TOKEN);
        assertEquals(String.valueOf(once.user().getJsonNumber("id")), twice.json().getJsonObject("data")
                .getString("_id"));
    }

    @Test
    void anEmailOfAnotherAccountCannotBeTakenAndDoesNotMoveThePersonThere() {
        // dora's Keycloak email is that of a local account: no account is linked or taken over
        TestUsers.Registered local = TestUsers.registerOrLogIn(api, "dora@local.example", "dora_local",
                TestUsers.STRONG_PASSWORD);
        Reply refused = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "dora"));
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.json().containsKey("errors"), refused::toString);
        assertEquals("invalid_grant", refused.json().getString("error"), refused::toString);
        assertTrue(refused.json().containsKey("error_description"), refused::toString);

        // fay is linked by her sub; her email changed at Keycloak to a local account's changes nothing there
        Reply fay = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "fay"));
        assertEquals(200, fay.status(), fay::toString);
        TestUsers.Registered victim = TestUsers.register(api);
        KEYCLOAK.get().updateUser("corp", "fay", Json.createObjectBuilder().add("email", victim.email())
                .add("emailVerified", true).build());
        Reply moved = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "fay"));
        assertEquals(409, moved.status(), moved::toString);
        Reply victimStill = api.post("users/login", TestUsers.conduitLogin(victim.email(), victim.password()));
        assertEquals(victim.id(), victimStill.user().getJsonNumber("id").longValue());
        Reply doraStill = api.post("users/login", TestUsers.conduitLogin("dora@local.example",
                TestUsers.STRONG_PASSWORD));
        assertEquals(local.id(), doraStill.user().getJsonNumber("id").longValue());

        // a free new email follows her into the same account
        KEYCLOAK.get().updateUser("corp", "fay", Json.createObjectBuilder().add("email", "fay.new@corp.example")
                .add("emailVerified", true).build());
        Reply renamed = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "fay"));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(fay.user().getJsonNumber("id"), renamed.user().getJsonNumber("id"));
        assertEquals("fay.new@corp.example", renamed.user().getString("email"));
    }

    @Test
    void aDisabledAccountCannotBeEnteredThroughTheProvider() {
        Reply eve = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "eve"));
        assertEquals(200, eve.status(), eve::toString);
        long id = eve.user().getJsonNumber("id").longValue();
        String admin = TestUsers.admin(api, OPS);
        assertEquals(204, api.post("admin/users/" + id + "/disable", "", "Authorization", admin).status());
        assertRefused(conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "eve")), "names a disabled account");
        assertEquals(401, api.get("user", "Authorization", "Token " + eve.user().getString("token")).status());
    }

    @Test
    void exchangedTokensAreSessionsThatCanBeRevokedAndAreAudited() {
        Reply exchanged = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "ben"));
        String token = "Token " + exchanged.user().getString("token");
        Reply sessions = api.get("user/sessions", "Authorization", token);
        assertEquals(200, sessions.status(), sessions::toString);
        String jti = Jwt.claims(exchanged.user().getString("token")).getString("jti");
        assertTrue(sessions.json().getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> s.getString("id").equals(jti) && s.getString("kind").equals("exchange")),
                sessions::toString);

        String admin = TestUsers.admin(api, OPS);
        long id = exchanged.user().getJsonNumber("id").longValue();
        Reply events = api.get("admin/events?kind=exchange&user=" + id, "Authorization", admin);
        assertEquals(200, events.status(), events::toString);
        JsonObject event = events.json().getJsonArray("events").getJsonObject(0);
        assertEquals("success", event.getString("outcome"));
        assertEquals(jti, event.getString("jti"));
        assertEquals("idp:corp", event.getString("detail"));
        Reply user = api.get("admin/users/" + id, "Authorization", admin);
        assertEquals("idp:corp", user.json().getJsonObject("user").getString("managedBy"), user::toString);

        assertEquals(204, api.post("auth/logout", "", "Authorization", token).status());
        assertEquals(401, api.get("user", "Authorization", token).status());
    }

    @Test
    void anExchangedAccountHasNoPasswordToChange() {
        Reply exchanged = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "ben"));
        Reply change = api.put("user", "{\"user\":{\"password\":\"Another-Strong-Password-77\"}}",
                "Authorization", "Token " + exchanged.user().getString("token"));
        assertEquals(422, change.status(), change::toString);
    }

    @Test
    void requestsThatAreNotTokenExchangesGetTheOAuthError() {
        Reply wrongGrant = api.send("POST", "users/exchange", Api.FORM, form(Map.of("grant_type", "password",
                "subject_token", "x", "subject_token_type", ACCESS_TOKEN)));
        assertEquals(400, wrongGrant.status(), wrongGrant::toString);
        assertEquals("unsupported_grant_type", wrongGrant.json().getString("error"));
        assertTrue(wrongGrant.json().getJsonObject("errors").containsKey("grant_type"));

        Reply noToken = api.send("POST", "auth/exchange", Api.FORM, form(Map.of("grant_type", EXCHANGE,
                "subject_token_type", ACCESS_TOKEN)));
        assertEquals(400, noToken.status(), noToken::toString);
        assertEquals("invalid_request", noToken.json().getString("error"));

        Reply wrongType = exchange("users/exchange", "a.b.c", "urn:ietf:params:oauth:token-type:saml2");
        assertEquals(400, wrongType.status(), wrongType::toString);
        assertTrue(wrongType.json().getJsonObject("errors").containsKey("subject_token_type"));

        Reply delegation = api.send("POST", "users/exchange", Api.FORM, form(Map.of("grant_type", EXCHANGE,
                "subject_token", "a.b.c", "subject_token_type", ACCESS_TOKEN, "actor_token", "x")));
        assertEquals(400, delegation.status(), delegation::toString);

        Reply json = api.post("users/exchange", "{\"grant_type\":\"" + EXCHANGE + "\"}");
        assertEquals(415, json.status(), json::toString);
        assertTrue(json.json().containsKey("errors"), json::toString);

        Reply huge = conduitExchange("a".repeat(9000));
        assertRefused(huge, "is longer than 8192 characters");
        Reply garbage = conduitExchange("not.a.token");
        assertRefused(garbage, "is not a signed JWT");
    }

    /** Tokens with any claims, signed by a key the corp realm publishes; made once for the class. */
    private static ProviderTokens corpTokens;

    private static ProviderTokens corpTokens() {
        if (corpTokens == null) {
            corpTokens = ProviderTokens.of(KEYCLOAK.get(), "corp");
            pastKeyRefreshInterval();
        }
        return corpTokens;
    }

    /** Portcullis fetches a provider's keys for an unknown kid at most once per key-refresh-interval (3 s here). */
    private static void pastKeyRefreshInterval() {
        try {
            Thread.sleep(3_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void oddClaimValuesAreRefusedWithTheOAuthErrorNeverA500() {
        ProviderTokens tokens = corpTokens();
        assertEquals(200, conduitExchange(tokens.sign(tokens.claims())).status(), "the control: ordinary claims");
        String huge = "4611686018427387904"; // 2^62 seconds: wraps into 1970 as milliseconds
        Map<String, List<String>> odd = new java.util.LinkedHashMap<>();
        odd.put("sub", java.util.Arrays.asList(null, "null", "12345", "true", "[]", "{}", "[\"a\"]"));
        odd.put("exp", java.util.Arrays.asList(null, "null", "\"tomorrow\"", huge, "1e300", "-1", "true", "[]"));
        odd.put("iat", java.util.Arrays.asList(null, "null", huge, "1e300", "\"now\"", "-5", "{}"));
        odd.put("nbf", List.of("null", huge, "1e300", "\"later\"", "-1"));
        odd.put("aud", java.util.Arrays.asList(null, "null", "5", "[]", "[1]", "{}", "\"someone-else\""));
        odd.put("iss", List.of("null", "5", "[\"" + KEYCLOAK.get().issuer("corp") + "\"]"));
        odd.put("jti", List.of("5", "null", "[]", "\"\""));
        odd.put("email", java.util.Arrays.asList(null, "null", "5", "\"a@\"", "\"@b\"", "\"a b@c\"", "\"a@b@c\""));
        odd.put("email_verified", List.of("false", "null", "\"yes\"", "1"));
        odd.forEach((claim, values) -> values.forEach(value -> {
            Map<String, String> claims = tokens.claims();
            claims.put(claim, value);
            Reply reply = conduitExchange(tokens.sign(claims));
            String what = claim + "=" + value + ": " + reply;
            assertEquals(401, reply.status(), what);
            assertEquals("invalid_grant", reply.json().getString("error"), what);
            assertTrue(reply.json().getJsonObject("errors").containsKey("subject_token"), what);
        }));
    }

    @Test
    void aOneCharacterSubjectWhoseNameIsTakenGetsAUniqueUsername() {
        ProviderTokens tokens = corpTokens();
        Map<String, String> claims = tokens.claims();
        String taken = "taken" + UUID.randomUUID().toString().substring(0, 6);
        TestUsers.register(api, taken + "@local.example", taken, TestUsers.STRONG_PASSWORD);
        claims.put("sub", "\"" + UUID.randomUUID().toString().charAt(0) + "\"");
        claims.put("preferred_username", "\"" + taken + "\"");
        Reply reply = conduitExchange(tokens.sign(claims));
        assertEquals(200, reply.status(), reply::toString);
        assertNotEquals(taken, reply.user().getString("username"));
        assertTrue(reply.user().getString("username").startsWith(taken + "-"), reply::toString);
    }

    @Test
    void peopleOfOneNameAtThreeDomainsGetThreeAccountsWithUniqueUsernames() {
        // the email-keyed provider, without preferred_username: the username comes from the email's local part
        ProviderTokens partner = ProviderTokens.of(KEYCLOAK.get(), "partner");
        pastKeyRefreshInterval();
        String name = "jocf" + (1000 + new java.util.Random().nextInt(9000));
        List<String> usernames = new ArrayList<>();
        for (String domain : List.of("a.example", "b.example", "c.example")) {
            Map<String, String> claims = partner.claims();
            claims.put("email", "\"" + name + "@" + domain + "\"");
            Reply reply = conduitExchange(partner.sign(claims));
            assertEquals(200, reply.status(), domain + ": " + reply);
            usernames.add(reply.user().getString("username"));
        }
        assertEquals(3, Set.copyOf(usernames).size(), usernames::toString);
    }

    @Test
    void concurrentFirstSignInsOfOnePersonEndInOneAccountAndAllSucceed() throws Exception {
        ProviderTokens tokens = corpTokens();
        Map<String, String> person = tokens.claims();
        List<String> sixTokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, String> claims = new java.util.LinkedHashMap<>(person);
            claims.put("jti", "\"" + UUID.randomUUID() + "\"");
            sixTokens.add(tokens.sign(claims));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Reply>> replies = new ArrayList<>();
        for (String token : sixTokens) {
            replies.add(pool.submit(() -> {
                start.await();
                return conduitExchange(token);
            }));
        }
        start.countDown();
        Set<Long> accounts = new java.util.HashSet<>();
        for (java.util.concurrent.Future<Reply> reply : replies) {
            Reply answer = reply.get();
            assertEquals(200, answer.status(), answer::toString);
            accounts.add(answer.user().getJsonNumber("id").longValue());
        }
        pool.shutdown();
        assertEquals(1, accounts.size(), "one person, several accounts: " + accounts);
    }

    @Test
    void oddRequestShapesGetTheOAuthErrorNeverA500() {
        String token = corpTokens().sign(corpTokens().claims());
        Map<String, Reply> replies = new java.util.LinkedHashMap<>();
        replies.put("no subject_token_type", api.send("POST", "users/exchange", Api.FORM,
                form(Map.of("grant_type", EXCHANGE, "subject_token", token))));
        replies.put("subject_token twice", api.send("POST", "users/exchange", Api.FORM, form(Map.of("grant_type",
                EXCHANGE, "subject_token_type", ACCESS_TOKEN, "subject_token", token)) + "&subject_token=" + token));
        replies.put("grant_type twice", api.send("POST", "auth/exchange", Api.FORM, form(Map.of("grant_type",
                EXCHANGE, "subject_token_type", ACCESS_TOKEN, "subject_token", token)) + "&grant_type=" + EXCHANGE));
        replies.put("actor_token_type alone", api.send("POST", "users/exchange", Api.FORM, form(Map.of("grant_type",
                EXCHANGE, "subject_token_type", ACCESS_TOKEN, "subject_token", token, "actor_token_type",
                ACCESS_TOKEN))));
        replies.put("malformed form", api.send("POST", "users/exchange", Api.FORM, "grant_type=%zz&subject_token=x"));
        replies.put("JSON without a Content-Type", api.send("POST", "users/exchange", null,
                "{\"grant_type\":\"" + EXCHANGE + "\"}"));
        replies.put("JSON", api.send("POST", "auth/exchange", Api.JSON, "{\"grant_type\":\"" + EXCHANGE + "\"}"));
        replies.put("text", api.send("POST", "users/exchange", "text/plain", "grant_type=" + EXCHANGE));
        replies.put("GET", api.get("users/exchange"));
        replies.put("DELETE", api.delete("auth/exchange"));
        replies.put("too large", api.send("POST", "users/exchange", Api.FORM, "subject_token=" + "a".repeat(70_000)));
        replies.put("empty", api.send("POST", "users/exchange", Api.FORM, ""));
        replies.forEach((what, reply) -> {
            assertTrue(reply.status() >= 400 && reply.status() < 500, what + ": " + reply);
            assertTrue(reply.json().containsKey("errors"), what + ": " + reply);
            assertTrue(reply.json().getString("error", "").matches("invalid_request|unsupported_grant_type"),
                    what + ": " + reply);
            assertTrue(reply.json().containsKey("error_description"), what + ": " + reply);
        });
        assertEquals(415, replies.get("JSON without a Content-Type").status());
        assertEquals(413, replies.get("too large").status());
        assertEquals(405, replies.get("GET").status());
        assertEquals(400, replies.get("subject_token twice").status());
    }

    @Test
    void noCredentialIsTakenFromTheQueryString() {
        String token = corpTokens().sign(corpTokens().claims());
        Reply exchange = api.send("POST", "users/exchange?" + form(Map.of("grant_type", EXCHANGE, "subject_token",
                token, "subject_token_type", ACCESS_TOKEN)), Api.FORM, "");
        assertEquals(400, exchange.status(), exchange::toString);
        assertEquals("invalid_request", exchange.json().getString("error"), exchange::toString);
        assertTrue(exchange.json().getJsonObject("errors").containsKey("subject_token"), exchange::toString);
        TestUsers.Registered user = TestUsers.register(api);
        for (String path : List.of("auth/local", "auth/login", "users/login")) {
            Reply login = api.send("POST", path + "?email=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8)
                    + "&password=" + user.password(), Api.FORM, "");
            assertEquals(400, login.status(), path + ": " + login);
            assertTrue(login.json().getJsonObject("errors").containsKey("password"), login::toString);
        }
    }

    @Test
    void aTokenOfTheOtherKindThanItsDeclaredTypeIsRefused() {
        JsonObject tokens = KEYCLOAK.get().tokens("corp", "estate-app", "gus");
        assertRefused(exchange("users/exchange", tokens.getString("id_token"), ACCESS_TOKEN),
                "is an ID token, not the access_token its subject_token_type says");
        tokens = KEYCLOAK.get().tokens("corp", "estate-app", "gus");
        assertRefused(exchange("auth/exchange", tokens.getString("access_token"), ID_TOKEN),
                "is an access token, not the id_token its subject_token_type says");
    }

    @Test
    @Order(Order.DEFAULT + 1) // after the tests without an order
    void forgedKeyIdsMakePortcullisFetchTheProvidersKeysAtMostOncePerInterval() throws Exception {
        assertEquals(200, conduitExchange(KEYCLOAK.get().accessToken("partner", "estate-app", "pia")).status());
        Thread.sleep(3_100); // past the refresh interval: the next unknown kid may fetch once
        int before = PARTNER_KEYS.get().fetches();
        Payload claims = new Payload(Jwt.claims(KEYCLOAK.get().accessToken("partner", "estate-app", "pia")).toString());
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).build(), claims);
            forged.sign(new RSASSASigner(attacker));
            assertRefused(conduitExchange(forged.serialize()),
                    "has a signature that does not verify with the provider's published keys");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int fetches = PARTNER_KEYS.get().fetches() - before;
        System.out.printf("40 forged kids in %.1f s: %d key fetches%n", seconds, fetches);
        assertTrue(fetches >= 1 && fetches <= 1 + (int) (seconds / 3), "fetches: " + fetches);
    }

    @Test
    @Order(Order.DEFAULT + 2) // after the tests without an order
    void aHangingProviderGetsA503WithinTheReadTimeout() throws Exception {
        Thread.sleep(3_100);
        PARTNER_KEYS.get().hang();
        try {
            RSAKey attacker = new RSAKeyGenerator(2048).generate();
            Payload claims = new Payload(Jwt.claims(KEYCLOAK.get().accessToken("partner", "estate-app", "pia")).toString());
            JWSObject unknownKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rotated").build(),
                    claims);
            unknownKid.sign(new RSASSASigner(attacker));
            long started = System.nanoTime();
            Reply reply = conduitExchange(unknownKid.serialize());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, reply.status(), reply::toString);
            assertEquals("temporarily_unavailable", reply.json().getString("error"));
            assertTrue(reply.json().getJsonObject("errors").containsKey("identity provider"), reply::toString);
            assertTrue(reply.headers().firstValue("Retry-After").isPresent());
            assertTrue(millis < 4_000, millis + " ms");
            System.out.println("Hanging provider answered 503 in " + millis + " ms");
        } finally {
            PARTNER_KEYS.get().answer();
        }
    }

    @Test
    @Order(Order.DEFAULT + 3) // after the tests without an order
    void groupsLeftAtTheProviderAreLeftAtTheNextExchange() {
        Reply before = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "hal"));
        assertEquals(List.of("user"), strings(Jwt.claims(before.user().getString("token")), "groups"));
        Reply ben = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "ben"));
        assertEquals(List.of("staffer", "user"), strings(Jwt.claims(ben.user().getString("token")), "groups"));
        assertEquals(List.of("staff.corp.example"), strings(Jwt.claims(ben.user().getString("token")), "belongsTo"));
        KEYCLOAK.get().leaveGroup("corp", "ben", "staff");
        Reply after = conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "ben"));
        assertEquals(200, after.status(), after::toString);
        assertEquals(List.of("user"), strings(Jwt.claims(after.user().getString("token")), "groups"));
        assertEquals(List.of(), strings(Jwt.claims(after.user().getString("token")), "belongsTo"));
    }

    @Test
    @Order(Order.DEFAULT + 4) // after the tests without an order
    void keycloakRotatesItsKeysAndTheNewKeyIsFollowedWithoutARestart() throws Exception {
        String oldToken = KEYCLOAK.get().accessToken("corp", "estate-app", "hal");
        String oldKeysOtherToken = KEYCLOAK.get().accessToken("corp", "estate-app", "hal");
        assertEquals(200, conduitExchange(oldToken).status());
        Thread.sleep(3_100); // as long after the last fetch as a rotation would usually come
        KEYCLOAK.get().rotateKeys("corp", 500);
        long rotated = System.nanoTime();
        String newToken = KEYCLOAK.get().accessToken("corp", "estate-app", "hal");
        assertNotEquals(Jwt.header(oldToken).getString("kid"), Jwt.header(newToken).getString("kid"));
        Reply exchanged = conduitExchange(newToken);
        long followMillis = (System.nanoTime() - rotated) / 1_000_000;
        assertEquals(200, exchanged.status(), exchanged::toString);
        System.out.println("Key rotation followed " + followMillis + " ms after Keycloak's new key");
        // the old key is still published beside the new one: its tokens still exchange
        Reply old = conduitExchange(oldKeysOtherToken);
        assertEquals(200, old.status(), old::toString);
    }

    @Test
    @Order(Order.DEFAULT + 5) // after the tests without an order
    void withKeycloakStoppedANewKeyGetsA503QuicklyAndLocalLoginsWork() throws Exception {
        TestUsers.Registered local = TestUsers.register(api);
        String knownKey = KEYCLOAK.get().accessToken("corp", "estate-app", "hal");
        assertEquals(200, conduitExchange(KEYCLOAK.get().accessToken("corp", "estate-app", "hal")).status());
        KEYCLOAK.get().rotateKeys("corp", 600);
        String unknownKey = KEYCLOAK.get().accessToken("corp", "estate-app", "hal");
        Thread.sleep(3_100);
        KEYCLOAK.get().stop();

        long started = System.nanoTime();
        Reply reply = conduitExchange(unknownKey);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(reply.json().getJsonObject("errors").containsKey("identity provider"), reply::toString);
        assertTrue(millis < 3_000, millis + " ms");
        System.out.println("Keycloak stopped: 503 in " + millis + " ms");

        // keys fetched before the outage still serve (until keys-max-age), and local logins never notice
        Reply known = conduitExchange(knownKey);
        assertEquals(200, known.status(), known::toString);
        Reply login = api.post("users/login", TestUsers.conduitLogin(local.email(), local.password()));
        assertEquals(200, login.status(), login::toString);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertEquals(200, api.post("users/login", TestUsers.conduitLogin(local.email(), local.password()))
                    .status());
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("Local logins with Keycloak stopped: " + times + " ms at " + Instant.now());
    }
}
