package portcullis.organisations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.edumapsLogin;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** Organisations, memberships, the belongsTo of both Edumaps answers and of every token, and what a removal does. */
@SharedServer(administered = true)
public class OrganisationsIT {
    private static final String ADMIN_EMAIL = SharedServer.ADMIN_EMAIL;

    Api api;

    private String admin() {
        return TestUsers.admin(api, ADMIN_EMAIL);
    }

    private static String newDomain() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    private String organisation(String admin) {
        String domain = newDomain();
        Reply created = api.post("admin/organisations",
                "{\"organisation\":{\"domain\":\"" + domain + "\",\"name\":\"Org " + domain + "\"}}",
                "Authorization", admin);
        assertEquals(201, created.status(), created::toString);
        return domain;
    }

    private void join(String admin, String domain, Registered user) {
        Reply joined = api.put("admin/organisations/" + domain + "/members/" + user.id(), "", "Authorization", admin);
        assertEquals(201, joined.status(), joined::toString);
    }

    private Reply edumapsLogIn(Registered user) {
        return api.post("auth/login", edumapsLogin(user.email(), user.password()));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    public void membersSeeTheirOrganisationsInBothEdumapsAnswersAndInEveryToken() {
        String admin = admin();
        String first = organisation(admin);
        String second = organisation(admin);
        Registered user = TestUsers.register(api);
        join(admin, second, user);
        join(admin, first, user);
        List<String> expected = new ArrayList<>(List.of(first, second));
        expected.sort(null);

        JsonObject login = edumapsLogIn(user).json();
        assertEquals(expected, strings(login.getJsonObject("data"), "belongsTo"));
        assertEquals(expected, strings(Jwt.claims(login.getString("token")), "belongsTo"));

        JsonObject reauthenticated = api.post("auth/token", "", "Authorisation", login.getString("token")).json();
        assertEquals(expected, strings(reauthenticated.getJsonObject("data"), "belongsTo"));
        assertEquals(expected, strings(Jwt.claims(reauthenticated.getString("token")), "belongsTo"));

        String conduitToken = api.post("users/login", TestUsers.conduitLogin(user.email(), user.password()))
                .user().getString("token");
        assertEquals(expected, strings(Jwt.claims(conduitToken), "belongsTo"));
    }

    @Test
    public void removingAMembershipOutdatesEarlierTokensUntilTheClientReauthenticates() {
        String admin = admin();
        String domain = organisation(admin);
        Registered user = TestUsers.register(api);
        join(admin, domain, user);
        String token = edumapsLogIn(user).json().getString("token");
        assertEquals(List.of(domain), strings(Jwt.claims(token), "belongsTo"));

        assertEquals(204, api.delete("admin/organisations/" + domain + "/members/" + user.id(),
                "Authorization", admin).status());

        Reply refused = api.get("user", "Authorization", "Token " + token);
        assertEquals(401, refused.status());
        assertTrue(refused.json().getJsonObject("errors").getJsonArray("token").getString(0).contains("outdated"),
                refused::toString);
        Reply fresh = api.post("auth/token", "", "Authorisation", token);
        assertEquals(200, fresh.status(), fresh::toString);
        String freshToken = fresh.json().getString("token");
        assertEquals(List.of(), strings(fresh.json().getJsonObject("data"), "belongsTo"));
        assertEquals(List.of(), strings(Jwt.claims(freshToken), "belongsTo"));
        assertEquals(200, api.get("user", "Authorization", "Token " + freshToken).status());
        assertEquals(401, api.get("user", "Authorization", "Token " + token).status());
    }

    @Test
    public void addingAMembershipLeavesCurrentTokensValidAndTheNextTokenNamesIt() {
        String admin = admin();
        String domain = organisation(admin);
        Registered user = TestUsers.register(api);

        join(admin, domain, user);

        assertEquals(200, api.get("user", "Authorization", "Token " + user.token()).status());
        JsonObject fresh = api.post("auth/token", "", "Authorisation", user.token()).json();
        assertEquals(List.of(domain), strings(Jwt.claims(fresh.getString("token")), "belongsTo"));
        assertEquals(204, api.put("admin/organisations/" + domain + "/members/" + user.id(), "",
                "Authorization", admin).status(), "adding again changes nothing");
    }

    @Test
    public void deletingAnOrganisationEndsItsMembershipsAndOutdatesTheMembersTokens() {
        String admin = admin();
        String domain = organisation(admin);
        Registered member = TestUsers.register(api);
        Registered outsider = TestUsers.register(api);
        join(admin, domain, member);
        String token = edumapsLogIn(member).json().getString("token");

        assertEquals(204, api.delete("admin/organisations/" + domain, "Authorization", admin).status());

        assertEquals(401, api.get("user", "Authorization", "Token " + token).status());
        assertEquals(200, api.get("user", "Authorization", "Token " + outsider.token()).status());
        assertEquals(List.of(), strings(edumapsLogIn(member).json().getJsonObject("data"), "belongsTo"));
        assertEquals(404, api.get("admin/organisations/" + domain, "Authorization", admin).status());
    }

    @Test
    public void domainsAreStoredNormalisedAndUnique() {
        String admin = admin();
        String label = "Norm-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = api.post("admin/organisations",
                "{\"organisation\":{\"domain\":\" " + label + ".EXAMPLE. \",\"name\":\"Normalised\"}}",
                "Authorization", admin);
        assertEquals(201, created.status(), created::toString);
        String domain = label.toLowerCase() + ".example";
        assertEquals(domain, created.json().getJsonObject("organisation").getString("domain"));
        assertTrue(created.headers().firstValue("Location").orElseThrow()
                .endsWith("/api/admin/organisations/" + domain));

        Reply taken = api.post("admin/organisations",
                "{\"organisation\":{\"domain\":\"" + label.toUpperCase() + ".example\",\"name\":\"Again\"}}",
                "Authorization", admin);
        assertEquals(422, taken.status());
        assertEquals("has already been taken",
                taken.json().getJsonObject("errors").getJsonArray("domain").getString(0));

        String unicode = "bücher-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Reply international = api.post("admin/organisations",
                "{\"organisation\":{\"domain\":\"" + unicode + "\",\"name\":\"Books\"}}", "Authorization", admin);
        assertEquals(201, international.status(), international::toString);
        assertTrue(international.json().getJsonObject("organisation").getString("domain").startsWith("xn--bcher-"));
        assertEquals(200, api.get("admin/organisations/" + unicode.replace("ü", "%C3%BC"), "Authorization", admin)
                .status(), "found by its Unicode form too");
    }

    @Test
    public void whatIsNotADomainNameIsRefusedWithTheField() {
        String admin = admin();
        for (String bad : List.of("localhost", "under_score.example", "a..b.example", "-dash.example", "",
                "x".repeat(64) + ".example", "a.".repeat(130) + "example", "has space.example")) {
            Reply refused = api.post("admin/organisations",
                    "{\"organisation\":{\"domain\":\"" + bad + "\",\"name\":\"Bad\"}}", "Authorization", admin);
            assertEquals(422, refused.status(), () -> bad + ": " + refused);
            assertTrue(refused.json().getJsonObject("errors").containsKey("domain"), refused::toString);
        }
        Reply noName = api.post("admin/organisations", "{\"organisation\":{\"domain\":\"" + newDomain() + "\"}}",
                "Authorization", admin);
        assertEquals(422, noName.status());
        assertEquals("can't be blank", noName.json().getJsonObject("errors").getJsonArray("name").getString(0));
        assertEquals(400, api.post("admin/organisations", "{\"organisation\":", "Authorization", admin).status());
    }

    @Test
    public void administratorsListPageReadRenameAndListMembers() {
        String admin = admin();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(organisation(admin));
        }
        Registered user = TestUsers.register(api);
        join(admin, mine.get(0), user);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = api.get("admin/organisations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    "Authorization", admin).json();
            assertTrue(page.getJsonArray("organisations").size() <= 2);
            page.getJsonArray("organisations").getValuesAs(JsonObject.class)
                    .forEach(organisation -> seen.add(organisation.getString("domain")));
            cursor = page.isNull("next") ? null : page.getString("next");
        } while (cursor != null);
        assertTrue(seen.containsAll(mine), seen::toString);
        assertEquals(seen.size(), seen.stream().distinct().count(), "no organisation twice");

        JsonObject read = api.get("admin/organisations/" + mine.get(0), "Authorization", admin).json()
                .getJsonObject("organisation");
        assertEquals(1, read.getInt("members"));
        JsonObject renamed = api.put("admin/organisations/" + mine.get(0),
                "{\"organisation\":{\"name\":\"Renamed Ltd\"}}", "Authorization", admin).json()
                .getJsonObject("organisation");
        assertEquals("Renamed Ltd", renamed.getString("name"));
        assertEquals(mine.get(0), renamed.getString("domain"));

        JsonObject members = api.get("admin/organisations/" + mine.get(0) + "/members", "Authorization", admin).json();
        assertEquals(List.of(user.email()), members.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .map(member -> member.getString("email")).toList());
    }

    @Test
    public void unknownOrganisationsUsersAndMembershipsAre404() {
        String admin = admin();
        String domain = organisation(admin);
        Registered user = TestUsers.register(api);

        assertEquals(404, api.get("admin/organisations/" + newDomain(), "Authorization", admin).status());
        Reply unknownUser = api.put("admin/organisations/" + domain + "/members/999999999", "", "Authorization", admin);
        assertEquals(404, unknownUser.status());
        assertTrue(unknownUser.json().getJsonObject("errors").containsKey("user"));
        Reply notAMember = api.delete("admin/organisations/" + domain + "/members/" + user.id(),
                "Authorization", admin);
        assertEquals(404, notAMember.status());
        assertTrue(notAMember.json().getJsonObject("errors").containsKey("membership"));
    }

    @Test
    public void nonAdministratorsGetTheSame403WhetherTheOrganisationExistsOrNot() {
        String domain = organisation(admin());
        Registered user = TestUsers.register(api);
        String token = "Token " + user.token();

        Reply existing = api.get("admin/organisations/" + domain, "Authorization", token);
        Reply missing = api.get("admin/organisations/" + newDomain(), "Authorization", token);
        Reply join = api.put("admin/organisations/" + domain + "/members/" + user.id(), "", "Authorization", token);

        assertEquals(403, existing.status());
        assertEquals(existing.body(), missing.body());
        assertEquals(existing.body(), join.body());
        assertEquals(401, api.get("admin/organisations").status());
    }
}
