package portcullis.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** An HTTP answer as the test saw it; {@code statusLine} only when read from the wire by {@link RawHttp}. */
public record Reply(int status, HttpHeaders headers, String body, String statusLine) {

    public Reply(int status, HttpHeaders headers, String body) {
        this(status, headers, body, null);
    }

    /** The body as a JSON object, after checking that it was declared JSON. */
    public JsonObject json() {
        String type = headers.firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "expected a JSON answer, got '" + type + "': " + body);
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The body as a JSON array, after checking that it was declared JSON. */
    public JsonArray jsonArray() {
        String type = headers.firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "expected a JSON answer, got '" + type + "': " + body);
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    public JsonObject user() {
        return json().getJsonObject("user");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
