package portcullis.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

public class AllowedOriginsTest {
    private static final AllowedOrigins ORIGINS =
            AllowedOrigins.of(List.of("https://App.Example.com:443", " http://127.0.0.1:5173 ", ""));

    @Test
    public void originsAreComparedAsBrowsersSerialiseThem() {
        assertTrue(ORIGINS.allows("https://app.example.com"));
        assertTrue(ORIGINS.allows("http://127.0.0.1:5173"));
    }

    @Test
    public void lookAlikesDoNotMatch() {
        for (String lookAlike : List.of("https://app.example.com.evil.example", "https://evilapp.example.com",
                "http://app.example.com", "https://app.example.com:8443", "https://app.example.co",
                "http://127.0.0.1:51730", "http://127.0.0.1", "null", "https://APP.EXAMPLE.COM", "")) {
            assertFalse(ORIGINS.allows(lookAlike), lookAlike);
        }
        assertFalse(ORIGINS.allows(null));
    }

    @Test
    public void anEmptyListIsOff() {
        assertTrue(AllowedOrigins.of(List.of()).isEmpty());
        assertTrue(AllowedOrigins.of(List.of(" ")).isEmpty());
    }

    @Test
    public void onlyExactOriginsAreAccepted() {
        for (String wrong : List.of("*", "null", "https://*.example.com", "app.example.com", "https://app.example.com/",
                "https://app.example.com/path", "ftp://app.example.com", "https://user@app.example.com",
                "https://app.example.com?x=1", "https://bücher.example")) {
            assertThrows(IllegalArgumentException.class, () -> AllowedOrigins.of(List.of(wrong)), wrong);
        }
        assertEquals("http://[::1]:8080", AllowedOrigins.serialise("http://[::1]:8080"));
    }
}
