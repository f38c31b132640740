package portcullis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mindrot.jbcrypt.BCrypt;
import portcullis.database.Database;
import portcullis.database.Dialect;
import portcullis.database.SchemaMigrations;
import portcullis.fixtures.Deployments;
import portcullis.keys.KeyRing;
import portcullis.keys.KeyState;
import portcullis.keys.KeyStatus;
import portcullis.login.Authenticator;
import portcullis.login.InvalidCredentialsException;
import portcullis.login.LoggedIn;
import portcullis.revocation.RevocationList;
import portcullis.revocation.Revocations;
import portcullis.revocation.TokenStanding;
import portcullis.servers.OwnServers;
import portcullis.throttling.AccountThrottling;
import portcullis.throttling.LoginThrottle;
import portcullis.throttling.TooManyAttemptsException;
import portcullis.time.TestTimeSource;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * Portcullis's own beans tested inside Payara Micro (Arquillian in-container mode), where a black-box test is slow
 * or cannot reach: time (a clock the test moves, {@link TestTimeSource}), another node's writes, the stored hash, the
 * migrations as applied. One class, so that all of it shares one server start: the key rotation schedule, the
 * throttle's arithmetic, the revocation list's catch-up, the credential check, the schema.
 */
@OwnServers // its one Arquillian deployment is the only user of the Arquillian servers' database
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class InsideTheServerIT {
    private static final String PASSWORD = "Quokka-Turbine-Lantern-47";

    @Deployment
    public static WebArchive war() {
        return Deployments.builtWarWithTestInside("""
                portcullis.keys.rotation-period=P30D
                portcullis.keys.publish-lead=PT1H
                portcullis.keys.check-interval=PT1H
                portcullis.tokens.lifetime=P60D
                portcullis.tokens.clock-leeway=PT60S
                portcullis.throttling.account-failures=5
                portcullis.throttling.address-failures=20
                portcullis.throttling.failure-window=PT1H
                portcullis.throttling.first-delay=PT2S
                portcullis.throttling.max-delay=PT15M
                portcullis.revocation.sync-interval=PT1H
                portcullis.users.bcrypt-cost=5
                """, InsideTheServerIT.class);
    }

    @Inject
    TestTimeSource time;

    @Inject
    KeyRing keyRing;

    @Inject
    LoginThrottle throttle;

    @Inject
    RevocationList list;

    @Inject
    Revocations anotherNode; // the store itself: what another node's RevocationList writes through

    @Inject
    Authenticator authenticator;

    @Inject
    Users users;

    @Inject
    Database database;

    @Resource(lookup = "jdbc/portcullis")
    DataSource dataSource;

    // -- the key rotation schedule, over a key's whole life

    /** The keys by state, after the schedule ran (as every node's timer runs it). */
    private Map<KeyState, List<String>> byState() {
        keyRing.refresh();
        return keyRing.status().stream().collect(Collectors.groupingBy(KeyStatus::state,
                Collectors.mapping(KeyStatus::kid, Collectors.toList())));
    }

    @Test
    @Order(1) // first: it needs the key ring as the server started it; the others move the clock too
    public void aKeyIsPublishedAheadSignsForItsPeriodAndIsPublishedUntilItsLastTokenExpires() {
        Map<KeyState, List<String>> start = byState();
        assertEquals(1, start.get(KeyState.ACTIVE).size(), start::toString);
        String first = start.get(KeyState.ACTIVE).get(0);

        time.movable().advance(Duration.ofDays(30).minusHours(2));
        assertFalse(byState().containsKey(KeyState.NEXT), "more than the publish lead before the period ends");

        time.movable().advance(Duration.ofHours(1));
        Map<KeyState, List<String>> published = byState();
        assertEquals(List.of(first), published.get(KeyState.ACTIVE), "the first key still signs");
        String second = published.get(KeyState.NEXT).get(0);
        assertTrue(keyRing.publishes(second), "the next key is published before it signs");
        assertEquals(first, keyRing.active().getKeyID());

        time.movable().advance(Duration.ofHours(1));
        Map<KeyState, List<String>> rotated = byState();
        assertEquals(List.of(second), rotated.get(KeyState.ACTIVE));
        assertEquals(List.of(first), rotated.get(KeyState.RETIRED), "still published: its tokens are valid");
        assertEquals(second, keyRing.active().getKeyID());
        assertTrue(keyRing.publishes(first));

        time.movable().advance(Duration.ofDays(60));
        Map<KeyState, List<String>> later = byState();
        assertTrue(later.getOrDefault(KeyState.RETIRED, List.of()).contains(first), "60 days: a token may live on");
        time.movable().advance(Duration.ofSeconds(61));
        assertFalse(byState().values().stream().anyMatch(kids -> kids.contains(first)),
                "the last token it signed has expired (lifetime and leeway): gone");
    }

    // -- the throttle's arithmetic

    private static String account() {
        return "arithmetic-" + UUID.randomUUID() + "@example.com";
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    @Test
    public void theWaitStartsAtTheThresholdDoublesWithEachFailureAndIsCapped() {
        String account = account();
        String address = address();
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(account, address);
        }
        assertFalse(throttle.stateOf(account).locked(), "four failures: no wait yet");
        throttle.recordFailure(account, address);
        assertEquals(new AccountThrottling(5, true, 2), throttle.stateOf(account));
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(account, address));

        time.movable().advance(Duration.ofMillis(2_100));
        assertFalse(throttle.stateOf(account).locked());
        assertDoesNotThrow(() -> throttle.checkAllowed(account, address));

        throttle.recordFailure(account, address);
        assertEquals(4, throttle.stateOf(account).retryAfter(), "one past the threshold: 2 s doubled");
        throttle.recordFailure(account, address);
        assertEquals(8, throttle.stateOf(account).retryAfter());
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(account, address);
        }
        assertEquals(15 * 60, throttle.stateOf(account).retryAfter(), "capped at max-delay: never locked for good");

        time.movable().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertDoesNotThrow(() -> throttle.checkAllowed(account, address), "the capped wait ends");
    }

    @Test
    public void failuresOlderThanTheWindowAreForgotten() {
        String account = account();
        String address = address();
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(account, address);
        }
        assertTrue(throttle.stateOf(account).locked());
        time.movable().advance(Duration.ofHours(1).plusSeconds(1));
        assertEquals(new AccountThrottling(0, false, 0), throttle.stateOf(account));
        throttle.recordFailure(account, address);
        assertEquals(1, throttle.stateOf(account).failures(), "a new window starts");
    }

    @Test
    public void aThrottledAddressDoesNotHoldBackAnAccountThatLoggedInThereBefore() {
        String address = address();
        String regular = account();
        throttle.recordSuccess(regular, address);
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(account(), address); // twenty different names guessed from one address
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(account(), address));
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAddressAllowed(address),
                "a token exchange from there waits too");
        assertDoesNotThrow(() -> throttle.checkAllowed(regular, address));

        time.movable().advance(Duration.ofDays(31)); // past the known-client-window (P30D) and the failure window
        assertDoesNotThrow(() -> throttle.checkAllowed(account(), address), "old failures are forgotten");
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(account(), address);
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(regular, address),
                "a month without a login there: no longer a known client of the address");
    }

    // -- the revocation list catching up with what other nodes stored (the catch-up timer slowed to an hour)

    @Test
    public void aTokenRevokedByAnotherNodeIsRefusedAfterTheCatchUp() {
        String jti = UUID.randomUUID().toString();
        long issuedAt = Instant.now().getEpochSecond();
        list.catchUp();
        anotherNode.revokeToken(jti, "4101", Instant.now().plus(Duration.ofDays(1)));
        assertEquals(TokenStanding.VALID, list.standing(jti, "4101", issuedAt), "not caught up yet");
        list.catchUp();
        assertEquals(TokenStanding.REVOKED, list.standing(jti, "4101", issuedAt));
        assertEquals(TokenStanding.VALID, list.standing(UUID.randomUUID().toString(), "4101", issuedAt));
    }

    @Test
    public void aSubjectRevokedOrOutdatedByAnotherNodeIsCaughtUpByIssueTime() throws InterruptedException {
        long revokedThrough = Instant.now().getEpochSecond();
        list.catchUp();
        anotherNode.revokeThrough("4102", revokedThrough);
        anotherNode.outdateThrough("4103", revokedThrough);
        assertEquals(TokenStanding.VALID, list.standing("a", "4102", revokedThrough));
        list.catchUp();
        assertEquals(TokenStanding.REVOKED, list.standing("a", "4102", revokedThrough), "issued in that second");
        assertEquals(TokenStanding.VALID, list.standing("b", "4102", revokedThrough + 1), "issued after it");
        assertEquals(TokenStanding.OUTDATED, list.standing("c", "4103", revokedThrough));
        assertEquals(TokenStanding.VALID, list.standing("d", "4103", revokedThrough + 1));
    }

    @Test
    public void aDisableAndAnEnableByAnotherNodeArePickedUpInOrder() {
        long now = Instant.now().getEpochSecond();
        list.catchUp();
        anotherNode.disable("4104", true, now);
        list.catchUp();
        assertEquals(TokenStanding.REVOKED, list.standing("e", "4104", now + 60), "disabled: every token refused");
        anotherNode.disable("4104", false, now);
        list.catchUp();
        assertEquals(TokenStanding.VALID, list.standing("f", "4104", now + 60), "enabled again: later tokens valid");
    }

    // -- the credential check: the stored hash, and the EJB's answers to Java callers

    private User register() {
        String name = "check" + UUID.randomUUID().toString().substring(0, 8);
        return users.register(name + "@example.com", name, PASSWORD);
    }

    private String storedHash(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void storeHash(long id, String hash) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE accounts SET password_hash = ? WHERE id = ?")) {
            update.setString(1, hash);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    public void passwordsAreStoredAsBcryptOfTheConfiguredCostNeverAsThemselves() throws SQLException {
        User user = register();
        String hash = storedHash(user.getId());
        // v2: bcrypt of an HMAC of the password (so that passwords past bcrypt's 72 bytes are not cut)
        assertTrue(hash.startsWith("v2$$2a$05$"), hash.substring(0, 10));
        assertTrue(!hash.contains(PASSWORD) && !BCrypt.checkpw(PASSWORD, hash.substring(3)));
    }

    @Test
    public void aHashOfAnOlderSchemeAndCostIsReplacedAtTheNextSuccessfulLoginOnly() throws SQLException {
        User user = register();
        String older = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)); // v1: plain bcrypt, cost 4
        storeHash(user.getId(), older);
        assertThrows(InvalidCredentialsException.class, () -> authenticator.logIn(user.getEmail(), "wrong password"));
        assertEquals(older, storedHash(user.getId()), "a failed login changes nothing");

        LoggedIn loggedIn = authenticator.logIn(user.getEmail(), PASSWORD);
        assertEquals(user.getId(), loggedIn.user().getId());
        String rehashed = storedHash(user.getId());
        assertTrue(rehashed.startsWith("v2$$2a$05$"), rehashed.substring(0, 10));
        assertEquals(user.getId(), authenticator.logIn(user.getEmail(), PASSWORD).user().getId());
    }

    @Test
    public void unknownWrongAndDisabledAreTheSameExceptionToJavaCallers() {
        User user = register();
        users.setDisabled(user.getId(), true);
        InvalidCredentialsException unknown = assertThrows(InvalidCredentialsException.class,
                () -> authenticator.logIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD));
        InvalidCredentialsException disabled = assertThrows(InvalidCredentialsException.class,
                () -> authenticator.logIn(user.getEmail(), PASSWORD));
        InvalidCredentialsException blank = assertThrows(InvalidCredentialsException.class,
                () -> authenticator.logIn(user.getEmail(), null));
        assertEquals(unknown.getMessage(), disabled.getMessage());
        assertEquals(unknown.getMessage(), blank.getMessage());
    }

    // -- the migrations as this server applied them

    private Flyway flyway() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            return SchemaMigrations.scripts(dialect).dataSource(database.dataSource()).load();
        }
    }

    @Test
    public void everyScriptOfThisBuildIsAppliedInOrderAndUnchanged() throws SQLException {
        Flyway flyway = flyway();
        MigrationInfo[] all = flyway.info().all();
        assertTrue(all.length >= 6, "V1 to V6 at least: " + all.length);
        assertEquals(all[all.length - 1].getVersion(), flyway.info().current().getVersion(), "the newest is current");
        assertTrue(Arrays.stream(all).allMatch(info -> info.getState() == MigrationState.SUCCESS),
                () -> Arrays.stream(all).map(info -> info.getVersion() + " " + info.getState()).toList().toString());
        assertEquals(0, flyway.info().pending().length);
        assertTrue(flyway.validateWithResult().validationSuccessful, () -> flyway.validateWithResult().errorDetails
                == null ? "" : flyway.validateWithResult().errorDetails.errorMessage);
    }

    @Test
    public void migratingAgainIsANoOp() throws SQLException {
        assertEquals(0, flyway().migrate().migrationsExecuted);
    }
}
